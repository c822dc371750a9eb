"""Settings: the language, light or dark (or as the system), the size of the text, the sound
when the chair opens a vote, the desktop's notifications, and the PIN that opens the idle lock.

Theme and text size apply at once; the language applies when the window is opened again, and
the dialog says so (every screen would otherwise need to rebuild its words in place). The
choices live in QSettings, never in the profile: they are the laptop's, not the member's papers.
The PIN is the exception: the dialog hands it to the window, which keeps a verifier of it in
the encrypted profile (``ecabinet.client.lock``). GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QSettings, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.lock import PIN_DIGITS
from ui import theme
from ui.i18n import LANGUAGES, chosen_language
from ui.live.alerts import set_sound_enabled, sound_enabled
from ui.style import tokens
from ui.window.tray import notifications_enabled, set_notifications_enabled


class SettingsDialog(QDialog):
    pin_chosen = Signal(str)  # six digits, to open the idle lock

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cài đặt"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(chosen_language()))
        self.theme = QComboBox()
        for code, name in (
            (theme.SYSTEM, self.tr("Theo hệ thống")),
            (theme.LIGHT, self.tr("Sáng")),
            (theme.DARK, self.tr("Tối")),
        ):
            self.theme.addItem(name, code)
        saved_theme = str(QSettings().value("theme", theme.SYSTEM))
        self.theme.setCurrentIndex(max(0, self.theme.findData(saved_theme)))
        self.text_size = QComboBox()
        for scale in theme.FONT_SCALES:
            self.text_size.addItem(f"{round(scale * 100)}%", scale)
        saved_scale = float(QSettings().value("font_scale", 1.0))  # type: ignore[arg-type]
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(saved_scale)))
        self.vote_sound = QCheckBox(self.tr("Phát âm báo khi chủ trì mở biểu quyết"))
        self.vote_sound.setChecked(sound_enabled())
        self.notifications = QCheckBox(
            self.tr("Báo khi phiếu sắp hết hạn, tài liệu được thay thế, biểu quyết được mở")
        )
        self.notifications.setChecked(notifications_enabled())
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_DIGITS)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}")))
        self.pin.setPlaceholderText(self.tr("6 chữ số"))
        self.pin_button = QPushButton(self.tr("Đặt mã PIN"))
        self.pin_button.clicked.connect(self._pin_chosen)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pin, 1)
        pin_row.addWidget(self.pin_button)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Ngôn ngữ"), self.language)
        form.addRow(self.tr("Giao diện"), self.theme)
        form.addRow(self.tr("Cỡ chữ"), self.text_size)
        form.addRow(self.tr("Âm báo"), self.vote_sound)
        form.addRow(self.tr("Thông báo"), self.notifications)
        form.addRow(self.tr("Mã PIN mở khoá màn hình"), pin_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        # Qt has no Vietnamese of its own buttons: without this the window says "Close".
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        form.setVerticalSpacing(tokens.M)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.XL, tokens.L + tokens.XS, tokens.XL, tokens.L)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        self.text_size.currentIndexChanged.connect(self._size_chosen)
        self.vote_sound.toggled.connect(set_sound_enabled)
        self.notifications.toggled.connect(set_notifications_enabled)

    def _app(self) -> QApplication:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        return app

    def _language_chosen(self) -> None:
        QSettings().setValue("language", self.language.currentData())
        self.note.setText(
            self.tr("Ngôn ngữ mới có hiệu lực khi mở lại e-Cabinet.")
            + " / The new language applies when e-Cabinet is opened again."
        )

    def _theme_chosen(self) -> None:
        QSettings().setValue("theme", self.theme.currentData())
        theme.apply_theme(self._app())

    def _size_chosen(self) -> None:
        QSettings().setValue("font_scale", self.text_size.currentData())
        theme.apply_font_scale(self._app())

    def _pin_chosen(self) -> None:
        pin = self.pin.text()
        self.pin.clear()
        if len(pin) != PIN_DIGITS:
            self.note.setText(self.tr("Mã PIN gồm đúng 6 chữ số."))
            return
        self.pin_chosen.emit(pin)

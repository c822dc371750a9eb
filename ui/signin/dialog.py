"""Sign-in: the product's mark, the server's address, the body (chosen from the server's list,
or its code typed: gov, hanoi; empty for the server's own: ui/signin/body_choice.py), username,
password, "remember me"; clear words when it fails (ui/signin/words.py).

The address is checked as the command line checks it (ecabinet.client.reach) before anything
is sent. The server, the body and the username are remembered in QSettings (the laptop's
choices, like the theme), and only when "remember me" is ticked; the password never is. The
sign-in itself (network, key enrolment) runs on the task manager's network lane, and its
writes of the store go to the local lane through the account's writer. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.account import Account
from ecabinet.client.reach import BadAddress, server_address
from ui.icons import product_icon
from ui.signin.body_choice import BodyChoice
from ui.signin.words import bad_address, sign_in_problem
from ui.tasks import TaskManager
from ui.theme import colors
from ui.widgets.labels import heading

SERVER_KEY, BODY_KEY, USERNAME_KEY = "sign_in/server", "sign_in/body", "sign_in/username"
MARK = 72  # the product's mark, in pixels


class SignInDialog(QDialog):
    signed_in = Signal(str)  # the member's full name
    failed = Signal(str)  # the message shown

    def __init__(
        self, account: Account, tasks: TaskManager, message: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self.setWindowTitle(self.tr("Đăng nhập e-Cabinet"))
        settings = QSettings()
        self.server = QLineEdit(str(settings.value(SERVER_KEY, "https://")))
        self.server.setPlaceholderText("https://ecabinet.chinhphu.vn")
        # One server hosts the Government and People's Committees: the body is chosen from the
        # server's list once its address is known (ui/signin/body_choice.py).
        self.body = BodyChoice(tasks, str(settings.value(BODY_KEY, "")))
        self.server.editingFinished.connect(self._ask_for_bodies)
        self.username = QLineEdit(str(settings.value(USERNAME_KEY, "")))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Ghi nhớ đăng nhập trên máy này"))
        self.remember.setChecked(True)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {colors().danger.name()}")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đăng nhập"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Máy chủ"), self.server)
        form.addRow(self.tr("Cơ quan"), self.body)
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Mật khẩu"), self.password)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(16)
        layout.addLayout(self._masthead())
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        # Room for a long address and a two-line message without a cramped form.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("m") * 44)
        (self.password if self.username.text() else self.username).setFocus()
        self._ask_for_bodies()  # the address remembered: its list, without a keystroke

    def _masthead(self) -> QHBoxLayout:
        """The product's mark beside its name: the member knows where the password goes."""
        self.mark = QLabel()
        self.mark.setPixmap(product_icon().pixmap(QSize(MARK, MARK)))
        self.mark.setFixedSize(MARK, MARK)
        name = heading("e-Cabinet", scale=1.6)
        # The laptop may be the Government's or a People's Committee's: no body named here.
        tagline = QLabel(self.tr("Hệ thống phòng họp không giấy"))
        tagline.setWordWrap(True)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addStretch(1)
        words.addWidget(name)
        words.addWidget(tagline)
        words.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        return row

    def _ask_for_bodies(self) -> None:
        """The list of the server's bodies, for an address that reads as one (else none yet:
        the address is judged, in words, at "Đăng nhập")."""
        try:
            self.body.ask_for(server_address(self.server.text().strip()))
        except BadAddress:
            return

    def submit(self) -> None:
        typed, username = self.server.text().strip(), self.username.text().strip()
        body = self.body.code()
        password = self.password.text()
        if typed in ("", "https://", "http://") or not (username and password):
            self._show_problem(self.tr("Hãy nhập địa chỉ máy chủ, tên đăng nhập và mật khẩu."))
            return
        try:
            server = server_address(typed)
        except BadAddress:
            self._show_problem(bad_address(typed))
            self.server.setFocus()
            return
        self.server.setText(server)  # as it is used: "https://" given to a bare name
        account, remember = self.account, self.remember.isChecked()

        def sign_in() -> str:
            if not remember:
                account.remember_nothing()
            return account.sign_in(server, username, password, body_code=body)

        self._busy(True)
        self.message.setText(self.tr("Đang đăng nhập…"))
        self.tasks.run_network(
            sign_in,
            lambda name: self._on_signed_in(
                name, {SERVER_KEY: server, BODY_KEY: body, USERNAME_KEY: username}, remember
            ),
            lambda error: self._on_failed(error, server),
        )

    def _busy(self, busy: bool) -> None:
        fields = (self.server, self.body, self.username, self.password, self.remember)
        for widget in (*fields, self.buttons):
            widget.setEnabled(not busy)

    def _on_signed_in(self, full_name: str, typed: dict[str, str], remember: bool) -> None:
        """``typed``: what was signed in with, by its QSettings key."""
        self._busy(False)
        self.password.clear()
        settings = QSettings()
        for key, value in typed.items():
            if remember:
                settings.setValue(key, value)
            else:  # "do not remember" leaves no name behind either
                settings.remove(key)
        self.signed_in.emit(full_name)
        self.accept()

    def _on_failed(self, error: BaseException, server: str) -> None:
        self._busy(False)
        self._show_problem(sign_in_problem(error, server))

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.failed.emit(text)

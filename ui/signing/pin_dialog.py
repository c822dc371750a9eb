"""The USB token's PIN, asked in a modal dialog while a worker waits for it.

Signing runs on a worker (ui/tasks.py); the token asks for its PIN there, through the
``PinSource`` the window gives the account (ecabinet.signing.pin). ``DialogPin`` is that
source: called on the worker, it hands the question to the GUI thread through a Handoff and
waits for the answer on the worker, never on the GUI thread. The dialog shows the token's
label, a masked field, what the token says of the tries left, and Cancel (nothing is signed).
``PinDialog``: GUI thread. ``DialogPin.__call__``: a worker thread.
"""

from __future__ import annotations

import queue
import threading

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ecabinet.signing.pin import PinRequest
from ui.handoff import Handoff
from ui.theme import colors
from ui.widgets.labels import heading

WAIT_STEP_S = 0.2  # how often a waiting worker looks whether the window has closed


class PinDialog(QDialog):
    """Asks one PIN; ``pin()`` is what was typed once accepted."""

    def __init__(self, request: PinRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pin_dialog")
        self.setWindowTitle(self.tr("Ký số bằng thiết bị ký số"))
        self.setModal(True)
        self.setMinimumWidth(470)
        self.heading = heading(self.tr("Nhập mã PIN của thiết bị ký số"), scale=1.2)
        self.explain = QLabel(
            self.tr("Cắm thiết bị ký số (USB token) vào máy, nhập mã PIN rồi bấm “Ký”.")
        )
        self.explain.setWordWrap(True)
        self.token = QLabel(self.tr("Thiết bị: {label}").format(label=request.token_label))
        self.token.setStyleSheet(f"color: {colors().muted.name()}")
        self.warning = QLabel(self.warning_words(request))
        self.warning.setObjectName("pin_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {colors().danger.name()}; font-weight: 600")
        self.warning.setVisible(bool(self.warning.text()))
        self.field = QLineEdit()
        self.field.setObjectName("pin_field")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Mã PIN"))
        self.field.setAccessibleName(self.tr("Mã PIN của thiết bị ký số"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Ký"))
        self.ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(lambda text: self.ok.setEnabled(bool(text)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addWidget(self.token)
        layout.addWidget(self.warning)
        layout.addWidget(self.field)
        layout.addWidget(self.buttons)
        self.field.setFocus()

    def warning_words(self, request: PinRequest) -> str:
        """What the token says of the tries left, after a wrong PIN or before the last try."""
        if request.final_try:
            if request.wrong_before:
                return self.tr(
                    "Sai mã PIN. Đây là lần thử cuối cùng: nếu nhập sai, thiết bị sẽ bị khoá."
                )
            return self.tr("Chỉ còn một lần thử: nếu nhập sai, thiết bị sẽ bị khoá.")
        if request.wrong_before and request.count_low:
            return self.tr("Sai mã PIN. Còn ít lần thử.")
        if request.wrong_before:
            return self.tr("Sai mã PIN. Hãy nhập lại.")
        if request.count_low:
            return self.tr("Còn ít lần thử trước khi thiết bị bị khoá.")
        return ""

    def pin(self) -> str:
        return self.field.text()


class DialogPin(QObject):
    """The window's PinSource. Make it on the GUI thread; call it from a worker."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._gui_ident = threading.get_ident()
        self._handoff = Handoff(self)
        self._closing = threading.Event()

    def __call__(self, request: PinRequest) -> str | None:
        if threading.get_ident() == self._gui_ident:
            raise RuntimeError("the GUI thread never waits for a PIN: sign on a worker")
        answers: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._handoff.post(lambda: self._ask(request, answers))
        while not self._closing.is_set():
            try:
                return answers.get(timeout=WAIT_STEP_S)
            except queue.Empty:
                continue
        return None  # the window closed: nothing is signed

    def give_up(self) -> None:
        """The window is closing: a worker waiting for a PIN gets none (a cancel)."""
        self._closing.set()

    def _ask(self, request: PinRequest, answers: queue.SimpleQueue[str | None]) -> None:
        if self._closing.is_set():
            answers.put(None)
            return
        dialog = PinDialog(request, self._window)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            accepted = result == QDialog.DialogCode.Accepted.value
            answers.put(dialog.pin() if accepted else None)
            dialog.field.clear()  # the PIN does not stay in a widget

        dialog.finished.connect(finished)
        dialog.open()

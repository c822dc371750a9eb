"""Sign-in: server address, username, password, "remember me"; clear words when it fails.

The sign-in itself (network, key enrolment) runs on the task manager's network lane, and its
writes of the store go to the local lane through the account's writer; the remembered server
and username are read on the local lane too. This dialog only shows progress and the outcome.
GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.account import Account
from ecabinet.client.api import ApiProblem, Offline
from ecabinet.client.store import ServerDataError
from ui.tasks import TaskManager
from ui.theme import colors


def sign_in_problem(error: BaseException) -> str:
    """What went wrong, in words a minister reads (Vietnamese)."""
    if isinstance(error, ApiProblem):
        if error.code == "bad_credentials":
            return QCoreApplication.translate("SignIn", "Sai tên đăng nhập hoặc mật khẩu.")
        if error.status == 429:
            return QCoreApplication.translate(
                "SignIn", "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút."
            )
        return QCoreApplication.translate("SignIn", "Máy chủ từ chối đăng nhập: {reason}").format(
            reason=error.detail or error.code
        )
    if isinstance(error, Offline):
        return QCoreApplication.translate(
            "SignIn", "Không kết nối được máy chủ. Hãy kiểm tra địa chỉ máy chủ và kết nối mạng."
        )
    if isinstance(error, ServerDataError):
        return QCoreApplication.translate(
            "SignIn", "Máy chủ trả lời không hợp lệ; dữ liệu trên máy không bị thay đổi."
        )
    return QCoreApplication.translate("SignIn", "Không đăng nhập được: {error}").format(error=error)


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
        self.server = QLineEdit("https://")
        self.username = QLineEdit()
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
        form.addRow(self.tr("Máy chủ"), self.server)
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Mật khẩu"), self.password)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.username.setFocus()
        # The last server and username come from the encrypted store: read on the local lane.
        store = account.member.store
        tasks.run_local(store.remembered_sign_in, self._remembered)

    def _remembered(self, remembered: tuple[str, str]) -> None:
        server, username = remembered
        if server and self.server.text() == "https://":
            self.server.setText(server)
        if username and not self.username.text():
            self.username.setText(username)
            self.password.setFocus()

    def submit(self) -> None:
        server, username = self.server.text().strip(), self.username.text().strip()
        password = self.password.text()
        if not (server and username and password):
            self._show_problem(self.tr("Hãy nhập địa chỉ máy chủ, tên đăng nhập và mật khẩu."))
            return
        account, remember = self.account, self.remember.isChecked()

        def sign_in() -> str:
            if not remember:
                account.remember_nothing()
            return account.sign_in(server, username, password)

        self._busy(True)
        self.message.setText(self.tr("Đang đăng nhập…"))
        self.tasks.run_network(
            sign_in,
            self._on_signed_in,
            self._on_failed,
        )

    def _busy(self, busy: bool) -> None:
        for widget in (self.server, self.username, self.password, self.remember, self.buttons):
            widget.setEnabled(not busy)

    def _on_signed_in(self, full_name: str) -> None:
        self._busy(False)
        self.password.clear()
        self.signed_in.emit(full_name)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._busy(False)
        self._show_problem(sign_in_problem(error))

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.failed.emit(text)

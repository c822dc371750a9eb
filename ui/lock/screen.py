"""What a locked window shows instead of the papers: a field for the password or PIN, or,
once the papers are hidden, the way to sign in again. GUI thread; it only shows and asks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class LockScreen(QWidget):
    unlock_requested = Signal(str)  # the password or PIN typed
    sign_in_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Mật khẩu hoặc mã PIN"))
        self.secret.returnPressed.connect(self._unlock)
        self.unlock_button = QPushButton(self.tr("Mở khoá"))
        self.unlock_button.clicked.connect(self._unlock)
        self.sign_in_button = QPushButton(self.tr("Đăng nhập lại…"))
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.asking = False
        row = QHBoxLayout()
        row.addWidget(self.secret, 1)
        row.addWidget(self.unlock_button)
        box = QWidget()
        box.setMaximumWidth(480)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.explanation)
        inner.addLayout(row)
        inner.addWidget(self.sign_in_button)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_idle(self) -> None:
        self._titled(self.tr("Đã khoá màn hình"))
        self.explanation.setText(
            self.tr(
                "Máy đã tự khoá vì không được dùng một lúc. Nhập mật khẩu đăng nhập hoặc mã PIN "
                "để tiếp tục; không cần kết nối mạng."
            )
        )
        self._ask(True)

    def show_hidden(self, reason: str) -> None:
        self._titled(self.tr("Tài liệu đang được ẩn"))
        self.explanation.setText(reason)
        self._ask(False)

    def _titled(self, title: str) -> None:
        self.title.setText(f"<h2>{title}</h2>")

    def say(self, text: str) -> None:
        self.message.setText(text)

    def _ask(self, asking: bool) -> None:
        self.asking = asking
        self.secret.clear()
        self.message.clear()
        self.secret.setVisible(asking)
        self.unlock_button.setVisible(asking)
        self.sign_in_button.setVisible(not asking)
        if asking:
            self.secret.setFocus()

    def _unlock(self) -> None:
        secret = self.secret.text()
        self.secret.clear()
        if secret:
            self.unlock_requested.emit(secret)

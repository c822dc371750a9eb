"""The status bar: online or offline, the last sync, acts waiting to be sent, downloads.

A member on a plane must see at a glance that their votes and notes are safe on the laptop
and will leave when the network returns; the counts come from the outbox itself.
GUI thread.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from ui.formatting import file_size, local_date
from ui.icons import icon
from ui.style import tokens


class StatusArea(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.connection = QLabel()
        self.connection.setObjectName("connection")
        self.last_sync = QLabel()
        self.waiting = QLabel()
        self.message = QLabel()
        # Whose laptop this is: the member's body, at the far right (ui/window/body.py).
        self.body = QLabel()
        self.body.setObjectName("body")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel = QToolButton()
        self.cancel.setText(self.tr("Dừng tải"))
        self.cancel.setIcon(icon("stop"))
        self.cancel.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel.setToolTip(self.tr("Dừng tải tài liệu (những tệp đã tải xong vẫn giữ)"))
        self.cancel.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(tokens.XS, 0, tokens.XS, 0)
        layout.setSpacing(tokens.M)
        for widget in (self.connection, self.last_sync, self.waiting, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel)
        layout.addWidget(self.body)
        self.show_downloads(None)

    def show_connection(self, online: bool, last_success: str) -> None:
        self.connection.setText(self.tr("● Trực tuyến") if online else self.tr("○ Ngoại tuyến"))
        self.connection.setProperty("online", online)
        # A chip: green when the server answers, grey when the laptop works on its own.
        self.connection.setProperty("tone", tokens.OK if online else tokens.NEUTRAL)
        style = self.connection.style()
        style.unpolish(self.connection)
        style.polish(self.connection)
        when = (
            local_date(datetime.fromisoformat(last_success))
            if last_success
            else self.tr("chưa đồng bộ")
        )
        self.last_sync.setText(self.tr("Đồng bộ lần cuối: {when}").format(when=when))

    def show_waiting(self, pending: int, rejected: int, resending: int = 0) -> None:
        """``resending`` of the ``pending`` acts were sent and are being sent again: the
        server failed or the answer was lost. They are kept, never refused for that."""
        text = self.tr("Chờ gửi: {count}").format(count=pending - resending)
        if resending:
            text += " · " + self.tr("Đang gửi lại: {count}").format(count=resending)
        if rejected:
            text += " · " + self.tr("Bị từ chối: {count}").format(count=rejected)
        self.waiting.setText(text)
        tips = []
        if pending - resending:
            tips.append(self.tr("Các thao tác đã lưu trên máy, sẽ được gửi khi có kết nối."))
        if resending:
            tips.append(
                self.tr(
                    "Máy chủ chưa nhận được hoặc chưa trả lời; máy sẽ tự gửi lại, "
                    "không thao tác nào bị mất."
                )
            )
        self.waiting.setToolTip("\n".join(tips))

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def show_body(self, name: str) -> None:
        self.body.setText(name)
        self.body.setToolTip(self.tr("Cơ quan đăng nhập: {name}").format(name=name) if name else "")

    def show_downloads(self, progress: tuple[int, int] | None) -> None:
        """``(done, total)`` bytes while downloading, None when nothing is downloading."""
        active = progress is not None and progress[1] > 0
        self.progress.setVisible(active)
        self.cancel.setVisible(active)
        if progress is None or not active:
            return
        done, total = progress
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(1000 * done / total))
        self.progress.setFormat(
            self.tr("Đang tải {done} / {total}").format(
                done=file_size(done), total=file_size(total)
            )
        )

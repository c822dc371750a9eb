"""The speakers queue of the chosen item, with a timer per speaker, for the chair.

The queue is the members' requests to speak (speaker_request records that reach the chair's
laptop with each sync, so it works offline too), in the order asked. The timer only helps the
chair keep time: it turns red past the minutes allowed, and says so in words as well.
GUI thread; the queue is read on the local lane.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.account import Account
from ecabinet.client.signed_in import Member
from ecabinet.wire.objects import SpeakerRequestData, UserData
from ui.tasks import TaskManager
from ui.theme import colors

ROLE = Qt.ItemDataRole.UserRole
DEFAULT_MINUTES = 5


def read_queue(account: Member, item_id: str) -> list[tuple[str, str]]:
    """(user id, name) of those waiting to speak on an item, in the order they asked."""
    names = {u.id: u.full_name for u in account.store.list("user") if isinstance(u, UserData)}
    requests = [
        r
        for r in account.store.list("speaker_request", item_id)
        if isinstance(r, SpeakerRequestData) and not r.withdrawn
    ]
    requests.sort(key=lambda r: (r.position or 10**6, r.requested_at))
    return [(r.user_id, names.get(r.user_id, r.user_id)) for r in requests]


class SpeakersPanel(QGroupBox):
    queue_shown = Signal(int)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Đăng ký phát biểu"), parent)
        self.account, self.tasks = account, tasks
        self.item_id = ""
        self.speaker = ""
        self.started_at = 0.0
        self.queue = QListWidget()
        self.queue.setMaximumHeight(110)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 60)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(self.tr(" phút mỗi người"))
        self.start_button = QPushButton(self.tr("Mời phát biểu"))
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("Kết thúc phát biểu"))
        self.stop_button.clicked.connect(self.stop)
        self.clock = QLabel()
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        row = QHBoxLayout()
        row.addWidget(self.minutes)
        row.addWidget(self.start_button)
        row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.queue)
        layout.addLayout(row)
        layout.addWidget(self.clock)
        self.stop_button.setEnabled(False)

    def show_item(self, item_id: str) -> None:
        self.item_id = item_id
        account = self.account.member
        self.tasks.run_local(lambda: read_queue(account, item_id), self._show)

    def _show(self, queue: list[tuple[str, str]]) -> None:
        self.queue.clear()
        for number, (_user_id, name) in enumerate(queue, start=1):
            QListWidgetItem(f"{number}. {name}", self.queue).setData(ROLE, name)
        if queue and self.queue.currentRow() < 0:
            self.queue.setCurrentRow(0)
        self.queue_shown.emit(len(queue))

    def start(self) -> None:
        row = self.queue.currentRow()
        if row < 0:
            return
        self.speaker = str(self.queue.item(row).data(ROLE))
        self.started_at = time.monotonic()
        self.timer.start()
        self.stop_button.setEnabled(True)
        self.tick()

    def stop(self) -> None:
        self.timer.stop()
        self.stop_button.setEnabled(False)
        row = self.queue.currentRow()
        if row >= 0:
            spoken = self.queue.item(row)
            spoken.setText(spoken.text() + " ✓")
            self.queue.setCurrentRow(min(row + 1, self.queue.count() - 1))
        self.clock.setText(self.tr("{name} đã phát biểu xong.").format(name=self.speaker))
        self.clock.setStyleSheet("")

    def tick(self) -> None:
        elapsed = int(time.monotonic() - self.started_at)
        over = elapsed > self.minutes.value() * 60
        text = self.tr("Đang phát biểu: {name} — {mm:02d}:{ss:02d}").format(
            name=self.speaker, mm=elapsed // 60, ss=elapsed % 60
        )
        if over:
            text += " " + self.tr("(quá thời gian)")
        self.clock.setText(text)
        self.clock.setProperty("over", over)
        self.clock.setStyleSheet(f"color: {colors().danger.name()}" if over else "")

"""The chair's vote console: the items, the quorum, open and close a vote, the live count and
its chart, and the result under the rules.

Opening and closing are the server's to allow (it refuses without the quorum, and says why);
the count is polled every two seconds while a vote is open and the console is on screen, one
request at a time, on the network lane. The result sentence follows ecabinet.domain exactly.
GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.account import Account
from ecabinet.domain import ItemStatus, is_passed
from ecabinet.wire.objects import AgendaItemData
from ecabinet.wire.session import VoteCount
from ui.decisions.agenda_control import AgendaControl
from ui.decisions.chart import VoteChart
from ui.decisions.problems import problem_words
from ui.decisions.session_tools import SessionTools
from ui.decisions.speakers import SpeakersPanel
from ui.tasks import TaskManager

ROLE = Qt.ItemDataRole.UserRole
POLL_MS = 2000


class VoteConsole(QWidget):
    counted = Signal(object)  # VoteCount, each time the count arrives
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self.meeting_id = ""
        self.count: VoteCount | None = None
        self._asking = False
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Nội dung phiên họp"))
        self.items.currentItemChanged.connect(self._item_chosen)
        self.quorum = QLabel()
        self.open_button = QPushButton(self.tr("Mở biểu quyết"))
        self.open_button.clicked.connect(lambda: self._act("open"))
        self.close_button = QPushButton(self.tr("Kết thúc biểu quyết"))
        self.close_button.clicked.connect(lambda: self._act("close"))
        self.chart = VoteChart()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.quorum)
        right.addLayout(buttons)
        right.addWidget(self.chart, 1)
        right.addWidget(self.result)
        right.addWidget(self.note)
        self.speakers = SpeakersPanel(account, tasks)
        self.tools = SessionTools(account, tasks)
        self.tools.attendance_recorded.connect(lambda _quorum: self.poll())
        self.control = AgendaControl(account, tasks)
        self.control.changed.connect(lambda: self.show_meeting(self.meeting_id))
        self.control.message_shown.connect(self._say)
        left = QVBoxLayout()
        left.addWidget(self.items, 1)
        left.addWidget(self.control)
        left.addWidget(self.speakers)
        left.addWidget(self.tools, 2)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def show_meeting(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        self.tools.show_meeting(meeting_id)
        self.control.show_meeting(meeting_id)
        store = self.account.member.store
        self.tasks.run_local(lambda: list(store.agenda_items(meeting_id)), self._show_items)

    def _show_items(self, items: list[AgendaItemData]) -> None:
        keep = self.current_item_id()
        self.items.clear()
        for item in items:
            mark = {ItemStatus.DISCUSSING: "▶ ", ItemStatus.CLOSED: "✓ "}.get(item.status, "")
            entry = QListWidgetItem(f"{mark}{item.position}. {item.title}", self.items)
            entry.setData(ROLE, item.id)
            if item.id == keep:
                self.items.setCurrentItem(entry)
        if self.items.currentItem() is None and self.items.count():
            self.items.setCurrentRow(0)

    def _item_chosen(self, *_items: object) -> None:
        self.tools.item_id = self.control.item_id = self.current_item_id()
        self.speakers.show_item(self.current_item_id())
        self.poll()

    def current_item_id(self) -> str:
        item = self.items.currentItem()
        return str(item.data(ROLE)) if item is not None else ""

    # --- the count ---------------------------------------------------------------------

    def poll(self) -> None:
        item_id = self.current_item_id()
        if not item_id or self._asking:
            return
        self._asking = True
        api = self.account.api
        self.tasks.run_network(lambda: api.vote_count(item_id), self._counted, self._poll_failed)

    def _counted(self, count: VoteCount) -> None:
        self._asking = False
        self.count = count
        quorum = count.quorum
        self.quorum.setText(
            self.tr(
                "Có mặt {present}/{total} thành viên; cần {needed} để biểu quyết: {state}."
            ).format(
                present=quorum.present_members,
                total=quorum.total_members,
                needed=quorum.needed,
                state=self.tr("đủ") if quorum.has_quorum else self.tr("chưa đủ"),
            )
        )
        is_open = count.vote_status == "open"
        self.open_button.setEnabled(count.vote_status == "none")
        self.close_button.setEnabled(is_open)
        self.chart.show_count(count)
        self.result.setText(self.result_sentence(count))
        if is_open and self.isVisible():
            self.timer.start()
        else:
            self.timer.stop()
        self.counted.emit(count)

    def result_sentence(self, count: VoteCount) -> str:
        total = count.quorum.total_members
        if count.vote_status == "none":
            return self.tr("Chưa mở biểu quyết.")
        # The chair's own vote only matters on a tie, and the count carries no names; a tie
        # is reported as such and settled in the published result.
        passed = is_passed(count.agree, count.disagree, total, None)
        tie = count.agree == count.disagree and count.agree > 0
        if count.vote_status == "open":
            return self.tr("Đang biểu quyết: {agree} tán thành trên {total} thành viên.").format(
                agree=count.agree, total=total
            )
        if tie and not passed:
            return self.tr("Số phiếu ngang nhau: quyết định theo ý kiến của Chủ tọa.")
        if passed:
            return self.tr("Thông qua: {agree}/{total} thành viên tán thành (quá nửa).").format(
                agree=count.agree, total=total
            )
        return self.tr("Không thông qua: {agree}/{total} thành viên tán thành.").format(
            agree=count.agree, total=total
        )

    def _poll_failed(self, error: BaseException) -> None:
        self._asking = False
        self.timer.stop()
        self._say(problem_words(error))

    # --- open and close ----------------------------------------------------------------

    def _act(self, what: str) -> None:
        item_id, api = self.current_item_id(), self.account.api
        if not item_id:
            return
        call = api.open_vote if what == "open" else api.close_vote
        self.tasks.run_network(
            lambda: call(item_id), lambda _none: self._acted(what), self._refused
        )

    def _acted(self, what: str) -> None:
        self._say(
            self.tr("Đã mở biểu quyết.") if what == "open" else self.tr("Đã kết thúc biểu quyết.")
        )
        self.poll()

    def _refused(self, error: BaseException) -> None:
        self._say(self.tr("Không thực hiện được: {reason}").format(reason=problem_words(error)))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.message_shown.emit(text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.poll()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.timer.stop()
        super().hideEvent(event)

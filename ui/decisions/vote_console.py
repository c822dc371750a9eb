"""The chair's console, as used in the hall: the agenda, the speakers, the vote with its live
count, chart and result under the rules, the roll call with the quorum, and the hall display.

Three columns that fit a 1366x768 laptop: the agenda (every item, as tall as it needs) and
the moves of the session; the vote and the speakers; the roll call of every member and the
Government Office's tools (shown to the office only). Opening and closing are the server's to
allow (it refuses without the quorum, and says why); the count is polled every two seconds
while a vote is open and the console is on screen, one request at a time, on the network lane.
Each change is also handed to the hall display through ``hall_state()``. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QHideEvent, QScreen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import chair
from ecabinet.client.account import Account
from ecabinet.domain import ItemStatus, Role
from ecabinet.wire.objects import AgendaItemData
from ecabinet.wire.session import VoteCount
from ui.decisions.agenda_control import AgendaControl
from ui.decisions.chart import VoteChart
from ui.decisions.hall_display import HallDisplay, default_screen, screen_words
from ui.decisions.hall_state import HallFacts, HallState, read_hall_facts, result_sentence
from ui.decisions.problems import problem_words
from ui.decisions.session_tools import SessionTools
from ui.decisions.speakers import SpeakersPanel
from ui.labels import item_status, item_tone
from ui.style import tokens
from ui.tasks import TaskManager
from ui.widgets.actions import make_action
from ui.widgets.card_list import CardList
from ui.widgets.cards import CHIP, DETAIL, TITLE

ROLE = Qt.ItemDataRole.UserRole
POLL_MS = 2000
# The chair's keys, also written in docs/desktop.md and in each button's tooltip.
OPEN_VOTE_KEY, CLOSE_VOTE_KEY = "Ctrl+Shift+O", "Ctrl+Shift+K"
NEXT_ITEM_KEY, NEXT_SPEAKER_KEY, HALL_KEY = "Ctrl+Shift+N", "Ctrl+Shift+S", "Ctrl+Shift+H"


class VoteConsole(QWidget):
    counted = Signal(object)  # VoteCount, each time the count arrives
    message_shown = Signal(str)
    hall_changed = Signal(object)  # the HallState just handed to the hall display
    vote_closed = Signal(str)  # item id: the window syncs to fetch the published result

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self.meeting_id = ""
        self.meeting_title = ""
        self.agenda: list[AgendaItemData] = []
        self.count: VoteCount | None = None
        self.count_item_id = ""
        self.facts = HallFacts()
        self.hall: HallDisplay | None = None
        self._asking = False
        self._build()
        self._build_actions()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    # --- building ----------------------------------------------------------------------

    def _build(self) -> None:
        account, tasks = self.account, self.tasks
        self.now_item = QLabel()
        self.now_item.setWordWrap(True)
        self.now_item.setObjectName("console-now")
        font = self.now_item.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)  # what the session is on, read at a glance
        self.now_item.setFont(font)
        self.hall_button = QPushButton(self.tr("Màn hình phòng họp"))
        self.hall_button.clicked.connect(self.toggle_hall)
        header = QHBoxLayout()
        header.addWidget(self.now_item, 1)
        header.addWidget(self.hall_button)
        self._build_agenda()
        self._build_vote()
        self.speakers = SpeakersPanel(account, tasks)
        # The server gives and takes the floor; the hall follows once it has answered.
        self.speakers.floor_changed.connect(self._update_hall)
        self.tools = SessionTools(account, tasks, self)
        self.tools.attendance_recorded.connect(lambda _quorum: self.poll())
        first = QVBoxLayout()
        first.addWidget(self.agenda_box)
        first.addWidget(self.tools.attendance)
        first.addStretch(1)
        second = QVBoxLayout()
        second.addWidget(self.vote_box)
        second.addWidget(self.speakers)
        second.addWidget(self.tools.office)
        second.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(first, 5)
        columns.addLayout(second, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(columns, 1)

    def _build_agenda(self) -> None:
        account, tasks = self.account, self.tasks
        # Cards with less room inside: eight items and the roll call fit 1366x768.
        self.items = CardList(inner_y=tokens.XS)
        self.items.setAccessibleName(self.tr("Nội dung phiên họp"))
        self.items.currentItemChanged.connect(self._item_chosen)
        self.control = AgendaControl(account, tasks)
        self.control.changed.connect(lambda: self.show_meeting(self.meeting_id))
        self.control.message_shown.connect(self._say)
        self.agenda_box = QGroupBox(self.tr("Chương trình họp"))
        box = QVBoxLayout(self.agenda_box)
        box.addWidget(self.items)
        box.addWidget(self.control)

    def _build_vote(self) -> None:
        self.open_button = QPushButton(self.tr("Mở biểu quyết"))
        self.open_button.clicked.connect(lambda: self._act("open"))
        self.close_button = QPushButton(self.tr("Kết thúc biểu quyết"))
        self.close_button.clicked.connect(lambda: self._act("close"))
        self.chart = VoteChart()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.quorum = QLabel()
        self.quorum.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        self.vote_box = QGroupBox(self.tr("Biểu quyết"))
        box = QVBoxLayout(self.vote_box)
        box.addWidget(self.quorum)
        box.addLayout(buttons)
        box.addWidget(self.chart)
        box.addWidget(self.result)
        box.addWidget(self.note)

    def _build_actions(self) -> None:
        def act(text: str, key: str, slot: object, button: QAbstractButton | None) -> QAction:
            action = make_action(self, text, [key], slot)  # type: ignore[arg-type]
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
            if button is not None:
                button.setToolTip(action.toolTip())
            return action

        self.open_action = act(
            self.tr("Mở biểu quyết"), OPEN_VOTE_KEY, lambda: self._act("open"), self.open_button
        )
        self.close_action = act(
            self.tr("Kết thúc biểu quyết"),
            CLOSE_VOTE_KEY,
            lambda: self._act("close"),
            self.close_button,
        )
        self.next_item_action = act(
            self.tr("Chuyển sang nội dung tiếp theo"),
            NEXT_ITEM_KEY,
            self.next_item,
            self.control.discuss_button,
        )
        self.next_speaker_action = act(
            self.tr("Mời người tiếp theo phát biểu"),
            NEXT_SPEAKER_KEY,
            self.next_speaker,
            self.speakers.next_button,
        )
        self.hall_action = act(
            self.tr("Màn hình phòng họp"), HALL_KEY, self.toggle_hall, self.hall_button
        )

    # --- the meeting and its items -----------------------------------------------------

    def show_meeting(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        self.tools.show_meeting(meeting_id)
        self.control.show_meeting(meeting_id)
        store = self.account.member.store

        def read() -> tuple[list[AgendaItemData], str, bool]:
            meeting = store.meeting(meeting_id)
            title = meeting.title if meeting is not None else ""
            office = Role.SECRETARIAT in store.roles()
            return list(store.agenda_items(meeting_id)), title, office

        self.tasks.run_local(read, lambda answer: self._show_items(*answer))

    def _show_items(self, items: list[AgendaItemData], title: str, office: bool) -> None:
        self.agenda, self.meeting_title = items, title
        self.tools.set_office(office)
        keep = self.current_item_id() or next(
            (i.id for i in items if i.status == ItemStatus.DISCUSSING), ""
        )
        self.items.blockSignals(True)
        self.items.clear()
        for item in items:
            mark = {ItemStatus.DISCUSSING: "▶ ", ItemStatus.CLOSED: "✓ "}.get(item.status, "")
            entry = QListWidgetItem(f"{mark}{item.position}. {item.title}", self.items)
            entry.setData(ROLE, item.id)
            entry.setToolTip(item.presenter)
            # The card: the item's title, and a chip for the one discussed and those done.
            entry.setData(TITLE, f"{item.position}. {item.title}")
            chip = (item_status(item.status), item_tone(item.status))
            entry.setData(CHIP, chip if item.status != ItemStatus.PENDING else None)
            entry.setData(DETAIL, "")
            if item.id == keep:
                self.items.setCurrentItem(entry)
        if self.items.currentItem() is None and self.items.count():
            self.items.setCurrentRow(0)
        self.items.blockSignals(False)
        self.items.fit()
        self._item_chosen()

    def _item_chosen(self, *_items: object) -> None:
        self.tools.item_id = self.control.item_id = self.current_item_id()
        self.speakers.show_item(self.current_item_id())
        discussing = self.discussing()
        self.now_item.setText(
            self.tr("Đang thảo luận: {n}. {title}").format(
                n=discussing.position, title=discussing.title
            )
            if discussing
            else self.tr("Chưa chuyển sang nội dung nào.")
        )
        self.facts = HallFacts()
        if self.count_item_id != self.current_item_id():
            self._waiting_for_count()
        self.read_facts()
        self.poll()

    def _waiting_for_count(self) -> None:
        """Until the server answers for this item, nothing of another item's vote shows."""
        self.quorum.setText(self.tr("Đang lấy số liệu biểu quyết từ máy chủ…"))
        self.result.setText("")
        for control in (self.open_button, self.close_button, self.open_action, self.close_action):
            control.setEnabled(False)
        self.chart.hide()

    def current_item_id(self) -> str:
        item = self.items.currentItem()
        return str(item.data(ROLE)) if item is not None else ""

    def discussing(self) -> AgendaItemData | None:
        return next((i for i in self.agenda if i.status == ItemStatus.DISCUSSING), None)

    def next_item(self) -> None:
        """Move the session to the item after the one being discussed (or after the chosen)."""
        ids = [i.id for i in self.agenda]
        now = self.discussing()
        anchor = now.id if now else self.current_item_id()
        if anchor not in ids or ids.index(anchor) + 1 >= len(ids):
            self._say(self.tr("Đây là nội dung cuối cùng của chương trình."))
            return
        self.items.setCurrentRow(ids.index(anchor) + 1)
        self.control.discuss()

    def next_speaker(self) -> None:
        """End the one speaking, if any, and give the floor to the next in the queue (the
        server does both in one act)."""
        if not self.speakers.waiting():
            self._say(self.tr("Không còn ai trong danh sách đăng ký phát biểu."))
            return
        self.speakers.invite_next()

    # --- the count ---------------------------------------------------------------------

    def poll(self) -> None:
        item_id = self.current_item_id()
        if not item_id or self._asking:
            return
        self._asking = True
        account = self.account.member
        self.tasks.run_network(
            lambda: (item_id, chair.vote_count(account, item_id)),
            lambda answer: self._counted(*answer),
            self._poll_failed,
        )

    def _counted(self, item_id: str, count: VoteCount) -> None:
        self._asking = False
        self.count, self.count_item_id = count, item_id
        quorum = count.quorum
        self.quorum.setText(
            (
                self.tr("Đủ túc số: có mặt {present}/{total} thành viên (cần {needed}).")
                if quorum.has_quorum
                else self.tr(
                    "Chưa đủ túc số: có mặt {present}/{total} thành viên, cần {needed} để "
                    "biểu quyết."
                )
            ).format(
                present=quorum.present_members, total=quorum.total_members, needed=quorum.needed
            )
        )
        is_open = count.vote_status == "open"
        self.open_button.setEnabled(count.vote_status == "none")
        self.close_button.setEnabled(is_open)
        self.open_action.setEnabled(count.vote_status == "none")
        self.close_action.setEnabled(is_open)
        self.chart.show_count(count)
        self.chart.show()
        self.result.setText(self.result_sentence(count))
        if is_open and self.watched():
            self.timer.start()
        else:
            self.timer.stop()
        if count.vote_status == "closed" and self.facts.result is None:
            self.read_facts()
        self._update_hall()
        self.counted.emit(count)

    def refresh(self) -> None:
        """After a sync (which the live stream asks for at once): who is present, the chosen
        item's speakers, the count and quorum line, and the published facts, as they now are."""
        if not self.meeting_id:
            return
        self.tools.show_meeting(self.meeting_id)
        item_id = self.current_item_id()
        if item_id:
            self.speakers.show_item(item_id)
        self.poll()
        self.read_facts()

    def read_facts(self) -> None:
        """The item's published result and speaker from the store (after a sync brought them)."""
        account, item_id = self.account.member, self.current_item_id()

        def shown(facts: HallFacts) -> None:
            if item_id == self.current_item_id():
                self.facts = facts
                if self.count is not None:
                    self.result.setText(self.result_sentence(self.count))
                self._update_hall()

        self.tasks.run_local(lambda: read_hall_facts(account, item_id), shown)

    def result_sentence(self, count: VoteCount) -> str:
        return result_sentence(count, self.facts.result)

    def _poll_failed(self, error: BaseException) -> None:
        self._asking = False
        self.timer.stop()
        self._say(problem_words(error))

    # --- open and close ----------------------------------------------------------------

    def _act(self, what: str) -> None:
        item_id, account = self.current_item_id(), self.account.member
        if not item_id:
            return
        call = chair.open_vote if what == "open" else chair.close_vote
        self.tasks.run_network(
            lambda: call(account, item_id), lambda _none: self._acted(what, item_id), self._refused
        )

    def _acted(self, what: str, item_id: str) -> None:
        self._say(
            self.tr("Đã mở biểu quyết.") if what == "open" else self.tr("Đã kết thúc biểu quyết.")
        )
        if what == "close":
            self.vote_closed.emit(item_id)
        self.poll()

    def _refused(self, error: BaseException) -> None:
        self._say(self.tr("Không thực hiện được: {reason}").format(reason=problem_words(error)))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self.message_shown.emit(text)

    # --- the hall display --------------------------------------------------------------

    def hall_state(self) -> HallState:
        """What the hall shows: the item under discussion (else the chosen one), its speaker,
        and the vote's count when the count is of that item."""
        chosen = self.current_item_id()
        item = self.discussing() or next((i for i in self.agenda if i.id == chosen), None)
        if item is None:
            return HallState(meeting_title=self.meeting_title)
        panel = self.speakers
        speaker, since = "", None
        turn = panel.current() if panel.item_id == item.id else None
        if turn is not None:
            speaker, since = turn.name, turn.started_at  # the server's clock gave the floor
        elif item.id == chosen and self.facts.speaker:
            speaker, since = self.facts.speaker, self.facts.speaker_since
        counted = self.count is not None and self.count_item_id == item.id
        return HallState(
            meeting_title=self.meeting_title,
            item_position=item.position,
            item_title=item.title,
            presenter=item.presenter,
            speaker=speaker,
            speaker_since=since,
            speaker_minutes=panel.minutes.value() if speaker else 0,
            count=self.count if counted else None,
            result=self.facts.result if counted else None,
        )

    def _update_hall(self) -> None:
        state = self.hall_state()
        if self.hall is not None:
            self.hall.show_state(state)
        self.hall_changed.emit(state)

    def toggle_hall(self) -> None:
        if self.hall is not None and self.hall.isVisible():
            self.hall.close()
            return
        screens = QGuiApplication.screens()
        here = self.screen()
        if len(screens) < 2:
            self.open_hall(default_screen(screens, here))
            return
        menu = QMenu(self)
        menu.setTitle(self.tr("Chọn màn hình chiếu"))
        chosen = default_screen(screens, here)
        for number, screen in enumerate(screens, start=1):
            action = menu.addAction(screen_words(screen, number))
            action.setCheckable(True)
            action.setChecked(screen is chosen)
            action.triggered.connect(lambda _on=False, s=screen: self.open_hall(s))
        menu.popup(self.hall_button.mapToGlobal(self.hall_button.rect().bottomLeft()))

    def open_hall(self, screen: QScreen | None) -> HallDisplay:
        if self.hall is None:
            # A window of its own that goes with the console, so closing e-Cabinet closes it.
            self.hall = HallDisplay(self)
            self.hall.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            for action in self.actions():
                self.hall.addAction(action)  # the chair's keys work whichever window has focus
        self.hall.show_state(self.hall_state())
        self.hall.open_on(screen)
        self.window().activateWindow()  # the chair keeps the keyboard
        return self.hall

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.poll()

    def watched(self) -> bool:
        """On screen, here or in the hall: the hall keeps its count live while the chair
        reads a document."""
        return self.isVisible() or (self.hall is not None and self.hall.isVisible())

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        if not self.watched():
            self.timer.stop()
        super().hideEvent(event)

"""The sidebar: "Hôm nay" (the home screen), upcoming and past meetings, written ballots with
the time left, documents, search and "ready to travel". Choosing an entry tells the window
which screen to show. GUI thread; fed with an Overview read on a worker.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from ecabinet.client.library import BallotEntry, Overview
from ecabinet.domain import BallotStatus
from ecabinet.wire.objects import MeetingData
from ui import labels
from ui.formatting import local_date, short_date, time_left, under_a_day
from ui.icons import icon
from ui.screens import Screen
from ui.style import tokens
from ui.widgets.cards import (
    BADGE,
    CARD,
    CHIP,
    DETAIL,
    KIND,
    NOTE,
    SECTION,
    TITLE,
    TOOL,
    URGENT,
    CardDelegate,
)
from ui.widgets.trees import children, top_level

ROLE = Qt.ItemDataRole.UserRole


class Sidebar(QTreeWidget):
    chosen = Signal(object, str)  # Screen, object id ("" for screens without one)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setItemsExpandable(False)  # the sections stay open: a click chooses, not folds
        # About 36 characters a line, so a title wraps to two lines at any text size.
        self.setMinimumWidth(max(260, self.fontMetrics().averageCharWidth() * 36))
        self.setObjectName("sidebar")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)  # the card under the pointer is shaded
        self.setItemDelegate(CardDelegate(self))
        self.setAccessibleName(self.tr("Danh mục"))
        self.currentItemChanged.connect(self._changed)
        self._filling = False

    def show_overview(
        self,
        overview: Overview,
        now: datetime | None = None,
        office: bool = False,
        shown: tuple[Screen, str] | None = None,
    ) -> None:
        """Fill the list; the entry selected stays so, or else ``shown`` (the screen in front,
        "Hôm nay" at start) is selected, quietly."""
        moment = now or datetime.now(UTC)
        selected = self.current_choice() or shown
        self._filling = True
        self.clear()
        home = self._section(self.tr("Hôm nay"))
        home.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        home.setData(0, ROLE, (Screen.HOME, ""))
        home.setData(0, KIND, TOOL)
        home.setIcon(0, icon("home"))
        upcoming = self._section(self.tr("Phiên họp sắp tới"))
        for meeting in overview.upcoming:
            self._meeting(upcoming, meeting, overview.unread_by_meeting.get(meeting.id, 0))
        if not overview.upcoming:
            self._note(upcoming, self.tr("Không có phiên họp sắp tới"))
        past = self._section(self.tr("Phiên họp đã qua"))
        for meeting in overview.past:
            self._meeting(past, meeting, overview.unread_by_meeting.get(meeting.id, 0))
        ballots = self._section(self.tr("Phiếu lấy ý kiến"))
        for entry in overview.ballots:
            self._ballot(ballots, entry, moment)
        if not overview.ballots:
            self._note(ballots, self.tr("Không có phiếu lấy ý kiến"))
        tools = self._section(self.tr("Công cụ"))
        documents = self._tool(tools, self.tr("Tài liệu"), "documents", Screen.DOCUMENTS)
        unread = overview.unread_documents
        documents.setData(0, BADGE, unread)
        if unread:
            documents.setToolTip(0, self.tr("Tài liệu: {count} chưa đọc").format(count=unread))
        self._tool(tools, self.tr("Tìm kiếm"), "search", Screen.SEARCH)
        self._tool(tools, self.tr("Sẵn sàng đi công tác"), "travel", Screen.TRAVEL)
        if office:
            self._tool(tools, self.tr("Chuẩn bị phiên họp"), "meeting", Screen.OFFICE_MEETINGS)
            self._tool(tools, self.tr("Văn bản đến"), "inbox", Screen.OFFICE_INBOX)
            self._tool(
                tools, self.tr("Soạn và theo dõi phiếu lấy ý kiến"), "ballot", Screen.OFFICE_BALLOTS
            )
            self._tool(tools, self.tr("Nhật ký hoạt động"), "record", Screen.RECORD)
        self.expandAll()
        if selected is not None:
            self.choose(*selected)  # quietly: the page on show is already this one
        self._filling = False

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title])
        item.setData(0, KIND, SECTION)
        item.setData(0, TITLE, title)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def _tool(
        self, parent: QTreeWidgetItem, title: str, glyph: str, screen: Screen
    ) -> QTreeWidgetItem:
        item = self._entry(parent, title, "", screen, "")
        item.setData(0, KIND, TOOL)
        item.setIcon(0, icon(glyph))
        return item

    def _entry(
        self, parent: QTreeWidgetItem, title: str, detail: str, screen: Screen, id_: str
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [f"{title}\n{detail}" if detail else title])
        item.setData(0, ROLE, (screen, id_))
        item.setData(0, KIND, CARD)
        item.setData(0, TITLE, title)
        item.setData(0, DETAIL, detail)
        item.setToolTip(0, f"{title}\n{detail}" if detail else title)
        return item

    def _meeting(self, parent: QTreeWidgetItem, meeting: MeetingData, unread: int) -> None:
        # Hà Nội time fits the narrow list; the tooltip adds the weekday and the laptop's time.
        item = self._entry(
            parent, meeting.title, short_date(meeting.starts_at), Screen.MEETING, meeting.id
        )
        status = labels.meeting_status(meeting.status)
        item.setData(0, CHIP, (status, labels.meeting_tone(meeting.status)))
        item.setData(0, BADGE, unread)
        lines = [meeting.title, f"{status} · {local_date(meeting.starts_at)}"]
        if unread:
            lines.append(self.tr("{count} tài liệu chưa đọc").format(count=unread))
        item.setToolTip(0, "\n".join(lines))

    def _note(self, parent: QTreeWidgetItem, text: str) -> None:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, KIND, NOTE)
        item.setData(0, TITLE, text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _ballot(self, parent: QTreeWidgetItem, entry: BallotEntry, now: datetime) -> None:
        ballot = entry.ballot
        urgent = entry.awaiting_reply and under_a_day(ballot.deadline, now)
        left = self.tr("hạn {left}").format(left=time_left(ballot.deadline, now))
        if ballot.status == BallotStatus.CLOSED:
            chip = (self.tr("Đã kết thúc"), tokens.NEUTRAL)
            when = short_date(ballot.deadline)
        elif entry.awaiting_reply:
            chip = (self.tr("Chờ trả lời"), tokens.DANGER if urgent else tokens.WARNING)
            when = left
        elif entry.replied:
            chip, when = (self.tr("Đã trả lời"), tokens.OK), left
        else:  # the member is not one of its voters (the Government Office)
            chip = (self.tr("Đang lấy ý kiến"), tokens.ACCENT)
            when = self.tr("hạn {date}").format(date=short_date(ballot.deadline))
        detail = f"{chip[0]} · {when}" if chip[0] else when
        item = self._entry(parent, ballot.title, detail, Screen.BALLOT, ballot.id)
        item.setData(0, DETAIL, when)
        item.setData(0, CHIP, chip if chip[0] else None)
        item.setData(0, URGENT, urgent)
        item.setToolTip(0, f"{ballot.title}\n{detail}\n{local_date(ballot.deadline)}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # titles wrap anew: the rows' heights change

    def current_choice(self) -> tuple[Screen, str] | None:
        item = self.currentItem()
        value = item.data(0, ROLE) if item is not None else None
        return (value[0], value[1]) if isinstance(value, (tuple, list)) else None

    def forget_choice(self) -> None:
        """No entry selected (a screen the sidebar does not list is in front)."""
        self.setCurrentIndex(QModelIndex())

    def choose(self, screen: Screen, id_: str = "") -> bool:
        """Select an entry (and show its screen); False when it is not in the sidebar."""
        for item in self._items():
            if item.data(0, ROLE) == (screen, id_):
                self.setCurrentItem(item)
                return True
        return False

    def _items(self) -> list[QTreeWidgetItem]:
        # "Hôm nay" is a top-level entry of its own; the others sit under their sections.
        sections = top_level(self)
        return sections[:1] + [entry for section in sections for entry in children(section)]

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        # With no entry chosen (a screen the sidebar does not list is in front), Qt makes the
        # first entry current when the list gets the focus, as when the window is active
        # again: that is no choice of the member's, and it showed "Hôm nay".
        chosen = self.currentItem() is not None
        self._filling = True
        try:
            super().focusInEvent(event)
            if not chosen:
                self.forget_choice()
        finally:
            self._filling = False

    def _changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if self._filling or current is None:
            return
        value = current.data(0, ROLE)
        if isinstance(value, (tuple, list)):
            self.chosen.emit(value[0], value[1])

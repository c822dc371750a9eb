"""A meeting: when and where, the agenda in order, each item's documents and their state.

Each document says whether it is on the laptop, downloading (with progress) or not yet here,
and is marked until read when new or replaced; one received through the national document
exchange has its origin on a quiet line under it. Choosing an item shows the member's decision
panel beside the agenda (set by the window); opening a document asks the window for the
reader. GUI thread; fed with a MeetingEntry read on a worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.library import DocumentEntry, MeetingEntry
from ui import labels
from ui.formatting import local_date
from ui.icons import icon
from ui.style import tokens
from ui.theme import colors
from ui.widgets.chips import MARK, TONE, ChipDelegate
from ui.widgets.labels import heading
from ui.widgets.trees import all_nodes

ROLE = Qt.ItemDataRole.UserRole
Bar = TypeVar("Bar", bound=QWidget)
ITEM, DOCUMENT, NOTE, ORIGIN = "item", "document", "note", "origin"


@dataclass(frozen=True)
class Row:
    """One line of the agenda as shown; equal rows need no repainting."""

    key: tuple[str, str]
    parent: tuple[str, str] | None
    texts: tuple[str, str, str, str]
    tooltip: str
    fresh: str = ""  # "Mới", "Dự thảo v2 thay thế v1": new or replaced, not yet read
    tones: tuple[str, str, str, str] = ("", "", "", "")  # cells drawn as chips in these tones
    selectable: bool = True
    quiet: bool = False  # a muted line under its parent (a document's origin)
    heading: bool = False  # an agenda item, over its documents


class MeetingPage(QWidget):
    open_document = Signal(str)  # document id
    item_selected = Signal(str)  # agenda item id
    board_requested = Signal(str)  # meeting id (chair and secretariat)
    console_requested = Signal(str)  # meeting id (chair and secretariat)
    calendar_requested = Signal(str, str)  # meeting id, title: "Thêm vào lịch"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting_id = ""
        self._shown: list[Row] = []
        self._by_key: dict[tuple[str, str], QTreeWidgetItem] = {}
        self.title = heading(scale=tokens.TITLE)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.status = QLabel()  # the meeting's status as a chip beside its kind
        self.kind = QLabel()
        self.kind.setObjectName("caption")
        self.agenda = QTreeWidget()
        self.agenda.setColumnCount(4)
        self.agenda.setHeaderLabels(
            [
                self.tr("Nội dung"),
                self.tr("Cơ quan trình"),
                self.tr("Thời gian"),
                self.tr("Tình trạng"),
            ]
        )
        self.agenda.setAccessibleName(self.tr("Chương trình phiên họp"))
        # One line per row, columns sized once per rebuild: a header that resizes to its
        # contents on every change makes each update cost the whole agenda.
        self.agenda.setUniformRowHeights(True)
        self.agenda.setItemDelegate(ChipDelegate(self.agenda))
        self.agenda.setAlternatingRowColors(False)
        header = self.agenda.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.agenda.itemActivated.connect(self._activated)
        self.agenda.currentItemChanged.connect(self._current_changed)
        self.side = QWidget()
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("meeting-splitter")  # remembered (ui/window/state.py)
        self.splitter.addWidget(self.agenda)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        buttons = self._buttons()
        state = QHBoxLayout()
        state.setSpacing(tokens.S)
        state.addWidget(self.status)
        state.addWidget(self.kind)
        state.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(tokens.S)
        layout.addWidget(self.title)
        layout.addLayout(state)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)

    def _buttons(self) -> QHBoxLayout:
        """ "Thêm vào lịch", and the chair's and the Government Office's own tools."""
        self.board_button = QPushButton(self.tr("Bảng ý kiến các thành viên"))
        self.board_button.clicked.connect(lambda: self.board_requested.emit(self.meeting_id))
        self.console_button = QPushButton(self.tr("Điều hành phiên họp"))
        self.console_button.clicked.connect(lambda: self.console_requested.emit(self.meeting_id))
        self.calendar_button = QPushButton(icon("calendar"), self.tr("Thêm vào lịch"))
        self.calendar_button.setToolTip(
            self.tr("Lưu phiên họp thành tệp lịch (.ics) để mở trong lịch của anh/chị")
        )
        self.calendar_button.clicked.connect(
            lambda: self.calendar_requested.emit(self.meeting_id, self.title.text())
        )
        self.set_chair_tools(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.calendar_button)
        buttons.addWidget(self.board_button)
        buttons.addWidget(self.console_button)
        buttons.addStretch(1)
        return buttons

    def set_side_panel(self, panel: QWidget) -> None:
        """The decision panel of the chosen item (positions, votes), owned by the window."""
        self.side_layout.addWidget(panel)

    def set_roll_call(self, bar: Bar) -> Bar:
        """The quorum line and the "Có mặt" button of a session (owned by the window)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(3, bar)  # under the time and place
        return bar

    def set_chair_tools(self, visible: bool) -> None:
        self.board_button.setVisible(visible)
        self.console_button.setVisible(visible)

    def show_meeting(self, entry: MeetingEntry) -> None:
        meeting = entry.meeting
        same = meeting.id == self.meeting_id
        selected = self.current_selection() if same else None
        self.meeting_id = meeting.id
        self.title.setText(meeting.title)
        self.status.setText(labels.meeting_status(meeting.status))
        self.status.setProperty("tone", labels.meeting_tone(meeting.status))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.kind.setText(labels.meeting_kind(meeting.kind))
        lines = [self.tr("Thời gian: {when}").format(when=local_date(meeting.starts_at))]
        if meeting.place:
            lines.append(self.tr("Địa điểm: {place}").format(place=meeting.place))
        self.details.setText("\n".join(lines))
        self._render(self._rows(entry))
        if selected is not None:
            self.select(*selected)
        elif self._shown:
            self.select(*self._shown[0].key)

    def _rows(self, entry: MeetingEntry) -> list[Row]:
        rows = []
        for item_entry in entry.items:
            item = item_entry.item
            key = (ITEM, item.id)
            minutes = (
                self.tr("{n} phút").format(n=item.minutes_allotted) if item.minutes_allotted else ""
            )
            texts = (
                f"{item.position}. {item.title}",
                item.presenter,
                minutes,
                labels.item_status(item.status),
            )
            tones = ("", "", "", labels.item_tone(item.status))
            rows.append(Row(key, None, texts, item.title, tones=tones, heading=True))
            if item.paper_only:
                note = self.tr("Tài liệu mật: chỉ phát bản giấy tại phiên họp")
                rows.append(Row((NOTE, item.id), key, (note, "", "", ""), note, selectable=False))
            for document in item_entry.documents:
                rows += self._document_rows(key, document)
        return rows

    def _document_rows(self, parent: tuple[str, str], entry: DocumentEntry) -> list[Row]:
        document = entry.document
        fresh = labels.freshness(entry)
        state = labels.document_state(entry)
        texts = (document.title, labels.document_kind(document.kind), "", state)
        hint = self.tr("Nhấn Enter hoặc nhấp đúp để đọc")
        key = (DOCUMENT, document.id)
        lines = [document.title] + ([fresh] if fresh else []) + [document.origin, hint]
        tooltip = "\n".join(line for line in lines if line)
        here = tokens.OK if entry.present else tokens.ACCENT if entry.downloading else ""
        tones = ("", tokens.NEUTRAL, "", here or tokens.NEUTRAL)
        rows = [Row(key, parent, texts, tooltip, fresh, tones)]
        if document.origin:
            # Rows keep one height (setUniformRowHeights), so the second line is a child row.
            texts = (document.origin, "", "", "")
            origin_key = (ORIGIN, document.id)
            rows.append(Row(origin_key, key, texts, document.origin, selectable=False, quiet=True))
        return rows

    def _render(self, rows: list[Row]) -> None:
        """Update the rows in place when the agenda's shape is unchanged (a download's progress,
        a read mark): rebuilding a long agenda every second would make the window stutter."""
        if [row.key for row in rows] != [row.key for row in self._shown]:
            # Built detached, then added in one call: the view lays out once, not per row.
            self.agenda.clear()
            self._by_key = {}
            tops = []
            for row in rows:
                node = QTreeWidgetItem()
                node.setData(0, ROLE, row.key)
                self._paint(node, row)
                self._by_key[row.key] = node
                if row.parent:
                    self._by_key[row.parent].addChild(node)
                else:
                    tops.append(node)
            self.agenda.addTopLevelItems(tops)
            self.agenda.expandAll()
            for column in (1, 2, 3):
                self.agenda.resizeColumnToContents(column)
        else:
            for old, row in zip(self._shown, rows, strict=True):
                if old != row:
                    self._paint(self._by_key[row.key], row)
        self._shown = rows

    def _paint(self, node: QTreeWidgetItem, row: Row) -> None:
        for column, text in enumerate(row.texts):
            node.setText(column, text)
        node.setToolTip(0, row.tooltip)
        if not row.selectable:
            node.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(node.font(0))
        font.setBold(row.heading)
        node.setFont(0, font)
        node.setForeground(0, QBrush(colors().muted) if row.quiet else QBrush())
        replaced = row.fresh and row.fresh != labels.freshness_new()
        tone = tokens.WARNING if replaced else tokens.ACCENT
        document = row.key[0] == DOCUMENT
        node.setData(0, MARK, (row.fresh, tone) if document else None)
        for column, cell_tone in enumerate(row.tones):
            node.setData(column, TONE, cell_tone or None)

    def current_selection(self) -> tuple[str, str] | None:
        node = self.agenda.currentItem()
        value = node.data(0, ROLE) if node is not None else None
        return (value[0], value[1]) if isinstance(value, (tuple, list)) else None

    def select(self, kind: str, id_: str) -> bool:
        node = self._by_key.get((kind, id_))
        if node is not None:
            self.agenda.setCurrentItem(node)
        return node is not None

    def _nodes(self) -> list[QTreeWidgetItem]:
        return all_nodes(self.agenda)

    def _activated(self, node: QTreeWidgetItem, _column: int) -> None:
        value = node.data(0, ROLE)
        if isinstance(value, (tuple, list)) and value[0] == DOCUMENT:
            self.open_document.emit(value[1])

    def _current_changed(self, node: QTreeWidgetItem | None, _old: QTreeWidgetItem | None) -> None:
        while node is not None:
            value = node.data(0, ROLE)
            if isinstance(value, (tuple, list)) and value[0] == ITEM:
                self.item_selected.emit(value[1])
                return
            node = node.parent()

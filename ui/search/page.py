"""Search across every document on the laptop, Vietnamese-aware, offline.

Typing without diacritics finds the accented words; the phrase ranks first, then the words
near each other, then apart (ecabinet.client.search). Each result is a card naming the
document, its kind, meeting, agenda item and page, with the snippet marked; opening it asks
the window for the reader at that page with the words highlighted. Filters narrow to one
meeting or one kind of document; "Xem thêm" asks for the next page of results. Queries run on
a worker a moment after the member stops typing, and an answer to an older query is never
shown over a newer one. GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.account import Account
from ecabinet.client.search import SearchHit, SearchIndex, SearchResults
from ecabinet.domain import DocumentKind
from ecabinet.wire.objects import MeetingData
from ui.formatting import short_date
from ui.labels import document_kind
from ui.search.cards import CARD_ROLE, Card, CardDelegate, marked_html
from ui.tasks import TaskManager
from ui.widgets.labels import heading

ROLE = Qt.ItemDataRole.UserRole
TYPING_PAUSE_MS = 250
MEETING_FILTER_CHARS = 36  # the meeting filter's width, in characters of its font
FILTER_KINDS = (
    DocumentKind.SUBMISSION,
    DocumentKind.DRAFT,
    DocumentKind.REPORT,
    DocumentKind.APPENDIX,
)

__all__ = ["ROLE", "SearchPage", "marked_html", "words_to_highlight"]


def words_to_highlight(hit: SearchHit) -> str:
    """The document's own spelling of the longest match, for the reader's exact search."""
    if not hit.marks:
        return ""
    start, end = max(hit.marks, key=lambda span: span[1] - span[0])
    return hit.snippet[start:end]


@dataclass(frozen=True)
class _Answer:
    meetings: Sequence[MeetingData]
    found: SearchResults


class SearchPage(QWidget):
    open_hit = Signal(str, int, str)  # document id, page (0-based), words to highlight
    searched = Signal(int)  # number of results shown

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self._asked = 0
        self._text = ""  # the query whose results are shown
        self.heading = heading(self.tr("Tìm kiếm trong tài liệu trên máy"))
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            self.tr("Gõ từ cần tìm, có dấu hoặc không dấu; “trong ngoặc kép” để tìm đúng cụm từ…")
        )
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(self.tr("Từ cần tìm"))
        self.meeting = QComboBox()
        self.meeting.setAccessibleName(self.tr("Lọc theo phiên họp"))
        self.meeting.addItem(self.tr("Mọi phiên họp"), "")
        # As wide as a usual title, not the longest: a meeting's long title would push the
        # filters past the window at 1366x768. The list that drops down shows titles whole.
        self.meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.meeting.setMinimumContentsLength(MEETING_FILTER_CHARS)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Lọc theo loại tài liệu"))
        self.kind.addItem(self.tr("Mọi loại tài liệu"), "")
        for kind in FILTER_KINDS:
            self.kind.addItem(document_kind(kind), kind.value)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Kết quả tìm kiếm"))
        self.results.setItemDelegate(CardDelegate(self.results))
        self.results.setMouseTracking(True)  # the card under the pointer is lit
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Cards are laid out again at the new width when the window is resized.
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.itemActivated.connect(self._open)
        self.more = QPushButton(self.tr("Xem thêm"))
        self.more.setVisible(False)
        self.more.clicked.connect(self.show_more)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(TYPING_PAUSE_MS)
        self.pause.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self.pause.start())
        self.query.returnPressed.connect(self.run_search)
        self.meeting.currentIndexChanged.connect(lambda _index: self.run_search())
        self.kind.currentIndexChanged.connect(lambda _index: self.run_search())
        self._lay_out()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Phiên họp:")))
        filters.addWidget(self.meeting, 2)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Loại tài liệu:")))
        filters.addWidget(self.kind, 1)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignHCenter)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def run_search(self) -> None:
        """Search from the first result, with the filters chosen."""
        self.pause.stop()
        self._ask(offset=0)

    def show_more(self) -> None:
        """The next page of results, below those shown; if the member has typed since, the
        new query's first page instead (its results must not continue another query's)."""
        if self.pause.isActive() or self.query.text() != self._text:
            self.run_search()
            return
        self._ask(offset=self.results.count())

    def _ask(self, offset: int) -> None:
        text = self.query.text()
        self._asked += 1
        asked = self._asked
        account = self.account.member
        meeting_id = str(self.meeting.currentData() or "") or None
        kind_value = str(self.kind.currentData() or "")
        kind = DocumentKind(kind_value) if kind_value else None

        def search() -> _Answer:
            found = SearchIndex(account.store, account.write).find(
                text, offset=offset, meeting_id=meeting_id, kind=kind
            )
            return _Answer(account.store.meetings(), found)

        self.more.setEnabled(False)
        self.tasks.run_network(search, lambda answer: self._show(asked, text, answer))

    def _show(self, asked: int, text: str, answer: _Answer) -> None:
        if asked != self._asked:
            return  # the member has typed on since
        self._fill_meetings(answer.meetings)
        found = answer.found
        if found.offset == 0:
            self.results.clear()
            self._text = text
        for hit in found.hits:
            self._add(hit)
        shown = self.results.count()
        if not text.strip():
            self.summary.setText("")
        elif found.more:
            self.summary.setText(
                self.tr("Đang hiển thị {shown} trên {total} kết quả").format(
                    shown=shown, total=found.total
                )
            )
        elif shown:
            self.summary.setText(self.tr("{count} kết quả").format(count=shown))
        else:
            self.summary.setText(
                self.tr("Không tìm thấy “{text}” trong tài liệu trên máy.").format(
                    text=text.strip()
                )
            )
        self.more.setVisible(found.more)
        self.more.setEnabled(True)
        if found.offset == 0 and shown:
            self.results.setCurrentRow(0)
        elif found.hits:
            self.results.setCurrentRow(found.offset)
            self.results.scrollToItem(self.results.item(found.offset))
        self.searched.emit(shown)

    def _fill_meetings(self, meetings: Sequence[MeetingData]) -> None:
        """The meeting filter lists the meetings on the laptop, keeping the one chosen."""
        # The latest first: the member most often looks in the coming or the last meeting.
        wanted = [(m.id, f"{m.title} — {short_date(m.starts_at)}") for m in reversed(meetings)]
        count = self.meeting.count()
        present = [(self.meeting.itemData(i), self.meeting.itemText(i)) for i in range(1, count)]
        if present == wanted:
            return
        chosen = self.meeting.currentData()
        self.meeting.blockSignals(True)
        while self.meeting.count() > 1:
            self.meeting.removeItem(1)
        for meeting_id, label in wanted:
            self.meeting.addItem(label, meeting_id)
            self.meeting.setItemData(self.meeting.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.meeting.view().setMinimumWidth(self.meeting.view().sizeHintForColumn(0) + 24)
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(chosen)))
        self.meeting.blockSignals(False)

    def _where(self, hit: SearchHit) -> str:
        parts = []
        if hit.ballot_title:
            parts.append(self.tr("Phiếu lấy ý kiến: {title}").format(title=hit.ballot_title))
        if hit.meeting_title:
            parts.append(hit.meeting_title)
        if hit.item_position:
            parts.append(
                self.tr("Nội dung {number}: {title}").format(
                    number=hit.item_position, title=hit.item_title
                )
            )
        parts.append(self.tr("trang {page}").format(page=hit.page))
        return " · ".join(parts)

    def _add(self, hit: SearchHit) -> None:
        card = Card(hit.document_title, document_kind(hit.kind), self._where(hit), marked_html(hit))
        item = QListWidgetItem(self.results)
        item.setData(ROLE, (hit.document_id, hit.page - 1, words_to_highlight(hit)))
        item.setData(CARD_ROLE, card)
        if hit.origin:  # received through the national document exchange
            item.setToolTip(hit.origin)
        # Plain text for screen readers; the delegate paints the card.
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole, f"{hit.document_title}. {card.place}. {hit.snippet}"
        )

    def _open(self, item: QListWidgetItem) -> None:
        document_id, page, words = item.data(ROLE)
        self.open_hit.emit(document_id, page, words)

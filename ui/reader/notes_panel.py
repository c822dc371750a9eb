"""The notes panel: every note of the document (the member's and those shared with them), by
page, each a card with the kind's sign in the note's colour, its quote and text, filterable;
choosing one goes to it. Notes that could not be placed on a replaced draft are listed
apart, never lost. Also where notes leave the laptop: export as PDF or XFDF, import XFDF,
print (always watermarked), and become an opinion: the selected notes (or all the member's
own) put into the "other opinion" of a ballot reply or sent as a written opinion on the
agenda item (ui/reader/opinion_dialog.py). GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.search_text import fold
from ecabinet.domain import Sharing
from ecabinet.wire.objects import AnnotationData
from ui.body_words import BodyWords, body_words
from ui.icons import icon

ROLE = Qt.ItemDataRole.UserRole
KIND_WORDS = {
    "highlight": QT_TRANSLATE_NOOP("NotesPanel", "Tô sáng"),
    "underline": QT_TRANSLATE_NOOP("NotesPanel", "Gạch chân"),
    "strikeout": QT_TRANSLATE_NOOP("NotesPanel", "Gạch ngang"),
    "note": QT_TRANSLATE_NOOP("NotesPanel", "Ghi chú dán"),
    "ink": QT_TRANSLATE_NOOP("NotesPanel", "Nét bút"),
    "freetext": QT_TRANSLATE_NOOP("NotesPanel", "Hộp văn bản"),
}


# Each row's sign: the kind of note, drawn in the note's colour (ui/icons.py).
KIND_GLYPHS = {
    "highlight": "highlight",
    "underline": "underline",
    "strikeout": "strike",
    "note": "note",
    "ink": "ink",
    "freetext": "text-box",
}


def note_icon(note: AnnotationData) -> QIcon:
    colour = QColor(note.color)
    # A pale yellow sign would vanish on a white row: the colour is darkened until it reads.
    while colour.lightnessF() > 0.55:
        colour = colour.darker(115)
    return icon(KIND_GLYPHS.get(note.kind, "note"), colour)


class NotesPanel(QWidget):
    chosen = Signal(str, int)  # note id, page
    chosen_elsewhere = Signal(str, int)  # document id, page: a note of another document
    scope_changed = Signal(bool)  # True: the whole meeting
    share_chosen = Signal(str)  # Sharing value for the selected note
    export_pdf = Signal()
    export_xfdf = Signal()
    import_xfdf = Signal()
    print_requested = Signal()
    opinion_requested = Signal(str, list)  # "ballot" or "item", the ids of the notes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes: list[AnnotationData] = []
        self.me = ""
        self.authors: dict[str, str] = {}
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Lọc ghi chú…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self._fill())
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Tài liệu này"), False)
        self.scope.addItem(self.tr("Cả phiên họp"), True)
        self.scope.activated.connect(lambda _i: self.scope_changed.emit(self.scope.currentData()))
        self.elsewhere: list[tuple[str, str, AnnotationData]] = []  # document id, title, note
        self.list = QListWidget()
        self.list.setWordWrap(True)
        # Several notes may be chosen at once (Ctrl, Shift) to make an opinion of them.
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSpacing(3)  # each note a card of its own
        self.list.setIconSize(QSize(22, 22))
        self.list.setAccessibleName(self.tr("Ghi chú của tài liệu"))
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.sharing = QComboBox()
        for value, words in (
            (Sharing.PRIVATE, self.tr("Riêng tư")),
            (Sharing.SECRETARIAT, ""),  # named by show_body: the member's own office
            (Sharing.MEETING, self.tr("Chia sẻ với người dự họp")),
        ):
            self.sharing.addItem(words, str(value))
        self.sharing.setToolTip(self.tr("Ai được xem ghi chú đang chọn"))
        self.show_body(body_words("", ""))
        self.sharing.activated.connect(
            lambda _i: self.share_chosen.emit(self.sharing.currentData())
        )
        self.unplaced = QListWidget()
        self.unplaced.setMaximumHeight(90)
        self.unplaced_label = QLabel(self.tr("Không đặt được vào bản mới (vẫn giữ ở bản cũ):"))
        # Two by two: four buttons in a row made the side panel wide and the page narrow.
        buttons = QGridLayout()
        files = self.tr("Tệp ghi chú để mở bằng trình đọc PDF khác")
        for n, (text, tip, signal) in enumerate(
            (
                (self.tr("Xuất PDF…"), self.tr("Tài liệu PDF có ghi chú"), self.export_pdf),
                (self.tr("Xuất tệp ghi chú…"), files, self.export_xfdf),
                (self.tr("Nhập tệp ghi chú…"), files, self.import_xfdf),
                (self.tr("In…"), self.tr("In tài liệu cùng ghi chú"), self.print_requested),
            )
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(signal)
            buttons.addWidget(button, n // 2, n % 2)
        self.opinion = self._build_opinion()
        buttons.addWidget(self.opinion, 2, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scope)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.sharing)
        layout.addWidget(self.unplaced_label)
        layout.addWidget(self.unplaced)
        layout.addLayout(buttons)
        self.show_unplaced([])

    def _build_opinion(self) -> QPushButton:
        """One button with a menu (the panel is narrow), its actions also on the list's
        right-click menu."""
        self.to_ballot = QAction(icon("ballot"), self.tr("Đưa vào ý kiến khác…"), self)
        self.to_item = QAction(icon("meeting"), self.tr("Gửi ý kiến bằng văn bản…"), self)
        # Keys while the notes list has the focus: Ctrl+Shift+Y (ý kiến khác), Ctrl+Shift+W
        # (written opinion); the window's own keys never use them.
        keyed = ((self.to_ballot, "ballot", "Ctrl+Shift+Y"), (self.to_item, "item", "Ctrl+Shift+W"))
        for action, kind, key in keyed:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, k=kind: self.request_opinion(k))
            self.list.addAction(action)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        button = QPushButton(self.tr("Soạn ý kiến từ ghi chú"))
        button.setToolTip(
            self.tr(
                "Các ghi chú đang chọn (giữ Ctrl để chọn nhiều), hoặc mọi ghi chú của đồng chí "
                "trên tài liệu này nếu chưa chọn ghi chú nào"
            )
        )
        menu = QMenu(button)
        menu.addAction(self.to_ballot)
        menu.addAction(self.to_item)
        button.setMenu(menu)
        self.set_targets(False, False)
        return button

    def show_body(self, words: BodyWords) -> None:
        """Notes shared with the secretariat go to the member's own body's office."""
        where = self.sharing.findData(str(Sharing.SECRETARIAT))
        self.sharing.setItemText(where, self.tr("Gửi {office}").format(office=words.short_office))

    def set_targets(self, ballot: bool, item: bool) -> None:
        """Which opinions the open document may go into (an open ballot whose draft it is; an
        agenda item not yet decided)."""
        self.to_ballot.setEnabled(ballot)
        self.to_item.setEnabled(item)

    def chosen_notes(self) -> list[str]:
        """The member's own notes selected in this document's list, or all of them when none is
        selected: others' shared notes are their words, not the member's."""
        mine = {n.id for n in self.notes if n.author_id == self.me}
        if self.scope.currentData():
            return sorted(mine)
        selected = [item.data(ROLE)[0] for item in self.list.selectedItems()]
        return [key for key in selected if key in mine] or sorted(mine)

    def request_opinion(self, kind: str) -> None:
        self.opinion_requested.emit(kind, self.chosen_notes())

    def show_notes(self, notes: list[AnnotationData], me: str, authors: dict[str, str]) -> None:
        self.notes, self.me, self.authors = notes, me, authors
        self._fill()

    def describe(self, note: AnnotationData) -> str:
        kind = self.tr(str(KIND_WORDS.get(note.kind, note.kind)))
        parts = [self.tr("Tr. {page}").format(page=note.page + 1), kind]
        if note.author_id != self.me:
            parts.append(self.authors.get(note.author_id, self.tr("người khác")))
        line = " · ".join(parts)
        if note.quote:
            line += f"\n“{note.quote[:120]}”"
        if note.text:
            line += f"\n{note.text[:200]}"
        return line

    def show_meeting(self, notes: list[tuple[str, str, AnnotationData]]) -> None:
        """The notes of every document of the meeting: (document id, title, note)."""
        self.elsewhere = notes
        self._fill()

    def _fill(self) -> None:
        wanted = fold(self.filter.text()).split()
        self.list.clear()
        if self.scope.currentData():
            rows = [
                (f"{title}\n{self.describe(note)}", note, (document_id, note.page, True))
                for document_id, title, note in self.elsewhere
            ]
        else:
            rows = [
                (self.describe(note), note, (note.id, note.page, False))
                for note in sorted(self.notes, key=lambda n: (n.page, n.created_at))
            ]
        for text, note, value in rows:
            if all(word in fold(text) for word in wanted):
                item = QListWidgetItem(note_icon(note), text, self.list)
                item.setData(ROLE, value)

    def show_unplaced(self, notes: list[AnnotationData]) -> None:
        self.unplaced.clear()
        for note in notes:
            QListWidgetItem(self.describe(note), self.unplaced)
        self.unplaced.setVisible(bool(notes))
        self.unplaced_label.setVisible(bool(notes))

    def select(self, note: AnnotationData | None) -> None:
        mine = note is not None and note.author_id == self.me
        self.sharing.setEnabled(mine)
        if note is not None:
            self.sharing.setCurrentIndex(max(0, self.sharing.findData(str(note.shared))))

    def _activated(self, item: QListWidgetItem) -> None:
        key, page, elsewhere = item.data(ROLE)
        (self.chosen_elsewhere if elsewhere else self.chosen).emit(key, page)

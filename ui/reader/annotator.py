"""The reader's pen: tools that make notes, select, move, edit and delete them, undo and redo.

Each change goes through ecabinet.client.notes on the local lane (the note and its outbox entry
in one transaction) and is an undoable command: undoing a new note deletes it, undoing a delete
puts it back with the same id, undoing an edit restores the text or place it had. Colleagues'
shared notes can be chosen and read but not changed. GUI thread.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QInputDialog, QWidget

from ecabinet.client.account import Account
from ecabinet.client.notes import delete_note, new_note, notes_on, save_note
from ecabinet.domain import Sharing
from ecabinet.pdf.quotes import quote_at
from ecabinet.wire.objects import AnnotationData
from ecabinet.wire.text import UnsafeText, clean_member_text
from ui.labels import error_words
from ui.reader.notes_layer import NOTE_SIZE, hit
from ui.reader.page_view import PageView
from ui.tasks import TaskManager


class Tool(StrEnum):
    SELECT = "select"
    HIGHLIGHT = "highlight"
    UNDERLINE = "underline"
    STRIKEOUT = "strikeout"
    NOTE = "note"
    INK = "ink"
    FREETEXT = "freetext"


TEXT_TOOLS = (Tool.HIGHLIGHT, Tool.UNDERLINE, Tool.STRIKEOUT)
TEXT_KINDS = ("highlight", "underline", "strikeout")  # notes tied to words do not move
COLOURS = ("#ffd400", "#7ed957", "#5ab4ff", "#ff80bf", "#ff5a5a")
FREETEXT_SIZE = (180.0, 48.0)
PEN_WIDTHS = (1.0, 2.0, 4.0)  # fine, medium, bold, in points


class ChangeNote(QUndoCommand):
    """Before and after: a new note has no before, a deleted one no after."""

    def __init__(
        self, annotator: Annotator, before: AnnotationData | None, after: AnnotationData | None
    ) -> None:
        super().__init__()
        self.annotator, self.before, self.after = annotator, before, after

    def redo(self) -> None:
        self.annotator.apply(self.before, self.after)

    def undo(self) -> None:
        self.annotator.apply(self.after, self.before)


class Annotator(QObject):
    notes_changed = Signal(list)  # the notes shown on this version
    message_shown = Signal(str)

    def __init__(
        self, account: Account, tasks: TaskManager, view: PageView, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.account, self.tasks, self.view, self.parent_widget = account, tasks, view, parent
        self.tool = Tool.SELECT
        self.colour = COLOURS[0]
        self.width = PEN_WIDTHS[1]
        self.version_id = ""
        self.texts: list[str] | None = None
        self.undo_stack = QUndoStack(self)
        self._drag_from: QPointF | None = None
        view.page_pressed.connect(self._pressed)
        view.page_dragged.connect(self._dragged)
        view.page_released.connect(self._released)
        view.page_double_clicked.connect(self._double_clicked)

    # --- which notes -------------------------------------------------------------------

    def load(self, version_id: str) -> None:
        self.version_id = version_id
        self.undo_stack.clear()
        self.reload()

    def reload(self) -> None:
        account, version_id = self.account.member, self.version_id

        def read() -> tuple[list[AnnotationData], dict[str, str], str]:
            users = account.store.user_names()
            return notes_on(account, version_id), users, account.store.user_id()

        self.tasks.run_local(read, lambda answer: self._show(version_id, *answer))

    def _show(
        self, version_id: str, notes: list[AnnotationData], users: dict[str, str], me: str
    ) -> None:
        if version_id != self.version_id:
            return
        self.view.notes, self.view.authors, self.view.me = notes, users, me
        if self.view.selected_note not in {n.id for n in notes}:
            self.view.selected_note = ""
        self.view.viewport().update()
        self.notes_changed.emit(notes)

    @property
    def selected(self) -> AnnotationData | None:
        return next((n for n in self.view.notes if n.id == self.view.selected_note), None)

    def mine(self, note: AnnotationData | None) -> bool:
        return note is not None and note.author_id == self.view.me

    # --- tools -------------------------------------------------------------------------

    def set_tool(self, tool: Tool) -> None:
        self.tool = tool
        self.view.selects_text = tool in (Tool.SELECT, *TEXT_TOOLS)
        self.view.clear_selection()

    def _pressed(self, page: int, point: QPointF) -> None:
        if not self.version_id:
            return
        if self.tool == Tool.SELECT:
            chosen = hit(self.view.notes, page, point)
            self.view.selected_note = chosen.id if chosen else ""
            movable = chosen is not None and self.mine(chosen) and chosen.kind not in TEXT_KINDS
            self._drag_from = point if movable else None
            self.view.viewport().update()
        elif self.tool == Tool.INK:
            self.view.stroke = (page, [point])
        elif self.tool in (Tool.NOTE, Tool.FREETEXT):
            self._ask_and_place(page, point)

    def _dragged(self, _page: int, point: QPointF) -> None:
        if self.tool == Tool.INK and self.view.stroke is not None:
            self.view.stroke[1].append(point)
            self.view.viewport().update()

    def _released(self, page: int, point: QPointF) -> None:
        if self.tool == Tool.INK and self.view.stroke is not None:
            stroke_page, points = self.view.stroke
            self.view.stroke = None
            if len(points) > 1:
                strokes = [[(p.x(), p.y()) for p in points]]
                self.add(stroke_page, Tool.INK, points=strokes, width=self.width)
        elif self.tool in TEXT_TOOLS:
            self.mark_selection()
        elif self.tool == Tool.SELECT and self._drag_from is not None:
            note, start = self.selected, self._drag_from
            self._drag_from = None
            if note is not None and note.page == page and (point - start).manhattanLength() > 2:
                self.move(note, point.x() - start.x(), point.y() - start.y())

    def _double_clicked(self, page: int, point: QPointF) -> None:
        if self.tool == Tool.SELECT and self.mine(hit(self.view.notes, page, point)):
            self.edit_selected()

    # --- making and changing -----------------------------------------------------------

    def mark_selection(self) -> AnnotationData | None:
        """Turn the selected text into a highlight, underline or strike-out."""
        chosen = self.view.selection
        if chosen is None:
            return None
        page, selection = chosen
        rects = [p.boundingRect() for p in selection.bounds()]
        text = self.texts[page] if self.texts and page < len(self.texts) else ""
        start, end = selection.startIndex(), selection.endIndex()
        if text and 0 <= start < end <= len(text):
            quote = quote_at(text, start, end - start)
            context = {"quote": quote.quote, "prefix": quote.prefix, "suffix": quote.suffix}
        else:
            context = {"quote": selection.text()}
        kind = self.tool if self.tool in TEXT_TOOLS else Tool.HIGHLIGHT
        self.view.clear_selection()
        return self.add(
            page,
            kind,
            rects=[(r.left(), r.top(), r.right(), r.bottom()) for r in rects],
            **context,
        )

    def _ask_and_place(self, page: int, point: QPointF) -> None:
        title = self.tr("Ghi chú dán") if self.tool == Tool.NOTE else self.tr("Hộp văn bản")
        text, ok = QInputDialog.getMultiLineText(self.parent_widget, title, self.tr("Nội dung:"))
        if not ok or not text.strip():
            return
        kept = self._checked(text.strip())
        if kept is None:
            return
        width, height = (NOTE_SIZE, NOTE_SIZE) if self.tool == Tool.NOTE else FREETEXT_SIZE
        box = (point.x(), point.y(), point.x() + width, point.y() + height)
        self.add(page, self.tool, rects=[box], text=kept)

    def add(self, page: int, kind: str, **fields: object) -> AnnotationData:
        # The author was read with the notes, on the local lane: nothing read here.
        note = new_note(
            self.account.member,
            self.version_id,
            page,
            kind,
            color=self.colour,
            author_id=self.view.me,
            **fields,
        )
        self.undo_stack.push(ChangeNote(self, None, note))
        self.view.selected_note = note.id
        return note

    def move(self, note: AnnotationData, dx: float, dy: float) -> None:
        moved = note.model_copy(
            update={
                "rects": [(a + dx, b + dy, c + dx, d + dy) for a, b, c, d in note.rects],
                "points": [[(x + dx, y + dy) for x, y in stroke] for stroke in note.points],
            }
        )
        self.undo_stack.push(ChangeNote(self, note, moved))

    def edit_selected(self, text: str | None = None) -> None:
        note = self.selected
        if not self.mine(note) or note is None:
            return
        if text is None:
            text, ok = QInputDialog.getMultiLineText(
                self.parent_widget, self.tr("Sửa ghi chú"), self.tr("Nội dung:"), note.text
            )
            if not ok:
                return
        cleaned = self._checked(text)
        if cleaned is not None:
            self.change(note, text=cleaned)

    def _checked(self, text: str) -> str | None:
        """The text as it will be kept (invisible characters removed), or None, the member
        told why, when it holds a character that would make it show something else."""
        try:
            return clean_member_text(text)
        except UnsafeText as error:
            self.message_shown.emit(error_words(error))
            return None

    def share_selected(self, sharing: Sharing) -> None:
        note = self.selected
        if self.mine(note) and note is not None and note.shared != sharing:
            self.change(note, shared=sharing)

    def recolour_selected(self, colour: str) -> None:
        note = self.selected
        if self.mine(note) and note is not None:
            self.change(note, color=colour)

    def change(self, note: AnnotationData, **fields: object) -> None:
        """An undoable change of the member's own note (text, colour, width, sharing)."""
        self.undo_stack.push(ChangeNote(self, note, note.model_copy(update=fields)))

    def delete_selected(self) -> None:
        note = self.selected
        if not self.mine(note):
            if note is not None:
                self.message_shown.emit(self.tr("Chỉ xoá được ghi chú của mình."))
            return
        self.undo_stack.push(ChangeNote(self, note, None))

    def _not_saved(self, error: BaseException) -> None:
        self.message_shown.emit(
            self.tr("Không lưu được ghi chú: {reason}").format(reason=error_words(error))
        )
        self.reload()  # the screen shows again what the laptop holds

    def apply(self, before: AnnotationData | None, after: AnnotationData | None) -> None:
        """Make the laptop hold ``after`` in place of ``before`` (either may be None)."""
        account = self.account.member
        if after is None and before is not None:
            note_id = before.id
            self.view.notes = [n for n in self.view.notes if n.id != note_id]
            self.tasks.run_local(lambda: delete_note(account, note_id), lambda _: self.reload())
        elif after is not None:
            self.view.notes = [n for n in self.view.notes if n.id != after.id] + [after]
            self.tasks.run_local(
                lambda: save_note(account, after), lambda _: self.reload(), self._not_saved
            )
        self.view.viewport().update()

"""The reader's note tools (placed in its one toolbar) and the notes panel's buttons, wired to
the annotator.

Tools are icons with one-letter keys (V select, H highlight, U underline, K strike-out, N
sticky note, P pen, T text box); the colour in use is the swatch of one button whose menu
holds the others (Alt+1..5), the pen's width one more menu (Alt+Shift+1..3); undo and redo;
delete and edit by key. The panel's export, import and print buttons go to the notes' files
(note_files.py); its opinion actions open the opinion composed from the chosen notes
(opinion_dialog.py). GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from ecabinet.client.account import Account
from ecabinet.client.notes import meeting_notes, unplaced_notes
from ecabinet.client.opinion import Targets, opinion_targets
from ecabinet.domain import Sharing
from ui.icons import icon
from ui.reader.annotator import COLOURS, PEN_WIDTHS, Annotator, Tool
from ui.reader.note_files import NoteFiles
from ui.reader.notes_panel import NotesPanel
from ui.reader.opinion_dialog import BALLOT, OpinionDialog
from ui.tasks import TaskManager
from ui.widgets.actions import make_action

# The names of COLOURS, in their order, for the colour button's tooltip and menu.
COLOUR_NAMES = (
    QT_TRANSLATE_NOOP("NotesTools", "Vàng"),
    QT_TRANSLATE_NOOP("NotesTools", "Xanh lá"),
    QT_TRANSLATE_NOOP("NotesTools", "Xanh dương"),
    QT_TRANSLATE_NOOP("NotesTools", "Hồng"),
    QT_TRANSLATE_NOOP("NotesTools", "Đỏ"),
)

TOOL_KEYS = {
    Tool.SELECT: "V",
    Tool.HIGHLIGHT: "H",
    Tool.UNDERLINE: "U",
    Tool.STRIKEOUT: "K",
    Tool.NOTE: "N",
    Tool.INK: "P",
    Tool.FREETEXT: "T",
}


def swatch(colour: str, size: int = 20) -> QIcon:
    """A round-cornered square of ``colour`` with a thin dark rim (yellow reads on white)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor(colour).darker(160))
    painter.drawRoundedRect(QRectF(2.5, 2.5, size - 5, size - 5), 4, 4)
    painter.end()
    return QIcon(pixmap)


class NotesTools(QObject):
    message_shown = Signal(str)
    acted = Signal()  # an opinion was signed or kept: the window syncs

    def __init__(
        self,
        account: Account,
        tasks: TaskManager,
        annotator: Annotator,
        panel: NotesPanel,
        owner: QWidget,
        document_id: Callable[[], str],
    ) -> None:
        super().__init__(owner)
        self.account, self.tasks, self.annotator, self.panel = account, tasks, annotator, panel
        self.owner, self.document_id = owner, document_id
        self.actions: list[QAction] = []  # in the reader's one toolbar, in this order
        self.tool_actions: dict[Tool, QAction] = {}
        group = QActionGroup(self)
        names = {
            Tool.SELECT: (self.tr("Chọn"), "select"),
            Tool.HIGHLIGHT: (self.tr("Tô sáng"), "highlight"),
            Tool.UNDERLINE: (self.tr("Gạch chân"), "underline"),
            Tool.STRIKEOUT: (self.tr("Gạch ngang"), "strike"),
            Tool.NOTE: (self.tr("Ghi chú dán"), "note"),
            Tool.INK: (self.tr("Bút"), "ink"),
            Tool.FREETEXT: (self.tr("Hộp văn bản"), "text-box"),
        }
        for tool, (name, glyph) in names.items():
            action = self._add(name, [TOOL_KEYS[tool]], lambda _=False, t=tool: self.use(t), glyph)
            action.setCheckable(True)
            group.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[Tool.SELECT].setChecked(True)
        self.colour_button = self._colour_button()
        self.width_button = self._width_button()
        self._show_colour()
        keys = QKeySequence.StandardKey
        undo, redo = annotator.undo_stack.undo, annotator.undo_stack.redo
        self.undo_action = self._add(self.tr("Hoàn tác"), [keys.Undo], undo, "undo")
        self.redo_action = self._add(self.tr("Làm lại"), [keys.Redo], redo, "redo")
        # Keys only: the selected note's own gestures (Delete, F2, a double click).
        self.delete_action = self._add(
            self.tr("Xoá ghi chú"), [keys.Delete], annotator.delete_selected, shown=False
        )
        self.edit_action = self._add(self.tr("Sửa ghi chú"), ["F2"], self._edit, shown=False)
        annotator.notes_changed.connect(self._notes_changed)
        annotator.message_shown.connect(self.message_shown)
        panel.chosen.connect(self._chosen)
        panel.scope_changed.connect(self._scope)
        panel.share_chosen.connect(lambda value: annotator.share_selected(Sharing(value)))
        self.files = NoteFiles(account, tasks, annotator, owner, document_id)
        self.files.message_shown.connect(self.message_shown)
        panel.export_pdf.connect(lambda: self.files.ask_export("pdf"))
        panel.export_xfdf.connect(lambda: self.files.ask_export("xfdf"))
        panel.import_xfdf.connect(self.files.ask_import)
        panel.print_requested.connect(self.files.print_document)
        self.targets = Targets()
        self.targets_of = ""  # the document the targets were read for
        self.opinion: OpinionDialog | None = None
        panel.opinion_requested.connect(self.open_opinion)

    def _add(
        self,
        text: str,
        keys: list[Any],
        slot: Callable[..., Any],
        glyph: str = "",
        shown: bool = True,
    ) -> QAction:
        action = make_action(self.owner, text, keys, slot, glyph)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.owner.addAction(action)
        if shown:
            self.actions.append(action)
        return action

    def _choice_button(
        self, choices: Sequence[tuple[str, str, Callable[[], object], bool]]
    ) -> tuple[QToolButton, list[QAction]]:
        """A button whose menu holds exclusive choices (name, shortcut, what it does, whether
        it is the one in use); the choices' actions, each with its shortcut in the reader."""
        button = QToolButton()
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        group = QActionGroup(self)
        actions = []
        for name, key, slot, chosen in choices:
            action = make_action(self.owner, name, [key], lambda _=False, run=slot: run())
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setCheckable(True)
            action.setChecked(chosen)
            group.addAction(action)
            self.owner.addAction(action)
            menu.addAction(action)
            actions.append(action)
        button.setMenu(menu)
        return button, actions

    def _colour_button(self) -> QToolButton:
        """One button whose swatch is the colour in use; its menu holds the others."""
        choices = [
            (
                self.tr(str(COLOUR_NAMES[index - 1])),
                f"Alt+{index}",
                partial(self.set_colour, colour),
                colour == self.annotator.colour,
            )
            for index, colour in enumerate(COLOURS, start=1)
        ]
        button, actions = self._choice_button(choices)
        for action, colour in zip(actions, COLOURS, strict=True):
            action.setIcon(swatch(colour))
        return button

    def _width_button(self) -> QToolButton:
        pens = (self.tr("Nét mảnh"), self.tr("Nét vừa"), self.tr("Nét đậm"))
        choices = [
            (
                name,
                f"Alt+Shift+{index}",
                partial(self.set_width, width),
                width == self.annotator.width,
            )
            for index, (name, width) in enumerate(zip(pens, PEN_WIDTHS, strict=True), start=1)
        ]
        button, _actions = self._choice_button(choices)
        button.setIcon(icon("pen-width"))
        button.setToolTip(self.tr("Độ dày nét bút (Alt+Shift+1…3)"))
        return button

    def _show_colour(self) -> None:
        colour = self.annotator.colour
        name = self.tr(str(COLOUR_NAMES[COLOURS.index(colour)])) if colour in COLOURS else colour
        self.colour_button.setIcon(swatch(colour))
        self.colour_button.setToolTip(
            self.tr("Màu đang dùng: {colour} (Alt+1…5)").format(colour=name)
        )

    def export_to(self, kind: str, target: Path) -> None:
        self.files.export_to(kind, target)

    def import_from(self, source: Path) -> None:
        self.files.import_from(source)

    def _edit(self) -> None:
        self.annotator.edit_selected()

    def use(self, tool: Tool) -> None:
        self.annotator.set_tool(tool)
        self.tool_actions[tool].setChecked(True)

    def set_colour(self, colour: str) -> None:
        self.annotator.colour = colour
        self._show_colour()
        self.annotator.recolour_selected(colour)

    def set_width(self, width: float) -> None:
        self.annotator.width = width
        note = self.annotator.selected
        if note is not None and note.kind == "ink" and self.annotator.mine(note):
            self.annotator.change(note, width=width)

    def _notes_changed(self, notes: list[Any]) -> None:
        view = self.annotator.view
        self.panel.show_notes(notes, view.me, view.authors)
        self.panel.select(self.annotator.selected)
        account, document_id = self.account.member, self.document_id()
        if document_id:
            self.tasks.run_local(
                lambda: unplaced_notes(account, document_id), self.panel.show_unplaced
            )
        if document_id != self.targets_of:
            self.targets_of = document_id
            self.tasks.run_local(lambda: opinion_targets(account, document_id), self._targets)

    def _targets(self, targets: Targets) -> None:
        self.targets = targets
        self.panel.set_targets(bool(targets.ballot[0]), bool(targets.item[0]))

    def open_opinion(self, kind: str, note_ids: list[str]) -> None:
        """The opinion composed from the chosen notes, in an editable box, to be given."""
        if not note_ids:
            self.message_shown.emit(
                self.tr("Đồng chí chưa có ghi chú nào trên tài liệu này để soạn ý kiến.")
            )
            return
        target = self.targets.ballot if kind == BALLOT else self.targets.item
        dialog = OpinionDialog(
            self.account, self.tasks, kind, target, self.document_id(), note_ids, self.owner
        )
        dialog.acted.connect(self.message_shown)
        dialog.acted.connect(lambda _text: self.acted.emit())
        self.opinion = dialog
        dialog.open()

    def _scope(self, whole_meeting: bool) -> None:
        if not whole_meeting or not self.document_id():
            self.panel.show_meeting([])
            return
        account, document_id = self.account.member, self.document_id()

        def read() -> list[tuple[str, str, Any]]:
            return [(d.id, d.title, n) for d, n in meeting_notes(account, document_id)]

        self.tasks.run_local(read, self.panel.show_meeting)

    def _chosen(self, note_id: str, page: int) -> None:
        self.annotator.view.selected_note = note_id
        self.panel.select(self.annotator.selected)
        self.annotator.view.viewport().update()
        self.annotator.view.pageNavigator().jump(
            page, self.annotator.view.pageNavigator().currentLocation()
        )

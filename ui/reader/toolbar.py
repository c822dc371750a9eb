"""The reader's one toolbar, icons with their names and keys in tooltips: the side panels'
toggles, zoom, the page field, the note tools (notes_tools.py), search with its count of hits,
copy and print. Also the session's acts on the document (asking to speak, following the
chair, comparing with the previous version), which the header shows as buttons with words.
Keys work where the reader has focus. The toolbar only asks: the reader and its parts do.
GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar, QWidget

from ecabinet.client.account import Account
from ui.decisions.speak_box import SpeakBox
from ui.tasks import TaskManager
from ui.widgets.actions import Shortcut, make_action

if TYPE_CHECKING:
    from ui.reader.reader import DocumentReader

# The strings keep the reader's context in the translations (resources/translations).
translate = QCoreApplication.translate


class ReaderToolbar(QToolBar):
    def __init__(self, reader: DocumentReader, account: Account, tasks: TaskManager) -> None:
        super().__init__(translate("DocumentReader", "Công cụ đọc"))
        # Closer set than other toolbars (ui/style/sheet.py): some thirty tools share one row
        # beside the sidebar on a 1366 px laptop.
        self.setObjectName("reader-tools")
        self.reader = reader
        self.page_field = QLineEdit()
        self.page_field.setMaximumWidth(44)
        self.page_field.setAccessibleName(translate("DocumentReader", "Trang"))
        self.page_field.returnPressed.connect(self._go_to_typed_page)
        self.page_count = QLabel("/ 0")
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(translate("DocumentReader", "Tìm trong tài liệu…"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setFixedWidth(136)
        self.search_field.returnPressed.connect(
            lambda: reader.finder.search(self.search_field.text())
        )
        self.setIconSize(QSize(20, 20))
        self._build_panel_toggles()
        self._build_view_actions()
        self._build_note_tools()
        self._build_search()
        self._build_acts(account, tasks)

    def _build_panel_toggles(self) -> None:
        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.panel_actions: dict[str, QAction] = {}
        for name, words, key in (
            ("thumbnails", translate("DocumentReader", "Hình thu nhỏ các trang"), "F4"),
            ("outline", translate("DocumentReader", "Mục lục"), "F7"),
            ("notes", translate("DocumentReader", "Ghi chú"), "F8"),
        ):
            glyph = "notes-panel" if name == "notes" else name
            action = self._action(self, words, key, lambda _=False: None, glyph)
            action.setCheckable(True)
            action.toggled.connect(lambda _on=False: self._panels_toggled())
            group.addAction(action)
            self.panel_actions[name] = action
        self.addSeparator()

    def _panels_toggled(self) -> None:
        chosen = next((n for n, a in self.panel_actions.items() if a.isChecked()), "")
        self.reader.show_panel(chosen)

    def _build_note_tools(self) -> None:
        tools = self.reader.notes_tools
        self.addSeparator()
        for action in tools.actions[:-2]:  # the tools; undo and redo come after the colours
            self.addAction(action)
        self.addWidget(tools.colour_button)
        self.addWidget(tools.width_button)
        self.addSeparator()
        for action in tools.actions[-2:]:
            self.addAction(action)

    def _build_view_actions(self) -> None:
        reader, view, keys = self.reader, self.reader.view, QKeySequence.StandardKey
        self.zoom_in_action = self._action(
            self, translate("DocumentReader", "Phóng to"), keys.ZoomIn, view.zoom_in, "zoom-in"
        )
        self.zoom_out_action = self._action(
            self, translate("DocumentReader", "Thu nhỏ"), keys.ZoomOut, view.zoom_out, "zoom-out"
        )
        self.fit_width_action = self._action(
            self,
            translate("DocumentReader", "Vừa chiều rộng"),
            "Ctrl+2",
            view.fit_width,
            "fit-width",
        )
        self.fit_page_action = self._action(
            self, translate("DocumentReader", "Vừa trang"), "Ctrl+1", view.fit_page, "fit-page"
        )
        self.addSeparator()
        self._action(
            self,
            translate("DocumentReader", "Trang trước"),
            "Ctrl+PgUp",
            reader.previous_page,
            "previous",
        )
        self.addWidget(self.page_field)
        self.addWidget(self.page_count)
        self._action(
            self, translate("DocumentReader", "Trang sau"), "Ctrl+PgDown", reader.next_page, "next"
        )
        self._action(reader, translate("DocumentReader", "Đến trang"), "Ctrl+G", self._focus_page)

    def _build_search(self) -> None:
        reader, keys = self.reader, QKeySequence.StandardKey
        self.addSeparator()
        self.addWidget(self.search_field)
        self._action(reader, translate("DocumentReader", "Tìm"), keys.Find, self._focus_search)
        self._action(
            self,
            translate("DocumentReader", "Kết quả trước"),
            "Shift+F3",
            reader.finder.previous_hit,
            "find-previous",
        )
        # F3 alone: some platforms also bind Ctrl+G to "find next", which is "go to page" here.
        self._action(
            self,
            translate("DocumentReader", "Kết quả sau"),
            "F3",
            reader.finder.next_hit,
            "find-next",
        )
        self.addWidget(reader.finder.hit_count)

    def _build_acts(self, account: Account, tasks: TaskManager) -> None:
        reader = self.reader
        self.addSeparator()
        self.copy_action = self._action(
            self,
            translate("DocumentReader", "Sao chép"),
            QKeySequence.StandardKey.Copy,
            reader.copy,
            "copy",
        )
        # Always with the member's watermark and notes (ui/reader/note_files.py), on a worker.
        self.print_action = self._action(
            self,
            translate("DocumentReader", "In…"),
            QKeySequence.StandardKey.Print,
            reader.notes_tools.files.print_document,
            "print",
        )
        # The session's acts: the header shows them as buttons with words (header.py).
        self.compare_action = self._action(
            reader,
            translate("DocumentReader", "So sánh với bản trước"),
            "Ctrl+Shift+V",
            reader.compare,
            "compare",
        )
        # Asking to speak on the item of the open document, without leaving it.
        self.speak = SpeakBox(account, tasks, compact=True)
        self.speak.message_shown.connect(reader.show_message)
        self.speak.available.connect(self.speak.setVisible)
        self.speak.setVisible(False)
        # In session, the reader opens the item the chair moves to (ui/live/session.py);
        # one click turns that off for a member reading something else.
        self.follow_action = self._action(
            reader,
            translate("DocumentReader", "Theo dõi chủ trì"),
            "Ctrl+Shift+L",
            lambda: None,
            "follow",
        )
        self.follow_action.setCheckable(True)
        self.follow_action.setChecked(True)

    def _action(
        self,
        owner: QWidget,
        text: str,
        shortcut: Shortcut,
        slot: Callable[..., Any],
        icon_name: str = "",
    ) -> QAction:
        reader = self.reader
        action = make_action(reader, text, [shortcut], slot, icon_name)
        # The reader's keys work where the reader has focus, not over the whole window.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if owner is not reader:
            owner.addAction(action)
        reader.addAction(action)
        return action

    # --- the page field -----------------------------------------------------------------

    def show_page_number(self, page: int) -> None:
        if not self.page_field.hasFocus():
            self.page_field.setText(str(page + 1))

    def _go_to_typed_page(self) -> None:
        reader, text = self.reader, self.page_field.text().strip()
        count = reader.document.pageCount()
        if text.isdigit() and 1 <= int(text) <= count:
            reader.go_to_page(int(text) - 1)
            reader.view.setFocus()
        else:
            reader.show_message(
                translate(
                    "DocumentReader", "Không có trang “{page}”: tài liệu có {count} trang."
                ).format(page=text, count=count)
            )

    def _focus_page(self) -> None:
        self.page_field.setFocus()
        self.page_field.selectAll()

    def _focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

"""The reader's toolbar: zoom, the page field, search with its count of hits, copy, compare,
asking to speak, and following the chair; with their keys, which work where the reader has
focus. The toolbar only asks: the reader and its parts do. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
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
        self.reader = reader
        self.page_field = QLineEdit()
        self.page_field.setMaximumWidth(60)
        self.page_field.setAccessibleName(translate("DocumentReader", "Trang"))
        self.page_field.returnPressed.connect(self._go_to_typed_page)
        self.page_count = QLabel("/ 0")
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(translate("DocumentReader", "Tìm trong tài liệu…"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMaximumWidth(260)
        self.search_field.returnPressed.connect(
            lambda: reader.finder.search(self.search_field.text())
        )
        self._build_view_actions()
        self._build_acts(account, tasks)

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
        self.compare_action = self._action(
            self,
            translate("DocumentReader", "So sánh với bản trước"),
            "Ctrl+Shift+V",
            reader.compare,
        )
        # Asking to speak on the item of the open document, without leaving it.
        self.speak = SpeakBox(account, tasks, compact=True)
        self.speak.message_shown.connect(reader.show_message)
        self.speak_separator = self.addSeparator()
        self.speak_action = self.addWidget(self.speak)
        self.speak.available.connect(self.speak_action.setVisible)
        self.speak.available.connect(self.speak_separator.setVisible)
        self.speak_action.setVisible(False)
        self.speak_separator.setVisible(False)
        self.addSeparator()
        # In session, the reader opens the item the chair moves to (ui/live/session.py);
        # one click turns that off for a member reading something else.
        self.follow_action = self._action(
            self, translate("DocumentReader", "Theo dõi chủ trì"), "Ctrl+Shift+L", lambda: None
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

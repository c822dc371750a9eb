"""The document reader: continuous pages, zoom, thumbnails, outline, go to page, search with
every hit highlighted, selection and copy (unless the secretariat forbids it), and the last
page read remembered per document.

QPdfView renders pages on its own threads; thumbnails and page texts are made on workers from
their own copy of the file (ui/reader/background.py); the last page is saved on the local
lane. The GUI thread only loads the file (pdfium reads pages lazily) and paints.
GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QImage, QKeySequence, QPixmap
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.account import Account
from ecabinet.client.session_acts import item_of_document
from ecabinet.client.versions import Comparison, compare_with_previous
from ui.decisions.speak_box import SpeakBox
from ui.reader.annotator import Annotator
from ui.reader.background import buffer_of, find, page_texts, render_thumbnails
from ui.reader.compare_view import CompareDialog
from ui.reader.notes_panel import NotesPanel
from ui.reader.notes_tools import NotesTools
from ui.reader.page_view import Hit, PageView
from ui.tasks import TaskManager
from ui.widgets.actions import Shortcut, make_action

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 6.0)
SAVE_PAGE_AFTER_MS = 500


class DocumentReader(QWidget):
    last_page_changed = Signal(str, int)  # document id, 0-based page
    loaded = Signal(int)  # page count, once a document is open
    thumbnail_ready = Signal(int, QImage)  # emitted from a worker; queued to the GUI thread
    searched = Signal(int)  # number of hits
    message_shown = Signal(str)
    compared = Signal(object)  # the Comparison shown
    open_elsewhere = Signal(str, int)  # another document of the meeting, at a page

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self.document_id = ""
        self.version_id = ""  # which version is shown (notes are kept per version)
        self.allow_copy = True
        self._buffer = buffer_of(b"")
        self._generation = 0  # answers from workers about an older document are dropped
        self._cancel = threading.Event()
        self._texts: list[str] | None = None
        self._pending_search = ""
        self.document = QPdfDocument(self)
        self.view = PageView()
        self.view.viewport().installEventFilter(self)  # its page kept through a resize
        self.view.setDocument(self.document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)  # a draft is read across its width
        self.bookmarks = QPdfBookmarkModel(self)
        self.bookmarks.setDocument(self.document)
        self.annotator = Annotator(account, tasks, self.view, self)
        self.notes_panel = NotesPanel()
        self.notes_tools = NotesTools(
            account, tasks, self.annotator, self.notes_panel, self, lambda: self.document_id
        )
        self.notes_tools.message_shown.connect(self.show_message)
        self.notes_panel.chosen_elsewhere.connect(self._open_elsewhere)
        self._build()
        self.navigator = self.view.pageNavigator()
        self.navigator.currentPageChanged.connect(self._page_changed)
        self.thumbnail_ready.connect(self._thumbnail)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_PAGE_AFTER_MS)
        self._save_timer.timeout.connect(self._save_page)

    # --- building ----------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.page_field = QLineEdit()
        self.page_field.setMaximumWidth(60)
        self.page_field.setAccessibleName(self.tr("Trang"))
        self.page_field.returnPressed.connect(self._go_to_typed_page)
        self.page_count = QLabel("/ 0")
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Tìm trong tài liệu…"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMaximumWidth(260)
        self.search_field.returnPressed.connect(lambda: self.search(self.search_field.text()))
        self.hit_count = QLabel()
        toolbar = self._build_toolbar()
        splitter = QSplitter()
        splitter.addWidget(self._build_side())
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(toolbar)
        layout.addWidget(self.notes_tools.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar(self.tr("Công cụ đọc"))
        keys = QKeySequence.StandardKey
        self.zoom_in_action = self._action(
            toolbar, self.tr("Phóng to"), keys.ZoomIn, self.zoom_in, "zoom-in"
        )
        self.zoom_out_action = self._action(
            toolbar, self.tr("Thu nhỏ"), keys.ZoomOut, self.zoom_out, "zoom-out"
        )
        self.fit_width_action = self._action(
            toolbar, self.tr("Vừa chiều rộng"), "Ctrl+2", self.fit_width, "fit-width"
        )
        self.fit_page_action = self._action(
            toolbar, self.tr("Vừa trang"), "Ctrl+1", self.fit_page, "fit-page"
        )
        toolbar.addSeparator()
        self._action(toolbar, self.tr("Trang trước"), "Ctrl+PgUp", self.previous_page, "previous")
        toolbar.addWidget(self.page_field)
        toolbar.addWidget(self.page_count)
        self._action(toolbar, self.tr("Trang sau"), "Ctrl+PgDown", self.next_page, "next")
        self._action(self, self.tr("Đến trang"), "Ctrl+G", self._focus_page_field)
        toolbar.addSeparator()
        toolbar.addWidget(self.search_field)
        self._action(self, self.tr("Tìm"), keys.Find, self._focus_search)
        self._action(
            toolbar, self.tr("Kết quả trước"), "Shift+F3", self.previous_hit, "find-previous"
        )
        # F3 alone: some platforms also bind Ctrl+G to "find next", which is "go to page" here.
        self._action(toolbar, self.tr("Kết quả sau"), "F3", self.next_hit, "find-next")
        toolbar.addWidget(self.hit_count)
        toolbar.addSeparator()
        self.copy_action = self._action(toolbar, self.tr("Sao chép"), keys.Copy, self.copy, "copy")
        self.compare_action = self._action(
            toolbar, self.tr("So sánh với bản trước"), "Ctrl+Shift+V", self.compare
        )
        # Asking to speak on the item of the open document, without leaving it.
        self.speak = SpeakBox(self.account, self.tasks, compact=True)
        self.speak.message_shown.connect(self.show_message)
        self.speak_separator = toolbar.addSeparator()
        self.speak_action = toolbar.addWidget(self.speak)
        self.speak.available.connect(self.speak_action.setVisible)
        self.speak.available.connect(self.speak_separator.setVisible)
        self.speak_action.setVisible(False)
        self.speak_separator.setVisible(False)
        toolbar.addSeparator()
        # In session, the reader opens the item the chair moves to (ui/live/session.py);
        # one click turns that off for a member reading something else.
        self.follow_action = self._action(
            toolbar, self.tr("Theo dõi chủ trì"), "Ctrl+Shift+L", lambda: None
        )
        self.follow_action.setCheckable(True)
        self.follow_action.setChecked(True)
        return toolbar

    def _build_side(self) -> QTabWidget:
        self.thumbnails = QListWidget()
        self.thumbnails.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbnails.setFlow(QListWidget.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setIconSize(QPixmap(120, 170).size())
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setMovement(QListWidget.Movement.Static)
        self.thumbnails.itemActivated.connect(
            lambda item: self.go_to_page(self.thumbnails.row(item))
        )
        self.thumbnails.itemClicked.connect(lambda item: self.go_to_page(self.thumbnails.row(item)))
        self.outline = QTreeView()
        self.outline.setModel(self.bookmarks)
        self.outline.setHeaderHidden(True)
        self.outline.activated.connect(self._outline_chosen)
        self.outline.clicked.connect(self._outline_chosen)
        self.no_outline = QLabel(self.tr("Tài liệu không có mục lục."))
        outline_box = QWidget()
        outline_layout = QVBoxLayout(outline_box)
        outline_layout.setContentsMargins(0, 0, 0, 0)
        outline_layout.addWidget(self.no_outline)
        outline_layout.addWidget(self.outline, 1)
        self.side = QTabWidget()
        self.side.addTab(self.thumbnails, self.tr("Trang"))
        self.side.addTab(outline_box, self.tr("Mục lục"))
        self.side.addTab(self.notes_panel, self.tr("Ghi chú"))
        return self.side

    def _action(
        self,
        owner: QWidget,
        text: str,
        shortcut: Shortcut,
        slot: Callable[..., Any],
        icon_name: str = "",
    ) -> QAction:
        action = make_action(self, text, [shortcut], slot, icon_name)
        # The reader's keys work where the reader has focus, not over the whole window.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        owner.addAction(action)
        self.addAction(action)
        return action

    # --- opening -----------------------------------------------------------------------

    def open_document(
        self,
        *,
        document_id: str,
        version_id: str,
        title: str,
        data: bytes,
        allow_copy: bool,
        page: int | None = None,
        search: str = "",
    ) -> None:
        self.close_document()
        self._generation += 1
        self.document_id, self.version_id = document_id, version_id
        self.allow_copy = allow_copy
        self._show_speak(document_id)
        self.title.setText(f"<b>{title}</b>")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        # The file is opened from memory: on disk it is sealed, and stays so.
        self._buffer = buffer_of(data)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self.show_message(self.tr("Không mở được tài liệu: tệp bị hỏng hoặc không phải PDF."))
            return
        self.view.reset_pages()
        self.annotator.texts = None
        self.annotator.load(version_id)
        count = self.document.pageCount()
        self.page_count.setText(f"/ {count}")
        self.page_field.setText("1")
        self.outline.expandAll()
        self.no_outline.setVisible(self.bookmarks.rowCount() == 0)
        self.outline.setVisible(self.bookmarks.rowCount() > 0)
        self.copy_action.setEnabled(True)
        self._start_background(data, count)
        self._pending_search = search
        self.search_field.setText(search)
        if page is None:
            self._restore_last_page()
        else:
            self.go_to_page(page)
        self.loaded.emit(count)

    def close_document(self) -> None:
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_page()
        self._cancel.set()
        self._generation += 1
        self.view.reset_pages()
        self.document.close()
        self.thumbnails.clear()
        self._texts = None
        self.hit_count.clear()
        self.message.hide()
        self.document_id = ""
        self.speak.show_item("")

    def _show_speak(self, document_id: str) -> None:
        generation, account = self._generation, self.account

        def show(item_id: str) -> None:
            if generation == self._generation:  # still the same document
                self.speak.show_item(item_id)

        self.tasks.run_local(lambda: item_of_document(account, document_id), show)

    def _start_background(self, data: bytes, count: int) -> None:
        generation = self._generation
        self._cancel = cancel = threading.Event()
        placeholder = QPixmap(120, 170)
        placeholder.fill(Qt.GlobalColor.lightGray)
        for page in range(count):
            item = QListWidgetItem(QIcon(placeholder), str(page + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.thumbnails.addItem(item)

        def thumbnails() -> int:
            return render_thumbnails(data, self.thumbnail_ready.emit, cancel)

        self._thumbnail_generation = generation
        self.tasks.run_network(thumbnails, on_error=lambda _e: None)
        self.tasks.run_network(
            lambda: page_texts(data),
            lambda texts: self._texts_ready(generation, texts),
            lambda _error: self._texts_ready(generation, []),  # nothing to search in, said so
        )

    def _thumbnail(self, page: int, image: QImage) -> None:
        item = self.thumbnails.item(page)
        if item is not None and self._thumbnail_generation == self._generation:
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def _restore_last_page(self) -> None:
        generation, store, document_id = (
            self._generation,
            self.account.member.store,
            self.document_id,
        )

        def restore(page: int | None) -> None:
            if generation == self._generation and page is not None:
                self.go_to_page(page)

        self.tasks.run_local(lambda: store.last_page(document_id), restore)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            # The view lays the pages out again for its new size and then names as current
            # the page its old scroll position now falls on: keep the page being read.
            page, generation = self.current_page, self._generation
            QTimer.singleShot(0, lambda: self._return_to(page, generation))
        return super().eventFilter(watched, event)

    def _return_to(self, page: int, generation: int) -> None:
        if generation == self._generation and self.current_page != page:
            self.go_to_page(page)

    # --- moving about ------------------------------------------------------------------

    @property
    def current_page(self) -> int:
        return self.navigator.currentPage()

    def go_to_page(self, page: int) -> None:
        count = self.document.pageCount()
        if count == 0:
            return
        page = max(0, min(count - 1, page))
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._show_page_number(page)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    def _go_to_typed_page(self) -> None:
        text = self.page_field.text().strip()
        if text.isdigit() and 1 <= int(text) <= self.document.pageCount():
            self.go_to_page(int(text) - 1)
            self.view.setFocus()
        else:
            self.show_message(
                self.tr("Không có trang “{page}”: tài liệu có {count} trang.").format(
                    page=text, count=self.document.pageCount()
                )
            )

    def _focus_page_field(self) -> None:
        self.page_field.setFocus()
        self.page_field.selectAll()

    def _outline_chosen(self, index: QModelIndex) -> None:
        page = index.data(QPdfBookmarkModel.Role.Page)
        location = index.data(QPdfBookmarkModel.Role.Location)
        if isinstance(page, int):
            self.navigator.jump(page, location or QPointF(), self.navigator.currentZoom())

    def _page_changed(self, page: int) -> None:
        self._show_page_number(page)
        if self.document_id:
            self._save_timer.start()

    def _show_page_number(self, page: int) -> None:
        if not self.page_field.hasFocus():
            self.page_field.setText(str(page + 1))
        item = self.thumbnails.item(page)
        if item is not None:
            self.thumbnails.setCurrentItem(item)

    def _save_page(self) -> None:
        document_id, page, store = self.document_id, self.current_page, self.account.member.store
        if not document_id:
            return
        self.tasks.run_local(lambda: store.keep_last_page(document_id, page))
        self.last_page_changed.emit(document_id, page)

    # --- zoom --------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self._zoom_to(self.view.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_to(self.view.effective_zoom() / ZOOM_STEP)

    def _zoom_to(self, factor: float) -> None:
        low, high = ZOOM_RANGE
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(low, min(high, factor)))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    # --- search ------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def _texts_ready(self, generation: int, texts: list[str]) -> None:
        if generation != self._generation:
            return
        self._texts = texts
        self.annotator.texts = texts  # notes on words keep their quote and its context
        if self._pending_search:
            self.search(self._pending_search, stay_on_page=True)

    def search(self, query: str, stay_on_page: bool = False) -> int:
        """Highlight every match (diacritics or not) and go to the first one (or, when opened
        from a search result, to the first one on or after the page shown)."""
        self._pending_search = query
        if self._texts is None:
            return 0  # searched as soon as the texts are read
        hits = [
            Hit(page, tuple(self.document.getSelectionAtIndex(page, start, length).bounds()))
            for page, start, length in find(self._texts, query)
        ]
        self.view.hits = hits
        self.view.current_hit = -1
        if hits:
            here = self.current_page if stay_on_page else 0
            first = next((i for i, hit in enumerate(hits) if hit.page >= here), 0)
            self._show_hit(first)
        else:
            self.hit_count.setText(self.tr("Không thấy") if query.strip() else "")
            self.view.viewport().update()
        self.searched.emit(len(hits))
        return len(hits)

    def next_hit(self) -> None:
        if self.view.hits:
            self._show_hit((self.view.current_hit + 1) % len(self.view.hits))

    def previous_hit(self) -> None:
        if self.view.hits:
            self._show_hit((self.view.current_hit - 1) % len(self.view.hits))

    def _show_hit(self, index: int) -> None:
        self.view.current_hit = index
        hit = self.view.hits[index]
        top = min((p.boundingRect().top() for p in hit.polygons), default=0.0)
        self.navigator.jump(hit.page, QPointF(0, max(0.0, top - 40)), self.navigator.currentZoom())
        self._show_page_number(hit.page)
        self.hit_count.setText(f"{index + 1}/{len(self.view.hits)}")
        self.view.viewport().update()

    # --- copy --------------------------------------------------------------------------

    def copy(self) -> bool:
        text = self.view.selected_text
        if not text:
            return False
        if not self.allow_copy:
            self.show_message(self.tr("Văn phòng Chính phủ không cho phép sao chép tài liệu này."))
            return False
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        return True

    def _open_elsewhere(self, document_id: str, page: int) -> None:
        if document_id == self.document_id:
            self.go_to_page(page)
        else:
            self.open_elsewhere.emit(document_id, page)

    def compare(self) -> None:
        """Open the comparison with the previous version (computed on a worker)."""
        account, document_id, title = self.account.member, self.document_id, self.title.text()
        if not document_id:
            return

        def done(comparison: Comparison | None) -> None:
            if comparison is None:
                self.show_message(self.tr("Tài liệu này chưa có bản trước để so sánh."))
                return
            self.comparison_dialog = CompareDialog(comparison, title, self)
            self.comparison_dialog.open()
            self.compared.emit(comparison)

        self.tasks.run_network(
            lambda: compare_with_previous(account, document_id),
            done,
            lambda error: self.show_message(
                self.tr("Không so sánh được: {reason}").format(reason=error)
            ),
        )

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.message_shown.emit(text)

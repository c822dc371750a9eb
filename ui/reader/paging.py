"""Moving about the open document: the current page, going to one (or to a page of another
document of the meeting, which the window opens), the page number shown in the toolbar and
the thumbnails, the last page read remembered (half a second after the member stops turning
pages, on the local lane), and the page kept when the view is laid out again. GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QTimer

if TYPE_CHECKING:
    from ui.reader.reader import DocumentReader

SAVE_PAGE_AFTER_MS = 500


class Paging(QObject):
    def __init__(self, reader: DocumentReader) -> None:
        super().__init__(reader)
        self.reader = reader
        self.navigator = reader.view.pageNavigator()
        reader.view.viewport().installEventFilter(self)  # its page kept through a resize
        self.navigator.currentPageChanged.connect(self._page_changed)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_PAGE_AFTER_MS)
        self._save_timer.timeout.connect(self._save_page)
        # Counts the jumps asked for: a page kept through a resize is not returned to once a
        # later jump (the last page read, answered by the local lane) has named another.
        self._jumps = 0

    @property
    def current_page(self) -> int:
        return self.navigator.currentPage()

    def go_to_page(self, page: int) -> None:
        count = self.reader.document.pageCount()
        if count == 0:
            return
        page = max(0, min(count - 1, page))
        self._jumps += 1
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self.show_page_number(page)

    def go_to_place(self, page: int, at: QPointF) -> None:
        """A point on a page, as the outline names it."""
        self._jumps += 1
        self.navigator.jump(page, at, self.navigator.currentZoom())

    def go_to_document_page(self, document_id: str, page: int) -> None:
        """A page of this document, or of another of the meeting, which the window opens."""
        if document_id == self.reader.document_id:
            self.go_to_page(page)
        else:
            self.reader.open_elsewhere.emit(document_id, page)

    def show_page_number(self, page: int) -> None:
        self.reader.toolbar.show_page_number(page)
        self.reader.side.select_page(page)

    def save_now(self) -> None:
        """Remember at once a page that was waiting to be remembered (the document closes)."""
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_page()

    def _page_changed(self, page: int) -> None:
        self.show_page_number(page)
        if self.reader.document_id:
            self._save_timer.start()

    def _save_page(self) -> None:
        reader = self.reader
        document_id, page, store = (
            reader.document_id,
            self.current_page,
            reader.account.member.store,
        )
        if not document_id:
            return
        reader.tasks.run_local(lambda: store.keep_last_page(document_id, page))
        reader.last_page_changed.emit(document_id, page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.reader.view.viewport() and event.type() == QEvent.Type.Resize:
            # The view lays the pages out again for its new size and then names as current
            # the page its old scroll position now falls on: keep the page being read.
            kept = (self.current_page, self.reader.loading.generation, self._jumps)
            QTimer.singleShot(0, lambda: self._return_to(*kept))
        return super().eventFilter(watched, event)

    def _return_to(self, page: int, generation: int, jumps: int) -> None:
        if (generation, jumps) != (self.reader.loading.generation, self._jumps):
            return  # another document, or a jump since the resize: that page stands
        if self.current_page != page:
            self.go_to_page(page)

"""Search in the open document: every match highlighted (with or without diacritics), the
current one in front, and the count of hits in the reader's toolbar.

The page texts are read on a worker (ui/reader/background.py); a search asked before they
arrive is run as soon as they do. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPointF, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel

from ui.reader.background import find
from ui.reader.page_view import Hit, PageView

HIT_MARGIN = 40  # points shown above a hit, so its line is not at the very top

# The strings keep the reader's context in the translations (resources/translations).
translate = QCoreApplication.translate


class DocumentSearch(QObject):
    searched = Signal(int)  # number of hits

    def __init__(
        self,
        document: QPdfDocument,
        view: PageView,
        moved: Callable[[int], None],
    ) -> None:
        super().__init__(view)
        self.document = document
        self.view = view
        self.hit_count = QLabel()  # "2/5", or "none found"; shown in the reader's toolbar
        self._moved = moved  # told the page a hit is on, once the view shows it
        self.texts: list[str] | None = None
        self.pending = ""

    def reset(self, query: str = "") -> None:
        """A new document (or none): its texts are not read yet; ``query`` waits for them."""
        self.texts = None
        self.pending = query
        self.hit_count.clear()

    def texts_ready(self, texts: list[str]) -> None:
        self.texts = texts
        if self.pending:
            self.search(self.pending, stay_on_page=True)

    def search(self, query: str, stay_on_page: bool = False) -> int:
        """Highlight every match (diacritics or not) and go to the first one (or, when opened
        from a search result, to the first one on or after the page shown)."""
        self.pending = query
        if self.texts is None:
            return 0  # searched as soon as the texts are read
        view = self.view
        hits = [
            Hit(page, tuple(self.document.getSelectionAtIndex(page, start, length).bounds()))
            for page, start, length in find(self.texts, query)
        ]
        view.hits = hits
        view.current_hit = -1
        if hits:
            here = view.pageNavigator().currentPage() if stay_on_page else 0
            first = next((i for i, hit in enumerate(hits) if hit.page >= here), 0)
            self._show_hit(first)
        else:
            self.hit_count.setText(
                translate("DocumentReader", "Không thấy") if query.strip() else ""
            )
            view.viewport().update()
        self.searched.emit(len(hits))
        return len(hits)

    def next_hit(self) -> None:
        if self.view.hits:
            self._show_hit((self.view.current_hit + 1) % len(self.view.hits))

    def previous_hit(self) -> None:
        if self.view.hits:
            self._show_hit((self.view.current_hit - 1) % len(self.view.hits))

    def _show_hit(self, index: int) -> None:
        view = self.view
        view.current_hit = index
        hit = view.hits[index]
        top = min((p.boundingRect().top() for p in hit.polygons), default=0.0)
        navigator = view.pageNavigator()
        navigator.jump(hit.page, QPointF(0, max(0.0, top - HIT_MARGIN)), navigator.currentZoom())
        self._moved(hit.page)
        self.hit_count.setText(f"{index + 1}/{len(view.hits)}")
        view.viewport().update()

"""QtPdf's page view, with zoom steps, text selection and search hits painted over the pages.

QPdfView renders pages on its own worker threads and scrolls them continuously; it neither
selects text nor highlights matches that ignore diacritics, so both are drawn here from
QPdfDocument's selections (polygons in PDF points) mapped through the view's layout.
GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtPdf import QPdfSelection
from PySide6.QtPdfWidgets import QPdfView

from ecabinet.wire.objects import AnnotationData
from ui.reader.layout import PageLayout, compute_layout
from ui.reader.notes_layer import paint_notes

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 6.0)
HIT = QColor(255, 200, 0, 90)
CURRENT_HIT = QColor(255, 120, 0, 140)


@dataclass(frozen=True)
class Hit:
    page: int
    polygons: tuple[QPolygonF, ...]  # in PDF points of the page


class PageView(QPdfView):
    selection_changed = Signal(str)  # the selected text ("" when nothing is selected)
    # Where the mouse acts on a page (page, point in PDF points), for the annotation tools.
    page_pressed = Signal(int, QPointF)
    page_dragged = Signal(int, QPointF)
    page_released = Signal(int, QPointF)
    page_double_clicked = Signal(int, QPointF)

    def __init__(self) -> None:
        super().__init__()
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.hits: list[Hit] = []
        self.current_hit = -1
        self._selection: QPdfSelection | None = None
        self._selection_page = -1
        self._anchor: tuple[int, QPointF] | None = None
        self._sizes: list[QSizeF] = []
        self.selects_text = True  # off while a drawing tool is in use
        self.notes: list[AnnotationData] = []
        self.me = ""
        self.authors: dict[str, str] = {}
        self.selected_note = ""
        self.stroke: tuple[int, list[QPointF]] | None = None  # ink being drawn
        self._pressed_page = -1
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)

    # --- layout --------------------------------------------------------------------------

    def reset_pages(self) -> None:
        """Call after a document loads: its page sizes are read once."""
        document = self.document()
        count = document.pageCount() if document else 0
        self._sizes = [document.pagePointSize(p) for p in range(count)] if document else []
        self.clear_selection()
        self.hits, self.current_hit = [], -1

    @staticmethod
    def screen_resolution() -> float:
        screen = QGuiApplication.primaryScreen()
        return (screen.logicalDotsPerInch() if screen else 96.0) / 72.0

    def effective_zoom(self) -> float:
        """The zoom shown: the factor itself, or what fitting the width or page came to."""
        if self.zoomMode() == QPdfView.ZoomMode.Custom or not self._sizes:
            return self.zoomFactor()
        page = max(0, min(len(self._sizes) - 1, self.pageNavigator().currentPage()))
        return self.layout().scale[page] / self.screen_resolution()

    def layout(self) -> PageLayout:  # type: ignore[override]
        resolution = self.screen_resolution()
        viewport = self.viewport()
        return compute_layout(
            self._sizes,
            self.zoomMode(),
            self.zoomFactor(),
            viewport.width(),
            viewport.height(),
            self.documentMargins(),
            self.pageSpacing(),
            resolution,
        )

    # --- zoom --------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self._zoom_to(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_to(self.effective_zoom() / ZOOM_STEP)

    def _zoom_to(self, factor: float) -> None:
        low, high = ZOOM_RANGE
        self.setZoomMode(QPdfView.ZoomMode.Custom)
        self.setZoomFactor(max(low, min(high, factor)))

    def fit_width(self) -> None:
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _scroll(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    # --- selection -----------------------------------------------------------------------

    @property
    def selected_text(self) -> str:
        return self._selection.text() if self._selection is not None else ""

    def clear_selection(self) -> None:
        had = self._selection is not None
        self._selection, self._selection_page, self._anchor = None, -1, None
        if had:
            self.selection_changed.emit("")
            self.viewport().update()

    def select_between(self, page: int, start: QPointF, end: QPointF) -> str:
        """Select the text of ``page`` between two points in PDF points; returns it."""
        selection = self.document().getSelection(page, start, end)
        self._selection = selection if selection.isValid() else None
        self._selection_page = page
        self.viewport().update()
        text = self.selected_text
        self.selection_changed.emit(text)
        return text

    def _page_point(self, event: QMouseEvent) -> tuple[int, QPointF] | None:
        layout = self.layout()
        point = event.position() + self._scroll()
        page = layout.page_at(point)
        return None if page is None else (page, layout.to_page(page, point))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clear_selection()
            where = self._page_point(event)
            self._anchor = where if self.selects_text else None
            self._pressed_page = where[0] if where else -1
            if where is not None:
                self.page_pressed.emit(*where)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            here = self._page_point(event)
            if self._anchor is not None:
                page, start = self._anchor
                if here is not None and here[0] == page:  # a selection stays on one page
                    self.select_between(page, start, here[1])
            if here is not None and here[0] == self._pressed_page:
                self.page_dragged.emit(*here)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        here = self._page_point(event)
        if event.button() == Qt.MouseButton.LeftButton and here is not None:
            self.page_released.emit(*here)
        self._pressed_page = -1
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        here = self._page_point(event)
        if here is not None:
            self.page_double_clicked.emit(*here)
        super().mouseDoubleClickEvent(event)

    @property
    def selection(self) -> tuple[int, QPdfSelection] | None:
        if self._selection is None:
            return None
        return self._selection_page, self._selection

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._sizes:
            return
        layout = self.layout()
        scroll = self._scroll()
        top, bottom = scroll.y(), scroll.y() + self.viewport().height()
        painter = QPainter(self.viewport())
        highlight = self.palette().highlight().color()
        paint_notes(
            painter,
            layout,
            scroll,
            self.notes,
            self.me,
            self.selected_note,
            self.authors,
            highlight,
        )
        if self.stroke is not None:
            page, points = self.stroke
            painter.setPen(QPen(highlight, 2))
            painter.drawPolyline([layout.from_page(page, p) - scroll for p in points])
        painter.setPen(Qt.PenStyle.NoPen)
        for index, hit in enumerate(self.hits):
            rect = layout.rects[hit.page]
            if rect.bottom() < top or rect.top() > bottom:
                continue
            painter.setBrush(CURRENT_HIT if index == self.current_hit else HIT)
            for polygon in hit.polygons:
                painter.drawPolygon(self._on_screen(layout, hit.page, polygon, scroll))
        if self._selection is not None:
            painter.setBrush(self.palette().highlight().color().lighter(110))
            painter.setOpacity(0.4)
            for polygon in self._selection.bounds():
                painter.drawPolygon(self._on_screen(layout, self._selection_page, polygon, scroll))
        painter.end()

    @staticmethod
    def _on_screen(layout: PageLayout, page: int, polygon: QPolygonF, scroll: QPointF) -> QPolygonF:
        rect, scale = layout.rects[page], layout.scale[page]
        to_screen = QTransform().translate(rect.left() - scroll.x(), rect.top() - scroll.y())
        return to_screen.scale(scale, scale).map(polygon)

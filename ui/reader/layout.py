"""Where QPdfView puts each page on screen, so a mouse position maps to a point on a page.

QPdfView does not expose its page geometry; this follows its layout (Qt 6's qpdfview.cpp,
calculateDocumentLayout): pages stacked in continuous mode, each centred, sized by the zoom
mode, separated by the page spacing inside the document margins. Any thread; pure geometry.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMargins, QPointF, QRectF, QSizeF
from PySide6.QtPdfWidgets import QPdfView

Mode = QPdfView.ZoomMode


@dataclass(frozen=True)
class PageLayout:
    rects: tuple[QRectF, ...]  # in document pixels (before scrolling)
    scale: tuple[float, ...]  # pixels per PDF point, per page

    def page_at(self, point: QPointF) -> int | None:
        for page, rect in enumerate(self.rects):
            if rect.top() - 1 <= point.y() <= rect.bottom() + 1:
                return page
        return None

    def to_page(self, page: int, point: QPointF) -> QPointF:
        """A document pixel as a point on ``page``, in PDF points from its top left."""
        rect = self.rects[page]
        return QPointF(
            (point.x() - rect.left()) / self.scale[page],
            (point.y() - rect.top()) / self.scale[page],
        )

    def from_page(self, page: int, point: QPointF) -> QPointF:
        rect = self.rects[page]
        return QPointF(
            rect.left() + point.x() * self.scale[page], rect.top() + point.y() * self.scale[page]
        )


def compute_layout(
    sizes: list[QSizeF],
    mode: QPdfView.ZoomMode,
    zoom: float,
    viewport_width: int,
    viewport_height: int,
    margins: QMargins,
    spacing: int,
    screen_resolution: float,
) -> PageLayout:
    """``sizes`` in PDF points; ``screen_resolution`` is the logical DPI divided by 72."""
    pixel_sizes: list[QSizeF] = []
    inner_width = viewport_width - margins.left() - margins.right()
    inner_height = viewport_height - margins.top() - margins.bottom()
    for size in sizes:
        base = QSizeF(size.width() * screen_resolution, size.height() * screen_resolution)
        if mode == Mode.Custom:
            pixel = base * zoom
        elif mode == Mode.FitToWidth:
            pixel = base * (inner_width / base.width() if base.width() else 1.0)
        else:  # FitInView: the whole page in the viewport
            factor = min(
                inner_width / base.width() if base.width() else 1.0,
                inner_height / base.height() if base.height() else 1.0,
            )
            pixel = base * factor
        pixel_sizes.append(QSizeF(int(pixel.width()), int(pixel.height())))
    total_width = (
        max((s.width() for s in pixel_sizes), default=0) + margins.left() + margins.right()
    )
    y = float(margins.top())
    rects, scales = [], []
    for size, points in zip(pixel_sizes, sizes, strict=True):
        x = int((max(total_width, viewport_width) - size.width()) / 2)
        rects.append(QRectF(x, y, size.width(), size.height()))
        scales.append(size.width() / points.width() if points.width() else 1.0)
        y += size.height() + spacing
    return PageLayout(tuple(rects), tuple(scales))

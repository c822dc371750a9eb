"""Drawing notes over the pages: highlights, underlines, strike-outs, sticky notes, ink, text.

The member's own notes in their colours; colleagues' shared notes in a distinct style (dashed
outline and their initials) so nobody mistakes them for their own. Geometry is in PDF points
from the page's top left, mapped through the view's layout. GUI thread (paint events).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from ecabinet.wire.objects import AnnotationData
from ui.reader.layout import PageLayout

NOTE_SIZE = 20.0  # a sticky note's square, in points


def note_box(note: AnnotationData) -> QRectF:
    """The note's box in page points (top-left origin)."""
    if note.rects:
        left = min(r[0] for r in note.rects)
        top = min(r[1] for r in note.rects)
        right = max(r[2] for r in note.rects)
        bottom = max(r[3] for r in note.rects)
        return QRectF(left, top, right - left, bottom - top)
    points = [p for stroke in note.points for p in stroke]
    if points:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(-3, -3, 3, 3)
    return QRectF(0, 0, NOTE_SIZE, NOTE_SIZE)


def hit(notes: Iterable[AnnotationData], page: int, point: QPointF) -> AnnotationData | None:
    """The topmost note under a point of a page (the last drawn wins)."""
    found = None
    for note in notes:
        if note.page == page and note_box(note).adjusted(-2, -2, 2, 2).contains(point):
            found = note
    return found


def initials(name: str) -> str:
    return "".join(word[0] for word in name.split()[-2:]).upper()


def paint_notes(
    painter: QPainter,
    layout: PageLayout,
    scroll: QPointF,
    notes: Iterable[AnnotationData],
    me: str,
    selected: str,
    authors: dict[str, str],
    selection_colour: QColor,
) -> None:
    device = painter.device()
    visible_top = scroll.y()
    visible_bottom = scroll.y() + (device.height() if device is not None else 10_000)
    for note in notes:
        if not 0 <= note.page < len(layout.rects):
            continue
        rect = layout.rects[note.page]
        if rect.bottom() < visible_top or rect.top() > visible_bottom:
            continue
        scale = layout.scale[note.page]
        painter.save()
        painter.translate(rect.left() - scroll.x(), rect.top() - scroll.y())
        painter.scale(scale, scale)
        _paint_one(painter, note, mine=note.author_id == me)
        if note.author_id != me:
            _mark_as_others(painter, note, authors.get(note.author_id, ""))
        if note.id == selected:
            painter.setPen(QPen(selection_colour, 1.5 / scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(note_box(note).adjusted(-2, -2, 2, 2))
        painter.restore()


def _paint_one(painter: QPainter, note: AnnotationData, mine: bool) -> None:
    colour = QColor(note.color)
    kind = note.kind
    if kind == "highlight":
        colour.setAlpha(90 if mine else 55)
        for x0, y0, x1, y1 in note.rects:
            painter.fillRect(QRectF(x0, y0, x1 - x0, y1 - y0), colour)
    elif kind in ("underline", "strikeout"):
        painter.setPen(QPen(colour, 1.2))
        for x0, y0, x1, y1 in note.rects:
            y = y1 - 0.5 if kind == "underline" else (y0 + y1) / 2
            painter.drawLine(QPointF(x0, y), QPointF(x1, y))
    elif kind == "ink":
        painter.setPen(QPen(colour, note.width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for stroke in note.points:
            path = QPainterPath()
            for index, (x, y) in enumerate(stroke):
                path.moveTo(x, y) if index == 0 else path.lineTo(x, y)
            painter.drawPath(path)
    elif kind == "note":
        box = note_box(note)
        colour.setAlpha(230)
        painter.setBrush(colour)
        painter.setPen(QPen(colour.darker(150), 0.8))
        painter.drawRoundedRect(
            QRectF(box.topLeft(), QRectF(0, 0, NOTE_SIZE, NOTE_SIZE).size()), 2, 2
        )
        painter.drawLine(box.topLeft() + QPointF(5, 7), box.topLeft() + QPointF(15, 7))
        painter.drawLine(box.topLeft() + QPointF(5, 11), box.topLeft() + QPointF(15, 11))
        painter.drawLine(box.topLeft() + QPointF(5, 15), box.topLeft() + QPointF(12, 15))
    elif kind == "freetext":
        box = note_box(note)
        painter.setPen(QPen(colour.darker(130), 0.8))
        painter.setBrush(QColor(255, 255, 240, 220))
        painter.drawRect(box)
        painter.setPen(QColor(20, 20, 20))
        font = QFont(painter.font())
        font.setPointSizeF(9)
        painter.setFont(font)
        painter.drawText(box.adjusted(3, 2, -3, -2), Qt.TextFlag.TextWordWrap, note.text)


def _mark_as_others(painter: QPainter, note: AnnotationData, author: str) -> None:
    box = note_box(note).adjusted(-1.5, -1.5, 1.5, 1.5)
    painter.setPen(QPen(QColor(90, 90, 160), 0.8, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    if author:
        font = QFont(painter.font())
        font.setPointSizeF(6)
        painter.setFont(font)
        painter.drawText(box.topRight() + QPointF(2, 6), initials(author))

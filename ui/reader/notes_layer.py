"""Drawing notes over the pages: highlights, underlines, strike-outs, sticky notes, ink, text.

The member's own notes in their colours, strong enough to see at a glance (highlights
multiplied like a marker, sticky notes with a shadow); colleagues' shared notes in a distinct
style (dashed outline and their initials) so nobody mistakes them for their own. Geometry is
in PDF points from the page's top left, mapped through the view's layout. GUI thread (paint events).
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
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
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
        # Multiplied like a marker on paper: the colour is strong on white, the words under
        # it stay black. A colleague's is lighter (and outlined, _mark_as_others).
        colour.setAlpha(170 if mine else 110)
        painter.save()
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        for x0, y0, x1, y1 in note.rects:
            painter.fillRect(QRectF(x0, y0, x1 - x0, y1 - y0), colour)
        painter.restore()
    elif kind in ("underline", "strikeout"):
        painter.setPen(QPen(colour.darker(115), 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        for x0, y0, x1, y1 in note.rects:
            y = y1 - 0.8 if kind == "underline" else (y0 + y1) / 2
            painter.drawLine(QPointF(x0, y), QPointF(x1, y))
    elif kind == "ink":
        painter.setPen(QPen(colour, note.width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for stroke in note.points:
            path = QPainterPath()
            for index, (x, y) in enumerate(stroke):
                path.moveTo(x, y) if index == 0 else path.lineTo(x, y)
            painter.drawPath(path)
    elif kind == "note":
        _paint_sticky(painter, note_box(note).topLeft(), colour)
    elif kind == "freetext":
        box = note_box(note)
        painter.setPen(QPen(colour.darker(140), 1.0))
        painter.setBrush(QColor(255, 255, 240, 235))
        painter.drawRect(box)
        painter.setPen(QColor(20, 20, 20))
        font = QFont(painter.font())
        font.setPointSizeF(9)
        painter.setFont(font)
        painter.drawText(box.adjusted(3, 2, -3, -2), Qt.TextFlag.TextWordWrap, note.text)


def _paint_sticky(painter: QPainter, at: QPointF, colour: QColor) -> None:
    """A sticky note's sign: a square of its colour with a soft shadow, a folded corner and
    lines of writing, seen at a glance in the margin."""
    square = QRectF(at, QRectF(0, 0, NOTE_SIZE, NOTE_SIZE).size())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 60))
    painter.drawRoundedRect(square.translated(1.2, 1.5), 3, 3)
    painter.setBrush(colour)
    painter.setPen(QPen(colour.darker(160), 0.8))
    painter.drawRoundedRect(square, 3, 3)
    fold = QPainterPath()
    fold.moveTo(square.right() - 6, square.bottom())
    fold.lineTo(square.right(), square.bottom() - 6)
    fold.lineTo(square.right() - 6, square.bottom() - 6)
    fold.closeSubpath()
    painter.setBrush(colour.darker(130))
    painter.drawPath(fold)
    painter.setPen(QPen(colour.darker(220), 1.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for y, right in ((6.0, 15.0), (10.0, 15.0), (14.0, 11.0)):
        painter.drawLine(at + QPointF(5, y), at + QPointF(right, y))


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

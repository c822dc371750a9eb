"""Chips and badges drawn by list delegates (the sidebar, the agenda), in the theme's tones.

A chip is a short state in a rounded pill ("Đang họp", "Tờ trình"); a badge is a count in
the accent ("3" unread documents), or a dot when there is no count to say. Their sizes come
from the font given, so they scale with the member's text size. GUI thread (painting).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from ui.style.tokens import palette

PAD_X, PAD_Y = 8, 2  # inside a chip


def small_font(font: QFont, factor: float = 0.88) -> QFont:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * factor)
    return small


def chip_size(font: QFont, text: str) -> tuple[int, int]:
    metrics = QFontMetrics(font)
    return metrics.horizontalAdvance(text) + 2 * PAD_X, metrics.height() + 2 * PAD_Y


def paint_chip(
    painter: QPainter, left: int, top: int, text: str, tone: str, font: QFont, dark: bool
) -> QRect:
    """The chip with its top-left corner at (left, top); returns where it was drawn."""
    width, height = chip_size(font, text)
    rect = QRect(left, top, width, height)
    background, ink = palette(dark).chips[tone]
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(background))
    painter.drawRoundedRect(QRectF(rect), height / 2, height / 2)
    painter.setPen(QColor(ink))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return rect


def paint_badge(
    painter: QPainter, right: int, top: int, text: str, font: QFont, dark: bool
) -> QRect:
    """A count in the accent, its right edge at ``right``; an empty text draws a dot."""
    colours = palette(dark)
    metrics = QFontMetrics(font)
    height = metrics.height() + 2
    if text:
        width = max(height, metrics.horizontalAdvance(text) + 10)
    else:
        height = width = max(8, metrics.height() // 2)
    rect = QRect(right - width, top, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colours.accent))
    painter.drawRoundedRect(QRectF(rect), height / 2, height / 2)
    if text:
        painter.setPen(QColor(colours.on_accent))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return rect

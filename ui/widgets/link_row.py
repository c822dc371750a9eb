"""A link row: an icon, a title and a line under it, the whole row one button (a home card's
entry: a ballot, a document, a screen).

Qt's QCommandLinkButton draws its title and its line at a fixed 9 points, whatever the
member's text size; this one draws them from the application's font (the title bold, the
line as a caption), wraps both to the row's width, and shades the row under the pointer
and outlines it with the keyboard focus. It stays a QCommandLinkButton: text(),
description(), click() and the accessible name work as before. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QCommandLinkButton, QSizePolicy, QWidget

from ui.style import tokens
from ui.style.paint import small_font
from ui.theme import is_dark

PAD = tokens.S
GAP = 2  # between the title and its line
WIDEST = 640  # what the row asks for at most; it wraps to any width it is given


class LinkRow(QCommandLinkButton):
    def __init__(self, title: str, description: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, description, parent)
        self.setIconSize(QSize(22, 22))
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _line_font(self) -> QFont:
        return small_font(self.font(), tokens.CAPTION)

    def _text_left(self) -> int:
        return PAD + self.iconSize().width() + tokens.M

    def _heights(self, width: int) -> tuple[int, int]:
        room = QRect(0, 0, max(60, width - self._text_left() - PAD), 10_000)
        wrap = int(Qt.TextFlag.TextWordWrap)
        title = QFontMetrics(self._title_font()).boundingRect(room, wrap, self.text()).height()
        line = 0
        if self.description():
            metrics = QFontMetrics(self._line_font())
            line = metrics.boundingRect(room, wrap, self.description()).height() + GAP
        return title, line

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        title, line = self._heights(width)
        return max(title + line, self.iconSize().height()) + 2 * PAD

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        widest = max(
            QFontMetrics(self._title_font()).horizontalAdvance(self.text()),
            QFontMetrics(self._line_font()).horizontalAdvance(self.description()),
        )
        width = min(WIDEST, widest + self._text_left() + PAD + 2)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width = self._text_left() + PAD + 120
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        colours = tokens.palette(is_dark())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        if self.underMouse() or self.isDown() or self.hasFocus():
            painter.setBrush(QColor(colours.selected if self.isDown() else colours.hover))
            border = colours.accent if self.hasFocus() else colours.border
            painter.setPen(QColor(border))
            painter.drawRoundedRect(frame, tokens.RADIUS, tokens.RADIUS)
        size = self.iconSize()
        self.icon().paint(painter, QRect(PAD, PAD, size.width(), size.height()))
        urgent = bool(self.property("urgent"))
        ink = colours.chips[tokens.DANGER][1] if urgent else colours.text
        left = self._text_left()
        width = self.width() - left - PAD
        title, _line = self._heights(self.width())
        wrap = int(Qt.TextFlag.TextWordWrap)
        painter.setFont(self._title_font())
        painter.setPen(QColor(ink))
        painter.drawText(QRect(left, PAD, width, title), wrap, self.text())
        if self.description():
            painter.setFont(self._line_font())
            painter.setPen(QColor(ink if urgent else colours.muted))
            top = PAD + title + GAP
            painter.drawText(QRect(left, top, width, self.height() - top), wrap, self.description())
        painter.end()

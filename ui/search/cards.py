"""Search results painted as cards, like the sidebar's: the document's title, its kind as a
chip and where it belongs (meeting, item, page), the snippet with the words found marked as
with a highlighter.

Each card is laid out as rich text at the width the list really has, in both the size it asks
for and the painting, so a card is exactly as tall as its text and never runs into the next
one (the earlier delegate measured at a fixed width and painted at another). The chip is
painted in the room the place's first line leaves before its text. GUI thread (painting).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ecabinet.client.search import SearchHit
from ui.style import tokens
from ui.style.paint import chip_size, paint_chip, small_font
from ui.theme import is_dark

CARD_ROLE = Qt.ItemDataRole.UserRole + 2
OUTER_X, OUTER_Y = tokens.XS, tokens.XS // 2 + 1  # the card inside its row
PADDING = tokens.M  # the text inside the card
PLACE_BLOCK = 1  # the document's blocks: the title, the place, the snippet

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Card:
    title: str
    kind: str  # "Dự thảo", "Tờ trình": the chip
    where: str  # meeting · item · page, already worded for the member
    snippet_html: str  # escaped, with the matches marked

    @property
    def place(self) -> str:
        """The kind and where it belongs, as one line of words."""
        return " · ".join(part for part in (self.kind, self.where) if part)


def marked_html(hit: SearchHit) -> str:
    """The snippet as rich text with every match in bold, everything else escaped."""
    out, last = [], 0
    for start, end in hit.marks:
        out += [html.escape(hit.snippet[last:start]), "<b><u>", html.escape(hit.snippet[start:end])]
        out.append("</u></b>")
        last = end
    out.append(html.escape(hit.snippet[last:]))
    return "".join(out)


def _chip_font(font: QFont) -> QFont:
    return small_font(font, tokens.CAPTION)


class CardDelegate(QStyledItemDelegate):
    def _width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        if isinstance(view, QListView):
            return view.viewport().width() - 2 * view.spacing()
        return option.rect.width() or 600

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        card = index.data(CARD_ROLE)
        colours = tokens.palette(is_dark())
        marks = colours.chips[tokens.WARNING]  # a highlighter over the words found
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setDefaultStyleSheet(
            f"b {{ background-color: {marks[0]}; color: {marks[1]}; }} u {{ }}"
        )
        if isinstance(card, Card):
            title_size = option.font.pointSizeF() * tokens.SUBHEADING
            document.setHtml(
                f'<p style="font-weight:600; font-size:{title_size:.1f}pt; color:{colours.text}">'
                f"{html.escape(card.title)}</p>"
                f'<p style="margin-top:{tokens.XS}px; color:{colours.muted}">'
                f"{html.escape(card.where)}</p>"
                f'<p style="margin-top:{tokens.S}px; color:{colours.text}">'
                f"{card.snippet_html}</p>"
            )
            if card.kind:  # room for the chip before the place's first line
                block = document.findBlockByNumber(PLACE_BLOCK)
                form = QTextBlockFormat(block.blockFormat())
                form.setTextIndent(chip_size(_chip_font(option.font), card.kind)[0] + tokens.S)
                QTextCursor(block).setBlockFormat(form)
        document.setTextWidth(max(120, width - 2 * (OUTER_X + PADDING)))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        colours = tokens.palette(is_dark())
        card_rect = QRectF(option.rect.adjusted(OUTER_X, OUTER_Y, -OUTER_X, -OUTER_Y))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        fill = colours.selected if selected else colours.hover if hovered else colours.card
        painter.save()
        painter.setClipRect(option.rect)  # never over the next card, whatever the text does
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(colours.accent if selected else colours.border), 1))
        painter.setBrush(QColor(fill))
        corner = tokens.CARD_RADIUS
        painter.drawRoundedRect(card_rect.adjusted(0.5, 0.5, -0.5, -0.5), corner, corner)
        left, top = option.rect.left() + OUTER_X + PADDING, option.rect.top() + OUTER_Y + PADDING
        document = self._document(option, index, option.rect.width())
        painter.translate(left, top)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor(colours.text))
        document.documentLayout().draw(painter, context)
        card = index.data(CARD_ROLE)
        if isinstance(card, Card) and card.kind:
            block = document.findBlockByNumber(PLACE_BLOCK)
            line = block.layout().lineAt(0)
            font = _chip_font(option.font)
            chip_top = block.layout().position().y() + line.y()
            chip_top += (line.height() - chip_size(font, card.kind)[1]) / 2
            paint_chip(painter, 0, int(chip_top), card.kind, tokens.NEUTRAL, font, is_dark())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        width = self._width(option)
        document = self._document(option, index, width)
        height = int(document.size().height()) + 2 * (OUTER_Y + PADDING)
        return QSize(width, height)

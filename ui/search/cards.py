"""Search results painted as cards: the document's title, where it belongs, the marked snippet.

Each card is laid out as rich text at the width the list really has, in both the size it asks
for and the painting, so a card is exactly as tall as its text and never runs into the next
one (the earlier delegate measured at a fixed width and painted at another). GUI thread.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ecabinet.client.search import SearchHit

CARD_ROLE = Qt.ItemDataRole.UserRole + 2
PADDING = 10

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Card:
    title: str
    place: str  # kind · meeting · item · page, already worded for the member
    snippet_html: str  # escaped, with the matches marked


def marked_html(hit: SearchHit) -> str:
    """The snippet as rich text with every match in bold, everything else escaped."""
    out, last = [], 0
    for start, end in hit.marks:
        out += [html.escape(hit.snippet[last:start]), "<b><u>", html.escape(hit.snippet[start:end])]
        out.append("</u></b>")
        last = end
    out.append(html.escape(hit.snippet[last:]))
    return "".join(out)


class CardDelegate(QStyledItemDelegate):
    def _width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        if isinstance(view, QListView):
            return view.viewport().width() - 2 * view.spacing()
        return option.rect.width() or 600

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        card = index.data(CARD_ROLE)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        if isinstance(card, Card):
            title_size = option.font.pointSizeF() * 1.1
            document.setHtml(
                f'<div style="font-weight:600; font-size:{title_size:.1f}pt">'
                f"{html.escape(card.title)}</div>"
                f'<div style="color:{muted.name()}">{html.escape(card.place)}</div>'
                f'<div style="margin-top:3px; color:{option.palette.color(role).name()}">'
                f"{card.snippet_html}</div>"
            )
        document.setTextWidth(max(120, width - 2 * PADDING))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text_less = QStyleOptionViewItem(option)
        text_less.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_less, painter, option.widget)
        rect = option.rect
        document = self._document(option, index, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.setClipRect(rect)  # never over the next card, whatever the text does
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.translate(rect.left() + PADDING, rect.top() + PADDING)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        width = self._width(option)
        document = self._document(option, index, width)
        return QSize(width, int(document.size().height()) + 2 * PADDING + 1)

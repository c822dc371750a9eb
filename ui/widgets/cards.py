"""Lists drawn as cards: a meeting or a ballot with its whole title wrapped, its day, a state
chip and a badge of unread papers; a tool as an icon and its name; a section's name as a
quiet caption. The sidebar and the Government Office's lists beside their pages use it.

The items keep their text (the title and its detail, what tests and screen readers read);
the card takes its parts from the roles below, or else the text's first line as the title
and the other lines as the detail. Rows grow with the title: the height is measured at the
list's width, so nothing is cut at any text size. GUI thread (painting).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter
from PySide6.QtWidgets import (
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.style import tokens
from ui.style.paint import chip_size, paint_badge, paint_chip, small_font
from ui.theme import is_dark

KIND = Qt.ItemDataRole.UserRole + 1  # SECTION, CARD, TOOL or NOTE
TITLE = Qt.ItemDataRole.UserRole + 2
DETAIL = Qt.ItemDataRole.UserRole + 3  # the day, the deadline
CHIP = Qt.ItemDataRole.UserRole + 4  # (text, tone), or a list of them side by side
BADGE = Qt.ItemDataRole.UserRole + 5  # unread count, 0 for none
URGENT = Qt.ItemDataRole.UserRole + 6  # the detail in the danger colour
SECTION, CARD, TOOL, NOTE = "section", "card", "tool", "note"

OUTER_X, OUTER_Y = tokens.XS + 2, 2  # the card inside its row
INNER = tokens.S  # text inside the card
GAP = tokens.XS  # between the title and the line under it
ICON = 18
NATURAL_MAX = 380  # a list beside its page asks for no more than this (titles then wrap)
Index = QModelIndex | QPersistentModelIndex


def _title(index: Index) -> str:
    title = index.data(TITLE)
    return str(title) if title is not None else str(index.data() or "").split("\n")[0]


def _chips(index: Index) -> list[tuple[str, str]]:
    value = index.data(CHIP)
    if not value:
        return []
    chips = [value] if isinstance(value, tuple) else list(value)
    return [(str(text), str(tone)) for text, tone in chips if text]


def _chips_width(small: QFont, chips: list[tuple[str, str]]) -> int:
    """The chips side by side with a gap after each (what the detail starts after)."""
    return sum(chip_size(small, text)[0] + tokens.S for text, _tone in chips)


def _detail(index: Index) -> str:
    detail = index.data(DETAIL)
    if detail is not None:
        return str(detail)
    return " · ".join(str(index.data() or "").split("\n")[1:])


class CardDelegate(QStyledItemDelegate):
    def __init__(self, view: QWidget, natural: bool = False, inner_y: int = INNER) -> None:
        """``natural``: the list asks for its content's width (a list beside its page);
        else it takes the width it is given (the sidebar). ``inner_y``: the room above and
        below the text inside a card (less where a whole list must fit, as the console's
        agenda)."""
        super().__init__(view)
        self.view = view
        self.natural = natural
        self.inner_y = inner_y

    # --- sizes ---------------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = max(120, self._width())
        font = option.font
        kind = index.data(KIND)
        metrics = QFontMetrics(font)
        if kind == SECTION:
            return QSize(width, QFontMetrics(_caption(font)).height() + tokens.M + tokens.XS)
        if kind == NOTE:
            return QSize(width, QFontMetrics(_caption(font)).height() + 2 * tokens.XS)
        if kind == TOOL:
            return QSize(width, max(metrics.height(), ICON) + 2 * (self.inner_y - 2) + 2 * OUTER_Y)
        title = self._title_rect(QRect(0, 0, width, 10_000), font, index)
        height = self._wrapped(font, title.width(), _title(index)).height()
        second = self._second_line_height(font, index)
        height += GAP + second if second else 0
        if self._detail_below(font, title.width(), index):
            height += QFontMetrics(_caption(font)).height()
        if self.natural:
            width = min(NATURAL_MAX, self._natural_width(font, index))
        return QSize(width, height + 2 * self.inner_y + 2 * OUTER_Y)

    def _natural_width(self, font: QFont, index: Index) -> int:
        small = _caption(font)
        second = QFontMetrics(small).horizontalAdvance(_detail(index))
        second += _chips_width(small, _chips(index))
        first = QFontMetrics(font).horizontalAdvance(_title(index))
        return max(first, second) + 2 * (OUTER_X + INNER) + 2

    def _width(self) -> int:
        viewport = getattr(self.view, "viewport", None)
        return int(viewport().width()) if viewport is not None else self.view.width()

    def _second_line_height(self, font: QFont, index: Index) -> int:
        """0 for a card with neither chip nor detail: its title alone, no empty line."""
        small = _caption(font)
        chips = _chips(index)
        if not chips and not _detail(index):
            return 0
        line = QFontMetrics(small).height()
        return max(line, chip_size(small, chips[0][0])[1]) if chips else line

    @staticmethod
    def _detail_below(font: QFont, room: int, index: Index) -> bool:
        """The detail goes under the chip when both do not fit on one line."""
        chips, detail = _chips(index), _detail(index)
        if not chips or not detail:
            return False
        small = _caption(font)
        return _chips_width(small, chips) + QFontMetrics(small).horizontalAdvance(detail) > room

    def _title_rect(self, card: QRect, font: QFont, index: Index) -> QRect:
        badge = int(index.data(BADGE) or 0)
        room = QFontMetrics(font).horizontalAdvance(str(badge)) + 16 + GAP if badge else 0
        side = OUTER_X + INNER
        return card.adjusted(side, OUTER_Y + self.inner_y, -(side + room), 0)

    @staticmethod
    def _wrapped(font: QFont, width: int, text: str) -> QRect:
        flags = Qt.TextFlag.TextWordWrap
        return QFontMetrics(font).boundingRect(QRect(0, 0, max(40, width), 10_000), flags, text)

    # --- painting ------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        colours = tokens.palette(is_dark())
        rect: QRect = option.rect
        font: QFont = option.font
        state = option.state
        kind = index.data(KIND) or CARD
        painter.save()
        if kind in (SECTION, NOTE):
            painter.setFont(_caption(font, bold=kind == SECTION))
            painter.setPen(QColor(colours.muted))
            text_rect = rect.adjusted(OUTER_X + INNER, 0, -OUTER_X, -tokens.XS // 2)
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
            painter.drawText(text_rect, int(align), str(index.data(TITLE) or ""))
            painter.restore()
            return
        card = rect.adjusted(OUTER_X, OUTER_Y, -OUTER_X, -OUTER_Y)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colours.selected if selected else colours.hover))
            painter.drawRoundedRect(QRectF(card), tokens.RADIUS, tokens.RADIUS)
        if selected:  # a bar in the accent on the left, as the chosen entry
            painter.setBrush(QColor(colours.accent))
            bar = QRectF(card.left(), card.top() + 6, 3, card.height() - 12)
            painter.drawRoundedRect(bar, 1, 1)
        if kind == TOOL:
            self._paint_tool(painter, card, font, index, colours)
        else:
            self._paint_card(painter, rect, font, index, colours)
        painter.restore()

    def _paint_tool(
        self, painter: QPainter, card: QRect, font: QFont, index: Index, colours: tokens.Palette
    ) -> None:
        decoration = index.data(Qt.ItemDataRole.DecorationRole)
        left = card.left() + INNER
        if isinstance(decoration, QIcon):
            top = card.top() + (card.height() - ICON) // 2
            decoration.paint(painter, QRect(left, top, ICON, ICON))
            left += ICON + tokens.S
        badge = int(index.data(BADGE) or 0)
        right = card.right() - INNER
        if badge:
            small = _caption(font, bold=True)
            top = card.top() + (card.height() - QFontMetrics(small).height() - 2) // 2
            right = paint_badge(painter, right, top, str(badge), small, is_dark()).left() - GAP
        painter.setFont(font)
        painter.setPen(QColor(colours.text))
        text_rect = QRect(left, card.top(), right - left, card.height())
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text_rect, int(align), str(index.data(TITLE) or ""))

    def _paint_card(
        self, painter: QPainter, rect: QRect, font: QFont, index: Index, colours: tokens.Palette
    ) -> None:
        title = _title(index)
        title_rect = self._title_rect(rect, font, index)
        wrapped = self._wrapped(font, title_rect.width(), title)
        title_rect.setHeight(wrapped.height())
        painter.setFont(font)
        painter.setPen(QColor(colours.text))
        painter.drawText(title_rect, int(Qt.TextFlag.TextWordWrap), title)
        badge = int(index.data(BADGE) or 0)
        if badge:
            small = _caption(font, bold=True)
            right = rect.right() - OUTER_X - INNER
            paint_badge(painter, right, title_rect.top(), str(badge), small, is_dark())
        small = _caption(font)
        top = title_rect.bottom() + 1 + GAP
        left = title_rect.left()
        line = self._second_line_height(font, index)
        below = self._detail_below(font, title_rect.width(), index)
        for text, tone in _chips(index):
            drawn = paint_chip(painter, left, top, text, tone, small, is_dark())
            left = drawn.right() + 1 + tokens.S
        if below:
            left, top, line = title_rect.left(), top + line, QFontMetrics(small).height()
        detail = _detail(index)
        if detail:
            painter.setFont(small)
            urgent = colours.chips[tokens.DANGER][1]
            painter.setPen(QColor(urgent if index.data(URGENT) else colours.muted))
            room = rect.right() - OUTER_X - INNER - left
            shown = QFontMetrics(small).elidedText(detail, Qt.TextElideMode.ElideRight, room)
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRect(left, top, room, line), int(align), shown)


def show_as_cards(view: QListView, inner_y: int = INNER) -> None:
    """A plain list made a list of cards: wrapped titles laid out again at each width, no
    sideways scroll bar, the card under the pointer lit."""
    view.setItemDelegate(CardDelegate(view, inner_y=inner_y))
    view.setWordWrap(True)  # the cards wrap their titles: say so (the layout checks read it)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setMouseTracking(True)


def _caption(font: QFont, bold: bool = False) -> QFont:
    small = small_font(font, tokens.CAPTION)
    small.setBold(bold)
    return small

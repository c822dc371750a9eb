"""A delegate for tables and trees whose cells may be chips: a cell with a tone (the role
TONE) is drawn as a pill in that tone ("Tờ trình", "Có trên máy", "Đang thảo luận"), and a
cell with a mark (the role MARK, column 0) gets an accent dot before its text and the mark
as a chip after it ("Mới", "Dự thảo v2 thay thế v1") instead of bracketed words.

The cell's text stays the item's text (what tests, copying and screen readers read); other
cells are drawn as Qt draws them. GUI thread (painting).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.style import tokens
from ui.style.paint import chip_size, paint_chip, small_font
from ui.theme import is_dark

TONE = Qt.ItemDataRole.UserRole + 20  # the cell is a chip in this tone
# (text, tone): a dot before, a chip after the text; ("", "") keeps the dot's room, so a read
# paper's title lines up with its unread neighbours'.
MARK = Qt.ItemDataRole.UserRole + 21
DOT = 8
Index = QModelIndex | QPersistentModelIndex


class ChipDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        small = small_font(option.font)
        height = max(size.height(), chip_size(small, "Ag")[1] + tokens.XS + 2)
        tone, mark = index.data(TONE), index.data(MARK)
        width = size.width()
        if tone:
            width = chip_size(small, str(index.data() or ""))[0] + 2 * tokens.S + 4
        elif mark:
            width += DOT + tokens.S
            width += chip_size(small, mark[0])[0] + tokens.S if mark[0] else 0
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        tone, mark = index.data(TONE), index.data(MARK)
        if not tone and not mark:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style()  # the delegate serves a view: its widget is always there
        text = opt.text
        opt.text = ""
        # The row's background, selection and icon, without the text; then where text goes.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        small = small_font(opt.font)
        dark = is_dark()
        if tone:
            top = area.top() + (area.height() - chip_size(small, text)[1]) // 2
            paint_chip(painter, area.left() + 2, top, text, tone, small, dark)
            return
        if mark[0]:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(tokens.palette(dark).accent))
            painter.drawEllipse(area.left() + 1, area.center().y() - DOT // 2 + 1, DOT, DOT)
            painter.restore()
        left = area.left() + DOT + tokens.S
        chip_width, chip_height = chip_size(small, mark[0]) if mark[0] else (0, 0)
        room = max(0, area.right() - left - chip_width - tokens.S)
        metrics = QFontMetrics(opt.font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.save()
        painter.setFont(opt.font)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRect(left, area.top(), room, area.height()), int(align), shown)
        painter.restore()
        if mark[0]:
            chip_left = left + metrics.horizontalAdvance(shown) + tokens.S
            top = area.top() + (area.height() - chip_height) // 2
            paint_chip(painter, chip_left, top, mark[0], mark[1], small, dark)

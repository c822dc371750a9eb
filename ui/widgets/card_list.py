"""A list of cards as tall as its rows: the console's agenda shows every item at once, long
titles wrapped, never a scroll bar; the ballot's drafts and replies take the room they need
and no more (a fixed height left a large empty box under one draft, or cut a third reply).

After each change of width or of items it measures where the last row ends and takes that
height, up to ``most`` pixels when given (then it scrolls). The rows are cards
(ui/widgets/cards.py). GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QSizePolicy, QWidget

from ui.widgets.cards import INNER, show_as_cards


class CardList(QListWidget):
    def __init__(
        self, parent: QWidget | None = None, most: int | None = None, inner_y: int = INNER
    ) -> None:
        super().__init__(parent)
        self.most = most
        show_as_cards(self, inner_y)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if most else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.setVerticalScrollBarPolicy(policy)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.fit()

    def fit(self) -> None:
        """Take the height of every row, as wrapped at the present width."""
        self.doItemsLayout()
        frame = 2 * self.frameWidth()
        if self.count() == 0:
            height = self.fontMetrics().lineSpacing() * 2 + frame
        else:
            rows = range(self.count())
            bottom = max(self.visualItemRect(self.item(row)).bottom() for row in rows)
            height = bottom + 1 + self.verticalOffset() + self.spacing() + frame
        if self.most is not None:
            height = min(height, self.most)
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

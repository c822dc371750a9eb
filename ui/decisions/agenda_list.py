"""The agenda in the console: every item at once, long titles wrapped, never a scroll bar.

A list as tall as its rows: after each change of width or of items it measures where the last
row ends and takes exactly that height, so a session of eight items shows eight items.
GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QSizePolicy, QWidget


class AgendaList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setSpacing(2)
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
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

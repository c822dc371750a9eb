"""A list beside its page, the list as wide as its longest line: a splitter that remembers
where the member left it (QSettings, under the screen's own key), and gives the list the width
of its content until then, never so narrow that a horizontal scrollbar appears.

Each fill of the list and each resize place the handle (the list reads its rows on a worker
lane, so the content is known only then) until the member moves it; a handle moved by hand,
or put back from the settings, stays where it is. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListView, QListWidget, QSplitter, QWidget

from ui.widgets.cards import CardDelegate

MIN_LIST = 220  # a title of a few words and its date, at the smallest
MAX_SHARE = 0.4  # the list never takes more than this of the width unless dragged there


def list_for_titles(view: QListWidget) -> QListWidget:
    """A list of titles drawn as cards (ui/widgets/cards.py): a title too long for the list
    wraps rather than scrolling sideways, and its tooltip has it whole."""
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setMinimumWidth(MIN_LIST)
    view.setItemDelegate(CardDelegate(view, natural=True))
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped anew at each width
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    view.setMouseTracking(True)
    return view


def content_width(view: QListWidget) -> int:
    """The width the list needs to show every line whole."""
    widest = max((view.sizeHintForColumn(0), MIN_LIST))
    scrollbar = view.verticalScrollBar().sizeHint().width()
    return widest + scrollbar + 2 * view.frameWidth() + 8


class ListSplitter(QSplitter):
    """The list first, the page second; the page takes what the window gains."""

    def __init__(
        self, key: str, view: QListWidget, page: QWidget, left: QWidget | None = None
    ) -> None:
        """``left`` holds the list (with its buttons), when it is not the list alone."""
        super().__init__(Qt.Orientation.Horizontal)
        self.key = f"splitters/{key}"
        self.view = list_for_titles(view)
        self.margin = 0 if left is None else left.sizeHint().width() - view.sizeHint().width()
        self.addWidget(left or view)
        self.addWidget(page)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        saved = QSettings().value(self.key)
        self.placed = isinstance(saved, QByteArray) and self.restoreState(saved)
        self.splitterMoved.connect(self._moved)

    def fit_list(self) -> None:
        """Give the list the width of its lines, unless the handle has been placed."""
        if self.placed:
            return
        total = sum(self.sizes()) or self.width()
        wanted = min(content_width(self.view) + max(self.margin, 0), int(total * MAX_SHARE))
        self.setSizes([wanted, max(total - wanted, 1)])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_list()  # a list filled before the page was laid out is fitted again here

    def _moved(self, _pos: int, _index: int) -> None:
        self.placed = True
        QSettings().setValue(self.key, self.saveState())

"""A card of the home screen: a framed box with a heading, lines of text, and entries a member
clicks to open the thing itself (a ballot, a document, a screen).

An entry is a link row (ui/widgets/link_row.py): an icon saying what it opens, a title with
a wrapped line under it, reached with Tab and opened with Enter or a click, as a link would
be; a quiet row that lights up under the pointer. Times
that count down are kept as "tickers" the page updates each minute without reading the store
again. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.icons import icon
from ui.style import tokens
from ui.theme import colors
from ui.widgets.labels import heading
from ui.widgets.link_row import LinkRow

CARD_NAME = "home-card"
# A button's title does not wrap: a longer one is cut, whole in its tooltip, so that a ballot
# of a long name cannot widen its card past a 1366-pixel screen.
TITLE_CHARACTERS = 80


class Card(QFrame):
    def __init__(self, title: str, glyph: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(CARD_NAME)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = heading(title, scale=tokens.HEADING)
        self.setAccessibleName(title)
        self.body = QVBoxLayout()
        self.body.setSpacing(tokens.XS)
        top = QHBoxLayout()
        top.setSpacing(tokens.S)
        if glyph:
            mark = QLabel()
            size = self.heading.fontMetrics().height()
            mark.setPixmap(icon(glyph, colors().accent).pixmap(QSize(size, size)))
            top.addWidget(mark)
        top.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.L, tokens.M, tokens.L, tokens.M)
        layout.setSpacing(tokens.S)
        layout.addLayout(top)
        layout.addLayout(self.body)
        layout.addStretch(1)
        self.entries: list[QCommandLinkButton] = []

    def clear(self) -> None:
        self.entries = []
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Hidden at once, deleted at the next event loop. Not set free of its parent:
                # a widget without one is a window, and an entry that had the focus then
                # became the active window, which took the window's keys from it.
                widget.hide()
                widget.deleteLater()

    def line(self, text: str, muted: bool = False, urgent: bool = False) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        if muted or urgent:
            color = colors().danger if urgent else colors().muted
            label.setStyleSheet(f"color: {color.name()}")
        self.body.addWidget(label)
        return label

    def chip(self, text: str = "", tone: str = tokens.ACCENT) -> QLabel:
        """A short state in a pill (a countdown), on a line of its own."""
        label = QLabel(text)
        label.setProperty("tone", tone)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addStretch(1)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(holder)
        return label

    def entry(
        self, title: str, detail: str, opened: Callable[[], None], glyph: str = "next"
    ) -> QCommandLinkButton:
        shown = title if len(title) <= TITLE_CHARACTERS else title[: TITLE_CHARACTERS - 1] + "…"
        button = LinkRow(shown, detail)
        button.setIcon(icon(glyph, colors().accent))
        button.setAccessibleName(title)
        button.setToolTip(title)
        button.clicked.connect(lambda _checked=False: opened())
        self.body.addWidget(button)
        self.entries.append(button)
        return button


def card_style() -> str:
    """The cards' frame: the application's style sheet draws it (ui/style/sheet.py)."""
    return ""

"""The reader's header: the document's title, with its meeting and item quietly under it
and, for a paper a ministry sent, where it came from on a line of its own, each line cut with
"…" only when the window is too narrow (the tooltip and the window's title hold it whole); on
the right the session's acts on the open document: asking to speak, following the chair,
comparing with the previous version. GUI thread.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from ui.theme import colors

translate = QCoreApplication.translate


def place_words(meeting: str, item_position: int, item_title: str) -> str:
    """The meeting and the item a document belongs to, as the agenda names them."""
    parts = [meeting] if meeting else []
    if item_position:
        parts.append(
            translate("DocumentReader", "Nội dung {number}: {title}").format(
                number=item_position, title=item_title
            )
        )
    return " · ".join(parts)


class TitleLabel(QLabel):
    """The title in bold over its quiet lines (the place, the origin), each elided to the
    label's width."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title = ""
        self.lines: list[str] = []

    def show_title(self, title: str, *lines: str) -> None:
        self.title, self.lines = title, [line for line in lines if line]
        self.setToolTip("\n".join([title, *self.lines]))
        # One line more or fewer: asked of the layout outright, as a hint alone did not move it.
        self.setMinimumHeight(self.minimumSizeHint().height())
        self._fit()

    def whole(self) -> str:
        return " · ".join([self.title, *self.lines])

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        lines = 1 + len(self.lines)
        return QSize(80, self.fontMetrics().height() * lines + 2 * self.margin())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = max(self.contentsRect().width() - 2 * self.margin() - 2, 20)
        bold = QFont(self.font())
        bold.setBold(True)
        title = QFontMetrics(bold).elidedText(self.title, Qt.TextElideMode.ElideRight, room)
        text = f"<b>{escape(title)}</b>"
        for line in self.lines:
            cut = self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, room)
            text += f'<br><span style="color:{colors().muted.name()}">{escape(cut)}</span>'
        self.setText(text)


class ReaderHeader(QWidget):
    def __init__(self, acts: list[QAction], speak: QWidget) -> None:
        """``acts`` become buttons with their icon and words, after the ``speak`` box."""
        super().__init__()
        self.title = TitleLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 2)
        layout.addWidget(self.title, 1)
        layout.addWidget(speak)
        self.buttons: list[QToolButton] = []
        for action in acts:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(False)
            layout.addWidget(button)
            self.buttons.append(button)

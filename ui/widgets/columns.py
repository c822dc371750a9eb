"""Columns of a list of papers: the title and what it belongs to share the room by what they
need, the short columns (kind, size, state) take their content's width. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTreeWidget

LONG_COLUMNS = 2  # the paper's title, then the meeting or ballot it belongs to


class TitlesShareTheRoom(QObject):
    """Qt stretched the last column by default: the state column took the spare room while
    the titles were cut with "…" (seen at 1366x768 and 1920x1080 on the demo's papers). Here
    the room left by the short columns goes to the two long ones, each as much as its text
    needs when both fit, else in proportion to their needs (cut alike, never one alone)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view
        header = view.header()
        header.setStretchLastSection(False)
        for column in range(view.columnCount()):
            fixed = column < LONG_COLUMNS
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Interactive
                if fixed
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.timer = QTimer(self, singleShot=True, interval=0)  # one fit per burst of rows
        self.timer.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.rowsInserted, model.modelReset, model.dataChanged):
            signal.connect(self.timer.start)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.timer.start()
        return False

    def fit(self) -> None:
        view = self.view
        short = sum(view.columnWidth(c) for c in range(LONG_COLUMNS, view.columnCount()))
        room = view.viewport().width() - short
        # A column needs its heading too: an empty list (a People's Committee's inbox before
        # its first package) otherwise squeezed "Cơ quan gửi" to its first letters.
        header = view.header()
        needs = [
            max(view.sizeHintForColumn(c), header.sectionSizeHint(c), 1)
            for c in range(LONG_COLUMNS)
        ]
        if sum(needs) <= room:
            widths = [needs[0] + room - sum(needs), needs[1]]  # the spare to the title
        else:
            widths = [max(room * need // sum(needs), 40) for need in needs]
        for column, width in enumerate(widths):
            view.setColumnWidth(column, width)

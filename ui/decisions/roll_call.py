"""The roll call: every member of the body in a compact grid, ticked when present, with the
counts the quorum is judged by (present / needed / all members).

The grid flows into as many columns as its width holds, so all 27 members of a Government
show at once without a scroll bar. The Government Office ticks; for anyone else (the chair)
the grid only shows. The counts follow the ticks at once, before they are recorded, so the
office sees whether the quorum will be reached. GUI thread.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from ecabinet.domain import has_quorum, quorum_needed
from ecabinet.wire.objects import UserData

SPACING = 4


class RollCallGrid(QWidget):
    ticked = Signal(int)  # how many are ticked now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[QCheckBox] = []
        self.editable = True
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(SPACING * 3)
        self.grid.setVerticalSpacing(SPACING)
        self._columns = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counts)
        layout.addWidget(self.grid_host)
        self._show_counts()

    def show_members(self, members: list[UserData], present: set[str]) -> None:
        if [str(box.property("user_id")) for box in self.boxes] == [u.id for u in members]:
            # The same people (a sync while the console is open): the ticks change in place,
            # without rebuilding the grid under the chair's eyes.
            for box in self.boxes:
                box.setChecked(str(box.property("user_id")) in present)
            return
        for box in self.boxes:
            self.grid.removeWidget(box)
            box.deleteLater()
        self.boxes = []
        for user in members:
            box = QCheckBox(user.full_name)
            box.setToolTip(user.title)
            box.setProperty("user_id", user.id)
            box.setChecked(user.id in present)
            box.toggled.connect(lambda _on: self._show_counts())
            self.boxes.append(box)
        self.set_editable(self.editable)
        self._columns = 0
        self._reflow()
        self._show_counts()

    def set_editable(self, editable: bool) -> None:
        """Only the Government Office records attendance; others see the ticks, not greyed."""
        self.editable = editable
        for box in self.boxes:
            box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, not editable)
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus if editable else Qt.FocusPolicy.NoFocus)

    def present_ids(self) -> list[str]:
        return [str(box.property("user_id")) for box in self.boxes if box.isChecked()]

    def columns(self) -> int:
        return self._columns

    def _cell_width(self) -> int:
        return max((box.sizeHint().width() for box in self.boxes), default=1) + SPACING * 3

    def _reflow(self) -> None:
        if not self.boxes:
            return
        # Below its own column's width the grid may narrow, so a smaller window reflows it.
        self.grid_host.setMinimumWidth(self._cell_width())
        width = max(self.grid_host.width(), self.width(), 1)
        columns = max(1, min(len(self.boxes), (width + SPACING * 3) // self._cell_width()))
        if columns == self._columns:
            return
        self._columns = columns
        rows = math.ceil(len(self.boxes) / columns)
        for box in self.boxes:
            self.grid.removeWidget(box)
        # Down the columns, as a printed list of names is read.
        for index, box in enumerate(self.boxes):
            self.grid.addWidget(box, index % rows, index // rows)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._reflow()

    def _show_counts(self) -> None:
        total = len(self.boxes)
        present = sum(box.isChecked() for box in self.boxes)
        needed = quorum_needed(total) if total else 0
        reached = bool(total) and has_quorum(present, total)
        state = self.tr("đủ túc số") if reached else self.tr("chưa đủ túc số")
        self.counts.setText(
            self.tr("Có mặt {present}/{total} thành viên · cần {needed} · {state}").format(
                present=present, total=total, needed=needed, state=state
            )
        )
        self.ticked.emit(present)

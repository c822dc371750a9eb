"""A bar chart of a vote: agree, disagree, abstain, not yet voted, and the line a decision
must pass (more than half of ALL members). Drawn with QPainter; numbers are written on the
bars, so the chart never relies on colour alone. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ecabinet.wire.session import VoteCount
from ui.decisions.words import VOTES, word
from ui.theme import colors


def majority_line(total_members: int) -> int:
    """The smallest number of "agree" that is more than half of all members."""
    return total_members // 2 + 1


class VoteChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int, QColor]] = []
        self.total = 0
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_count(self, count: VoteCount) -> None:
        palette = colors()
        self.total = count.quorum.total_members
        self.bars = [
            (word(VOTES, "agree"), count.agree, palette.ok),
            (word(VOTES, "disagree"), count.disagree, palette.danger),
            (word(VOTES, "abstain"), count.abstain, palette.warning),
            (self.tr("Chưa biểu quyết"), count.not_voted, palette.muted),
        ]
        self.setAccessibleDescription(", ".join(f"{name}: {value}" for name, value, _ in self.bars))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.bars or self.total <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().windowText().color()
        label_height = painter.fontMetrics().height() * 2 + 6
        area = QRectF(self.rect()).adjusted(10, 10, -10, -label_height)
        slot = area.width() / len(self.bars)
        for index, (name, value, colour) in enumerate(self.bars):
            height = area.height() * value / self.total
            bar = QRectF(area.left() + index * slot + slot * 0.15, area.bottom() - height,
                         slot * 0.7, height)  # fmt: skip
            painter.fillRect(bar, colour)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(bar.left(), area.bottom() + 2, bar.width(), label_height),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                f"{value}\n{name}",
            )
        line_y = area.bottom() - area.height() * majority_line(self.total) / self.total
        pen = QPen(text_colour, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(int(area.left()), int(line_y), int(area.right()), int(line_y))
        painter.drawText(
            QRectF(area.left(), line_y - painter.fontMetrics().height() - 2, area.width(), 20),
            Qt.AlignmentFlag.AlignRight,
            self.tr("Quá nửa tổng số thành viên: {n}").format(n=majority_line(self.total)),
        )
        painter.end()

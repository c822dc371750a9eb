"""A bar chart of a vote: agree, disagree, abstain, not yet voted, and the line a decision
must pass (more than half of ALL members). Drawn with QPainter; numbers are written beside
the bars, so the chart never relies on colour alone.

The bars lie horizontally, each with its name on the left: the names are the longest words
of the chart and keep their whole width however narrow the chart is. The majority line
crosses the bars (that is its point) but its words have a strip of their own above them.
The same chart, with a larger font, is the hall display's. GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ecabinet.wire.session import VoteCount
from ui.decisions.words import VOTES, word
from ui.theme import colors

GAP = 8.0  # between a name, its bar and its number, in pixels at the chart's font


def majority_line(total_members: int) -> int:
    """The smallest number of "agree" that is more than half of all members."""
    return total_members // 2 + 1


@dataclass(frozen=True)
class ChartLayout:
    """Where each thing is drawn, so a test can check that no words overlap or leave."""

    names: list[QRectF]
    bars: list[QRectF]
    values: list[QRectF]
    line_x: float
    line_top: float
    line_bottom: float
    line_label: QRectF

    def texts(self) -> list[QRectF]:
        return [*self.names, *self.values, self.line_label]


class VoteChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int, QColor]] = []
        self.total = 0
        self.row_room = 1.5  # the most a row may take, in rows of text; the hall's is larger
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
        self.fit_size()
        self.update()

    def line_words(self) -> str:
        return self.tr("Quá nửa tổng số thành viên: {n}").format(n=majority_line(self.total))

    def _row_height(self) -> float:
        return QFontMetricsF(self.font()).height() * 1.6

    def fit_size(self) -> None:
        """Take the room the names, the numbers and the line's words need at this font: set as
        sizes, not computed in overridden size hints, which Qt may call while a window closes."""
        metrics = QFontMetricsF(self.font())
        names = max((metrics.horizontalAdvance(n) for n, _, _ in self.bars), default=0.0)
        wide = max(names + metrics.horizontalAdvance("000") + 4 * GAP + 40,
                   metrics.horizontalAdvance(self.line_words()) + 2 * GAP)  # fmt: skip
        strip = metrics.height() * 1.4 + 2 * GAP
        self.setMinimumWidth(int(wide) + 1)
        self.setMinimumHeight(int(strip + 4 * self._row_height()) + 1)
        self.setMaximumHeight(int(strip + 4 * self._row_height() * self.row_room) + 1)

    def chart_layout(self) -> ChartLayout:
        metrics = QFontMetricsF(self.font())
        area = QRectF(self.rect()).adjusted(GAP, GAP, -GAP, -GAP)
        label_strip = metrics.height() * 1.4
        rows = max(len(self.bars), 1)
        row = min(self._row_height() * self.row_room, (area.height() - label_strip) / rows)
        names_width = max((metrics.horizontalAdvance(n) for n, _, _ in self.bars), default=0.0)
        value_width = metrics.horizontalAdvance(str(max(self.total, 10)))
        bars_left = area.left() + names_width + GAP
        bars_width = max(area.right() - value_width - GAP - bars_left, 1.0)
        line_x = bars_left + bars_width * majority_line(self.total) / max(self.total, 1)
        top = area.top() + label_strip
        names: list[QRectF] = []
        bars: list[QRectF] = []
        values: list[QRectF] = []
        for index, (_name, value, _colour) in enumerate(self.bars):
            y = top + index * row
            bar_height = row * 0.7
            text_top = y + (row - metrics.height()) / 2  # words take their own height, centred
            names.append(QRectF(area.left(), text_top, names_width, metrics.height()))
            length = bars_width * value / self.total if self.total else 0.0
            bars.append(QRectF(bars_left, y + (row - bar_height) / 2, length, bar_height))
            text = metrics.horizontalAdvance(str(value)) + 1
            left = bars_left + length + GAP / 2
            if left - 2 <= line_x <= left + text + 2:
                left = line_x + GAP / 2  # a number the line would cross moves just past it
            values.append(QRectF(left, text_top, text, metrics.height()))
        label_width = metrics.horizontalAdvance(self.line_words()) + 1
        # The line's words sit above the bars, centred on the line where there is room:
        # never over a bar, never outside the chart.
        label_left = max(area.left(), min(line_x - label_width / 2, area.right() - label_width))
        line_label = QRectF(label_left, area.top(), label_width, metrics.height())
        return ChartLayout(names, bars, values, line_x, top - 2, top + rows * row, line_label)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.bars or self.total <= 0:
            return
        shape = self.chart_layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().windowText().color()
        middle_left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        for (name, value, colour), name_at, bar, value_at in zip(
            self.bars, shape.names, shape.bars, shape.values, strict=True
        ):
            painter.fillRect(bar, colour)
            painter.setPen(text_colour)
            painter.drawText(name_at, middle_left, name)
            painter.drawText(value_at, middle_left, str(value))
        painter.setPen(QPen(text_colour, 2, Qt.PenStyle.DashLine))
        painter.drawLine(
            int(shape.line_x), int(shape.line_top), int(shape.line_x), int(shape.line_bottom)
        )
        painter.setPen(text_colour)
        painter.drawText(shape.line_label, Qt.AlignmentFlag.AlignCenter, self.line_words())
        painter.end()

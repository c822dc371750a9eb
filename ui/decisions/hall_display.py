"""The hall display ("Màn hình phòng họp"): a full-screen window for the projector or a second
screen, showing the item under discussion, the current speaker and their time, the vote's
live count and its result, large enough to read from the back of the hall.

Everything it shows comes through one method, ``show_state(HallState)``: the console calls it
each time its count, item or speaker changes, and the live stream can call it from its events.
Text sizes follow the window's height; colours follow the theme. Esc closes it. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, timezone

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette, QResizeEvent, QScreen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.decisions.chart import VoteChart
from ui.decisions.hall_state import HallState
from ui.theme import colors

HANOI = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")  # rule 7: no daylight saving


def default_screen(screens: Sequence[QScreen], console: QScreen | None) -> QScreen | None:
    """The projector is the screen the console is not on; with one screen, that one."""
    others = [s for s in screens if s is not console]
    return others[0] if others else (screens[0] if screens else None)


def screen_words(screen: QScreen, number: int) -> str:
    size = screen.geometry().size()
    return f"{number}. {screen.name() or screen.model()} ({size.width()}×{size.height()})"


class HallDisplay(QWidget):
    def __init__(
        self, parent: QWidget | None = None, now: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Màn hình phòng họp"))
        self.setAutoFillBackground(True)
        self.now = now or (lambda: datetime.now(UTC))
        self.state = HallState()
        self.meeting = self._label("meeting")
        self.clock = self._label("clock")
        self.clock.setWordWrap(False)
        self.item_number = self._label("item-number")
        self.item_title = self._label("item-title")
        self.presenter = self._label("presenter")
        self.speaker_heading = self._label("speaker-heading", self.tr("Đang phát biểu"))
        self.speaker = self._label("speaker")
        self.speaker_time = self._label("speaker-time")
        self.vote_heading = self._label("vote-heading", self.tr("Biểu quyết"))
        self.chart = VoteChart()
        self.chart.row_room = 2.0
        self.result = self._label("result")
        top = QHBoxLayout()
        top.addWidget(self.meeting, 1)
        top.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        speaking = self._card((self.speaker_heading, self.speaker, self.speaker_time))
        voting = self._card((self.vote_heading, self.chart, self.result))
        lower = QHBoxLayout()
        lower.addWidget(speaking, 2)
        lower.addWidget(voting, 3)
        self.halves = lower
        self.body = QVBoxLayout(self)
        self.body.addLayout(top)
        for label in (self.item_number, self.item_title, self.presenter):
            self.body.addWidget(label)
        self.body.addLayout(lower, 1)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._show_time)
        self._apply_theme()
        self._apply_sizes()
        self.show_state(self.state)

    def _card(self, widgets: tuple[QWidget, ...]) -> QFrame:
        """A panel on the hall's background, so the two halves read as two things."""
        card = QFrame()
        card.setObjectName("hall-card")
        card.setAutoFillBackground(True)
        palette = card.palette()
        palette.setColor(QPalette.ColorRole.Window, self.palette().base().color())
        card.setPalette(palette)
        column = QVBoxLayout(card)
        for widget in widgets:
            column.addWidget(widget, 1 if isinstance(widget, VoteChart) else 0)
        column.addStretch(1)
        self.cards = [*getattr(self, "cards", []), card]
        return card

    def _label(self, name: str, text: str = "") -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    # --- the one way in ----------------------------------------------------------------

    def show_state(self, state: HallState) -> None:
        self.state = state
        self.meeting.setText(state.meeting_title)
        if state.item_title:
            self.item_number.setText(self.tr("Nội dung {n}").format(n=state.item_position))
            self.item_title.setText(state.item_title)
        else:
            self.item_number.setText("")
            self.item_title.setText(self.tr("Chưa bắt đầu nội dung nào"))
        self.presenter.setText(
            self.tr("Cơ quan trình: {who}").format(who=state.presenter) if state.presenter else ""
        )
        self.presenter.setVisible(bool(state.presenter))
        self.item_number.setVisible(bool(state.item_title))
        self.speaker.setText(state.speaker or self.tr("Chưa có người phát biểu"))
        self._paint(self.speaker, None if state.speaker else colors().muted)
        self.speaker_time.setVisible(state.speaker_since is not None)
        self.ticker.start()  # the clock, and the speaker's time when someone speaks
        self._show_time()
        count = state.count
        voting = count is not None and count.vote_status in ("open", "closed")
        self.chart.setVisible(voting)
        if count is not None:
            self.chart.show_count(count)
        self.result.setText(state.result_words() or self.tr("Chưa mở biểu quyết."))
        self._colour_result()

    # --- time and colour ---------------------------------------------------------------

    def elapsed_seconds(self) -> int:
        since = self.state.speaker_since
        return max(0, int((self.now() - since).total_seconds())) if since else 0

    def _show_time(self) -> None:
        self.clock.setText(
            self.tr("{time} (giờ Hà Nội)").format(time=f"{self.now().astimezone(HANOI):%H:%M}")
        )
        elapsed = self.elapsed_seconds()
        allowed = self.state.speaker_minutes * 60
        text = f"{elapsed // 60:02d}:{elapsed % 60:02d}"
        if allowed:
            text += f" / {allowed // 60:02d}:{allowed % 60:02d}"
        over = bool(allowed) and elapsed > allowed
        if over:
            text += "  " + self.tr("(quá thời gian)")  # said in words, not only in red
        self.speaker_time.setText(text)
        self.speaker_time.setProperty("over", over)
        self._paint(self.speaker_time, colors().danger if over else None)

    def _colour_result(self) -> None:
        count, result = self.state.count, self.state.result
        status = count.vote_status if count is not None else "none"
        if status == "closed" and result is not None:
            self._paint(self.result, colors().ok if result.passed else colors().danger)
        else:  # the count speaks for itself; "not opened yet" stays quiet
            self._paint(self.result, None if status in ("open", "closed") else colors().muted)

    def _paint(self, label: QWidget, colour: QColor | None) -> None:
        palette = label.palette()
        text = colour if colour is not None else self.palette().windowText().color()
        palette.setColor(QPalette.ColorRole.WindowText, text)
        label.setPalette(palette)

    def _apply_theme(self) -> None:
        accent = colors().accent
        for label in (self.item_number, self.speaker_heading, self.vote_heading):
            self._paint(label, accent)
        for label in (self.meeting, self.presenter, self.clock):
            self._paint(label, colors().muted)

    # --- sizes: read from the back of the hall -----------------------------------------

    def _apply_sizes(self) -> None:
        unit = max(self.height(), 480) / 32  # a line of body text: 1/32 of the screen's height
        sizes = {
            self.meeting: 0.9,
            self.clock: 0.9,
            self.item_number: 1.1,
            self.item_title: 1.8,
            self.presenter: 1.0,
            self.speaker_heading: 1.0,
            self.speaker: 1.5,
            self.speaker_time: 1.8,
            self.vote_heading: 1.0,
            self.result: 1.3,
            self.chart: 1.0,
        }
        for widget, scale in sizes.items():
            font = QFont(self.font())
            font.setPixelSize(max(12, int(unit * scale)))
            font.setBold(widget in (self.item_title, self.speaker, self.speaker_time, self.result))
            widget.setFont(font)
        self.chart.fit_size()
        margin = int(unit * 1.5)
        self.body.setContentsMargins(margin, int(unit), margin, int(unit))
        self.body.setSpacing(int(unit * 0.4))
        self.halves.setSpacing(int(unit))
        self.body.setStretch(self.body.count() - 1, 1)
        for card in self.cards:
            inner = int(unit * 0.8)
            layout = card.layout()
            if layout is not None:
                layout.setContentsMargins(inner, inner, inner, inner)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._apply_sizes()

    def open_on(self, screen: QScreen | None) -> None:
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

"""The home screen "Hôm nay": the first screen after sign-in.

Cards, each opening the thing itself: the next session (day and time in Hà Nội time, place,
how long until it, how many of its papers are read and on the laptop), the written ballots
awaiting the member's reply with their deadlines counting down, the documents replaced since
last read, and what waits in the outbox. The Government Office also sees its open ballots with
the replies collected so far, asked of the server on the network lane.

Fed with a Today read on the local lane (ui/view.py); the countdowns are redrawn each minute
from it, without reading the store again. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QScrollArea, QVBoxLayout, QWidget

from ecabinet.client.account import Account
from ecabinet.client.home import Collecting, NextMeeting, Today, collecting
from ecabinet.wire.objects import BallotData
from ui.formatting import local_date, time_left, under_a_day
from ui.home.cards import Card, card_style
from ui.tasks import TaskManager
from ui.widgets.labels import heading

TICK_MS = 60_000  # the countdowns show minutes at the finest


class HomePage(QWidget):
    meeting_chosen = Signal(str)
    ballot_chosen = Signal(str)
    document_chosen = Signal(str)
    outbox_chosen = Signal()
    office_ballots_chosen = Signal()

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account, self.tasks = account, tasks
        self.today: Today | None = None
        self.office = False
        self.collected: tuple[Collecting, ...] | None = None
        self._asking = False  # the Office's reply counts are being asked of the server
        self._tickers: list[Callable[[datetime], None]] = []
        self.heading = heading(self.tr("Hôm nay"), scale=1.4)
        self.meeting_card = Card(self.tr("Phiên họp sắp tới"), "calendar")
        self.ballots_card = Card(self.tr("Phiếu lấy ý kiến chờ đồng chí trả lời"), "ballot")
        self.replaced_card = Card(self.tr("Tài liệu đã được thay thế"), "documents")
        self.outbox_card = Card(self.tr("Chờ gửi"), "outbox")
        self.office_card = Card(self.tr("Phiếu đang thu ý kiến"), "ballot")
        self.office_card.hide()
        self.meeting_card.line(self.tr("Đang đọc dữ liệu trên máy…"), muted=True)
        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(self.meeting_card, 0, 0, 1, 2)
        grid.addWidget(self.ballots_card, 1, 0)
        grid.addWidget(self.replaced_card, 1, 1)
        grid.addWidget(self.outbox_card, 2, 0)
        grid.addWidget(self.office_card, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        content = QWidget()
        content.setStyleSheet(card_style())
        inner = QVBoxLayout(content)
        inner.addWidget(self.heading)
        inner.addLayout(grid)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        QVBoxLayout(self).addWidget(scroll)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def show_today(self, today: Today, office: bool, now: datetime | None = None) -> None:
        moment = now or datetime.now(UTC)
        self.today, self.office = today, office
        self._tickers = []
        self._next_meeting(today.next_meeting, moment)
        self._ballots(today, moment)
        self._replaced(today)
        self._outbox(today)
        self.office_card.setVisible(office)
        if office:
            self._ask_collecting()
        self.timer.start()

    def tick(self, now: datetime | None = None) -> None:
        """Redraw the countdowns for the time now."""
        moment = now or datetime.now(UTC)
        for redraw in self._tickers:
            redraw(moment)

    def _ticking(self, redraw: Callable[[datetime], None], now: datetime) -> None:
        redraw(now)
        self._tickers.append(redraw)

    # --- the cards -----------------------------------------------------------------------

    def _next_meeting(self, next_meeting: NextMeeting | None, now: datetime) -> None:
        card = self.meeting_card
        card.clear()
        card.heading.setText(
            self.tr("Phiên họp đang chuẩn bị") if self.office else self.tr("Phiên họp sắp tới")
        )
        if next_meeting is None:
            card.line(self.tr("Không có phiên họp nào sắp tới."), muted=True)
            return
        meeting = next_meeting.meeting
        card.line(local_date(meeting.starts_at))
        if meeting.place:
            card.line(self.tr("Địa điểm: {place}").format(place=meeting.place))
        starts = meeting.starts_at
        until = card.chip()
        self._ticking(lambda moment: until.setText(self._until(starts, moment)), now)
        if next_meeting.papers:
            card.line(
                self.tr("Tài liệu: đã đọc {read}/{papers} · có trên máy {present}/{papers}").format(
                    read=next_meeting.read,
                    present=next_meeting.present,
                    papers=next_meeting.papers,
                )
            )
        else:
            card.line(self.tr("Chưa có tài liệu."), muted=True)
        meeting_id = meeting.id
        card.entry(
            meeting.title,
            self.tr("Mở phiên họp: chương trình và tài liệu"),
            lambda: self.meeting_chosen.emit(meeting_id),
            "meeting",
        )

    def _until(self, starts: datetime, now: datetime) -> str:
        if starts <= now:
            return self.tr("Đã đến giờ họp")
        return self.tr("Bắt đầu sau: {left}").format(left=time_left(starts, now))

    def _ballots(self, today: Today, now: datetime) -> None:
        card = self.ballots_card
        card.clear()
        if not today.awaiting:
            card.line(self.tr("Không có phiếu nào đang chờ trả lời."), muted=True)
            return
        for ballot in today.awaiting:
            self._ballot(ballot, now)

    def _ballot(self, ballot: BallotData, now: datetime) -> None:
        deadline = ballot.deadline
        button = self.ballots_card.entry(
            ballot.title, "", partial(self.ballot_chosen.emit, ballot.id), "ballot"
        )
        if under_a_day(deadline, now):
            button.setProperty("urgent", True)  # drawn in the danger colour

        def redraw(moment: datetime) -> None:
            button.setDescription(
                self.tr("Hạn {date} · {left}").format(
                    date=local_date(deadline), left=time_left(deadline, moment)
                )
            )

        self._ticking(redraw, now)

    def _replaced(self, today: Today) -> None:
        card = self.replaced_card
        card.clear()
        if not today.replaced:
            card.line(self.tr("Không có tài liệu nào thay đổi kể từ lần đọc trước."), muted=True)
            return
        for document in today.replaced:
            card.entry(
                document.title,
                self.tr("{context} · bản thứ {number}, đồng chí chưa đọc").format(
                    context=document.context, number=document.number
                ),
                partial(self.document_chosen.emit, document.document_id),
                "document",
            )

    def _outbox(self, today: Today) -> None:
        card = self.outbox_card
        card.clear()
        if today.waiting_to_send:
            card.line(
                self.tr(
                    "{count} thao tác đã lưu trên máy, sẽ được gửi lên máy chủ khi có mạng."
                ).format(count=today.waiting_to_send)
            )
        else:
            card.line(self.tr("Mọi thao tác đã được gửi lên máy chủ."), muted=True)
        if today.refused:
            card.line(
                self.tr("{count} thao tác bị máy chủ từ chối, cần xem lại.").format(
                    count=today.refused
                ),
                urgent=True,
            )
        card.entry(
            self.tr("Sẵn sàng đi công tác"),
            self.tr("Tài liệu trên máy và những gì chờ gửi"),
            self.outbox_chosen.emit,
            "travel",
        )

    # --- the Government Office's open ballots --------------------------------------------

    def _ask_collecting(self) -> None:
        if self._asking:
            return  # one request at a time: its answer is as fresh as a second one's
        self._asking = True
        member = self.account.member
        self.tasks.run_network(
            lambda: collecting(member), self.show_collecting, lambda _e: self.show_collecting(None)
        )

    def show_collecting(self, items: tuple[Collecting, ...] | None) -> None:
        self._asking = False
        self.collected = items
        card = self.office_card
        card.clear()
        if items is None:
            card.line(self.tr("Chưa lấy được số phiếu đã trả lời: máy chủ chưa liên lạc được."))
        elif not items:
            card.line(self.tr("Không có phiếu nào đang thu ý kiến."), muted=True)
        for item in items or ():
            card.entry(
                item.title,
                self.tr("Đã trả lời {replied}/{voters} · hạn {left}").format(
                    replied=item.replied, voters=item.voters, left=time_left(item.deadline)
                ),
                self.office_ballots_chosen.emit,
                "ballot",
            )
        if items is None:
            card.entry(
                self.tr("Soạn và theo dõi phiếu lấy ý kiến"),
                "",
                self.office_ballots_chosen.emit,
                "ballot",
            )

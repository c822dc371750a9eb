"""The chair's list of speakers of the chosen item: "Mời phát biểu" gives the floor to the
next one waiting, "Kết thúc" ends the speech, and the running time of the one speaking.

The list is the members' requests to speak as they reach the chair's laptop with each sync
(speaker_request records, which carry started_at and ended_at), so it reads offline too. The
floor is given and taken on the server (network lane), whose clock times the speech for the
minutes; its answer is shown at once, before the next sync brings the same record. The timer
only helps the chair keep time: past the minutes allowed it turns red and says so in words.
A self-contained widget: the console places it. GUI thread; the list is read on the local lane.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import chair
from ecabinet.client.account import Account
from ecabinet.client.api import ApiProblem
from ecabinet.client.signed_in import Member
from ecabinet.wire.objects import SpeakerRequestData
from ui.decisions.problems import problem_words
from ui.tasks import TaskManager
from ui.theme import colors

ROLE = Qt.ItemDataRole.UserRole
DEFAULT_MINUTES = 5


@dataclass(frozen=True)
class Turn:
    """One request on the list as the chair sees it."""

    request_id: str
    name: str
    place: int
    started_at: datetime | None
    ended_at: datetime | None

    @property
    def speaking(self) -> bool:
        return self.started_at is not None and self.ended_at is None


def read_queue(
    account: Member,
    item_id: str,
    fresher: Iterable[SpeakerRequestData] = (),
    ended: Mapping[str, datetime] | None = None,
) -> list[Turn]:
    """The item's list in place order: those waiting, speaking, and who spoke. ``fresher`` are
    the server's answers to this laptop's acts and ``ended`` the speeches those acts ended,
    newer than the last sync; the synced record wins once it knows as much."""
    names = account.store.user_names()
    requests = {r.id: r for r in account.store.speaker_requests(item_id)}
    for answer in fresher:
        known = requests.get(answer.id)
        if answer.agenda_item_id != item_id:
            continue
        requests[answer.id] = (
            answer
            if known is None
            else known.model_copy(
                update={
                    "started_at": known.started_at or answer.started_at,
                    "ended_at": known.ended_at or answer.ended_at,
                }
            )
        )
    for request_id, at in (ended or {}).items():
        known = requests.get(request_id)
        if known is not None and known.ended_at is None:
            requests[request_id] = known.model_copy(update={"ended_at": at})
    turns = [
        Turn(r.id, names.get(r.user_id, r.user_id), r.position, r.started_at, r.ended_at)
        for r in requests.values()
        if not r.withdrawn or r.started_at is not None  # one who spoke, then left, spoke
    ]
    return sorted(turns, key=lambda t: t.place)


def _mm_ss(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


class SpeakersPanel(QGroupBox):
    queue_shown = Signal(int)  # rows on the list
    floor_changed = Signal()  # the server gave or took the floor

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Đăng ký phát biểu"), parent)
        self.account, self.tasks = account, tasks
        self.item_id = ""
        self.turns: list[Turn] = []
        self._fresher: dict[str, SpeakerRequestData] = {}
        self._ended: dict[str, datetime] = {}
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)  # tests set the clock
        self.queue = QListWidget()
        # A few rows suffice (the list scrolls); the console's other tools keep their room.
        self.queue.setMinimumHeight(70)
        self.queue.setMaximumHeight(130)
        self.queue.setAccessibleName(self.tr("Danh sách đăng ký phát biểu"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 60)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(self.tr(" phút mỗi người"))
        self.next_button = QPushButton(self.tr("Mời phát biểu"))
        self.next_button.setToolTip(self.tr("Mời người kế tiếp trong danh sách phát biểu"))
        self.next_button.clicked.connect(self.invite_next)
        self.end_button = QPushButton(self.tr("Kết thúc"))
        self.end_button.setToolTip(self.tr("Kết thúc phần phát biểu hiện tại"))
        self.end_button.clicked.connect(self.end_speech)
        self.clock = QLabel()
        self.clock.setWordWrap(True)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        row = QHBoxLayout()
        row.addWidget(self.minutes)
        row.addStretch(1)
        row.addWidget(self.next_button)
        row.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.queue)
        layout.addLayout(row)
        layout.addWidget(self.clock)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._enable()

    def show_item(self, item_id: str) -> None:
        if item_id != self.item_id:
            self.clock.clear()
        self.item_id = item_id
        account, fresher, ended = (
            self.account.member,
            list(self._fresher.values()),
            dict(self._ended),
        )
        self.tasks.run_local(lambda: read_queue(account, item_id, fresher, ended), self._show)

    def _show(self, turns: list[Turn]) -> None:
        self.turns = turns
        self.queue.clear()
        for number, turn in enumerate(turns, start=1):
            text = f"{number}. {turn.name}"
            if turn.speaking:
                text += " — " + self.tr("đang phát biểu")
            elif turn.started_at is not None and turn.ended_at is not None:
                text += " — ✓ " + _mm_ss((turn.ended_at - turn.started_at).total_seconds())
            QListWidgetItem(text, self.queue).setData(ROLE, turn.request_id)
        if self.current() is not None:
            self.timer.start()
        else:
            self.timer.stop()
        self.tick()
        self._enable()
        self.queue_shown.emit(len(turns))

    def current(self) -> Turn | None:
        return next((t for t in self.turns if t.speaking), None)

    def waiting(self) -> list[Turn]:
        return [t for t in self.turns if t.started_at is None]

    def _enable(self) -> None:
        self.next_button.setEnabled(bool(self.item_id) and bool(self.waiting()))
        self.end_button.setEnabled(self.current() is not None)

    def tick(self) -> None:
        speaking = self.current()
        if speaking is None or speaking.started_at is None:
            waiting = len(self.waiting())
            self.clock.setText(
                self.tr("Còn {n} người chờ phát biểu.").format(n=waiting)
                if waiting
                else self.tr("Không còn ai đăng ký phát biểu.")
            )
            self.clock.setProperty("over", False)
            self.clock.setStyleSheet("")
            return
        elapsed = (self.now() - speaking.started_at).total_seconds()
        over = elapsed > self.minutes.value() * 60
        text = self.tr("Đang phát biểu: {name} — {time}").format(
            name=speaking.name, time=_mm_ss(elapsed)
        )
        if over:
            text += " " + self.tr("(quá thời gian)")
        self.clock.setText(text)
        self.clock.setProperty("over", over)
        self.clock.setStyleSheet(f"color: {colors().danger.name()}" if over else "")

    # --- the chair's acts, on the server ------------------------------------------------------

    def invite_next(self) -> None:
        if not self.item_id:
            return
        account, item_id, speaking = self.account.member, self.item_id, self.current()
        self._busy()
        self.tasks.run_network(
            lambda: chair.next_speaker(account, item_id),
            lambda answer: self._answered(answer, speaking),
            self._failed,
        )

    def end_speech(self) -> None:
        speaking = self.current()
        if speaking is None:
            return
        account = self.account.member
        self._busy()
        self.tasks.run_network(
            lambda: chair.end_speech(account, speaking.request_id),
            lambda answer: self._answered(answer, None),
            self._failed,
        )

    def _busy(self) -> None:
        self.next_button.setEnabled(False)
        self.end_button.setEnabled(False)

    def _answered(self, answer: SpeakerRequestData, ended: Turn | None) -> None:
        self._fresher[answer.id] = answer
        if ended is not None and ended.request_id != answer.id and answer.started_at:
            # The server ended the speech before it at the same instant.
            self._ended[ended.request_id] = answer.started_at
        self.floor_changed.emit()
        self.show_item(self.item_id)

    def _failed(self, error: BaseException) -> None:
        self._enable()
        if isinstance(error, ApiProblem) and error.code == "no_speaker_waiting":
            self.clock.setText(self.tr("Không còn ai đăng ký phát biểu."))
        elif isinstance(error, ApiProblem) and error.code == "invalid_state":
            self.clock.setText(
                self.tr("Chỉ mời phát biểu khi phiên họp đang diễn ra và nội dung chưa kết thúc.")
            )
        else:
            self.clock.setText(
                self.tr("Không thực hiện được: {reason}").format(reason=problem_words(error))
            )

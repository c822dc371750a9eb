"""The one bridge from the live stream's thread to the window: a Qt signal per kind of fact,
each with its typed payload (the models of ``ecabinet.wire.live``).

``deliver`` and ``set_status`` are called on the stream's own thread and only post the fact
through a Handoff (ui/handoff.py); the signals are emitted on the GUI thread, in the order the
facts arrived, so every slot runs there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ecabinet.client.live import LiveStatus
from ecabinet.wire.live import (
    Attendance,
    Changed,
    LiveEvent,
    SessionItem,
    Speakers,
    VoteClosed,
    VoteCount,
    VoteOpened,
)
from ui.handoff import Handoff


class LiveBridge(QObject):
    changed = Signal(Changed)  # the member's feed has new entries: pull
    session_item = Signal(SessionItem)  # the chair moved to this item
    vote_opened = Signal(VoteOpened)
    vote_closed = Signal(VoteClosed)
    vote_count = Signal(VoteCount)  # chair and secretariat only
    speakers = Signal(Speakers)
    attendance = Signal(Attendance)
    status_changed = Signal(LiveStatus)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handoff = Handoff(self)

    def deliver(self, event: LiveEvent) -> None:
        """On the stream's thread: hand the fact to the GUI thread."""
        signal = {
            Changed: self.changed,
            SessionItem: self.session_item,
            VoteOpened: self.vote_opened,
            VoteClosed: self.vote_closed,
            VoteCount: self.vote_count,
            Speakers: self.speakers,
            Attendance: self.attendance,
        }.get(type(event))
        if signal is not None:
            self._handoff.post(lambda: signal.emit(event))

    def set_status(self, status: LiveStatus) -> None:
        self._handoff.post(lambda: self.status_changed.emit(status))

"""The events of the live stream, GET /api/v1/events (shared/docs/protocol.md, "Live").

Both sides use these models: the server serialises them into the ``data:`` line of an event
whose ``event:`` name is the model's ``EVENT``, the client parses them back with
``parse_event``. Each event is small and self-contained, so that a screen can act before the
pull; none carries anything the member could not pull from /sync/changes. Pure data, no thread.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, ValidationError

from ecabinet.wire.base import MAX_LIST, Count, Id, ShortText, UtcTime, WireModel

# NOTIFY payloads must stay under 8000 bytes; a speakers queue is the largest event.
MAX_SPEAKERS = 60


class LiveEvent(WireModel):
    """Base of every event; ``EVENT`` is its name on the wire (the SSE ``event:`` field)."""

    EVENT: ClassVar[str] = ""


class Changed(LiveEvent):
    """The member's feed has new entries: pull now. ``cursor`` is the stream's id after it."""

    EVENT: ClassVar[str] = "changed"
    cursor: str = Field(max_length=40)


class SessionItem(LiveEvent):
    """The chair moved the session to this item."""

    EVENT: ClassVar[str] = "session.item"
    meeting_id: Id
    agenda_item_id: Id


class VoteOpened(LiveEvent):
    EVENT: ClassVar[str] = "vote.opened"
    meeting_id: Id
    agenda_item_id: Id


class VoteClosed(LiveEvent):
    """The vote is closed; its published result, counted under the Government's rules."""

    EVENT: ClassVar[str] = "vote.closed"
    meeting_id: Id
    agenda_item_id: Id
    passed: bool
    agree: Count
    disagree: Count
    abstain: Count
    not_voted: Count
    total_members: Count


class VoteCount(LiveEvent):
    """The running count, without names: to the meeting's chair and the Government Office."""

    EVENT: ClassVar[str] = "vote.count"
    meeting_id: Id
    agenda_item_id: Id
    agree: Count
    disagree: Count
    abstain: Count
    not_voted: Count


class Speaker(WireModel):
    """One request to speak. ``status`` and ``started_at`` are there for the chair's speaker
    timer; until the server keeps one, every request in the queue is ``waiting``."""

    user_id: Id
    full_name: ShortText
    status: Literal["waiting", "speaking", "done"] = "waiting"
    started_at: UtcTime | None = None


class Speakers(LiveEvent):
    """The queue of those who asked to speak on an item, in the order they asked."""

    EVENT: ClassVar[str] = "speakers"
    meeting_id: Id
    agenda_item_id: Id
    queue: list[Speaker] = Field(max_length=MAX_LIST)


class Attendance(LiveEvent):
    EVENT: ClassVar[str] = "attendance"
    meeting_id: Id
    present: Count
    needed: Count
    total_members: Count


EVENT_TYPES: dict[str, type[LiveEvent]] = {
    cls.EVENT: cls
    for cls in (Changed, SessionItem, VoteOpened, VoteClosed, VoteCount, Speakers, Attendance)
}


def parse_event(name: str, data: str) -> LiveEvent | None:
    """The model of one received event, or None for a name this version does not know (a
    later server may add events) or data that does not fit it."""
    cls = EVENT_TYPES.get(name)
    if cls is None:
        return None
    try:
        return cls.model_validate_json(data)
    except ValidationError:
        return None

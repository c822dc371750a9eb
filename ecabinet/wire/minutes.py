"""The minutes of a session, as the server serves them to the Government Office to sign."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from ecabinet.wire.base import MAX_LIST, Count, Id, Sha256, ShortText, Text, UtcTime, WireModel


class MinutesVote(WireModel):
    full_name: ShortText
    title: ShortText = ""
    choice: ShortText
    received_at: UtcTime


class MinutesResult(WireModel):
    total_members: Count
    agree: Count
    disagree: Count
    abstain: Count
    not_voted: Count
    chair_choice: ShortText | None = None
    passed: bool


class MinutesSpeech(WireModel):
    """One member's speech on an item, from the floor given to its end (server's clock)."""

    full_name: ShortText
    title: ShortText = ""
    started_at: UtcTime
    ended_at: UtcTime | None = None  # None: the session closed while they had the floor
    seconds: Count | None = None


class MinutesItem(WireModel):
    position: int
    title: Text
    presenter: ShortText = ""
    status: ShortText
    paper_only: bool = False
    speakers: list[ShortText] = Field(default_factory=list, max_length=MAX_LIST)  # who spoke
    speeches: list[MinutesSpeech] = Field(default_factory=list, max_length=MAX_LIST)
    conclusions: list[Text] = Field(default_factory=list, max_length=MAX_LIST)
    result: MinutesResult | None = None
    votes: list[MinutesVote] = Field(default_factory=list, max_length=MAX_LIST)


class MinutesCheckpoint(WireModel):
    """The audit log's head signed by the body's CA when the session closed (or the first
    signed after): printed in the minutes, it pins the session's record outside the server."""

    seq: Count  # the audit entry the checkpoint pins
    head: Sha256
    at: UtcTime
    signature: Annotated[str, StringConstraints(max_length=2048, pattern=r"^[A-Za-z0-9+/=]*$")]


class Minutes(WireModel):
    meeting_id: Id
    title: Text
    kind: ShortText
    status: ShortText
    starts_at: UtcTime
    place: ShortText = ""
    chair: ShortText = ""
    total_members: Count
    quorum_needed: Count
    present: list[ShortText] = Field(default_factory=list, max_length=MAX_LIST)
    absent: list[ShortText] = Field(default_factory=list, max_length=MAX_LIST)
    items: list[MinutesItem] = Field(default_factory=list, max_length=MAX_LIST)
    audit_checkpoint: MinutesCheckpoint | None = None

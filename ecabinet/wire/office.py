"""Written ballots as the Government Office prepares and watches them (GET /ballots and
/ballots/{id}/responses), for the office's desktop."""

from __future__ import annotations

from pydantic import Field

from ecabinet.wire.base import MAX_LIST, Id, ShortText, Text, UtcTime, WireModel


class OfficeBallot(WireModel):
    id: Id
    title: Text
    question: Text
    status: ShortText
    deadline: UtcTime
    voter_ids: list[Id] = Field(default_factory=list, max_length=MAX_LIST)
    chair_id: Id | None = None
    sent_at: UtcTime | None = None
    closed_at: UtcTime | None = None
    reminded_at: UtcTime | None = None


class OfficeReply(WireModel):
    id: Id
    user_id: Id
    choice: ShortText
    comment: Text = ""
    received_at: UtcTime
    late: bool = False
    current: bool = True


class OfficeReplies(WireModel):
    replies: list[OfficeReply] = Field(default_factory=list, max_length=MAX_LIST)
    not_answered: list[Id] = Field(default_factory=list, max_length=MAX_LIST)


class DocumentRead(WireModel):
    """Who first opened which version of a document (GET /documents/{id}/reads)."""

    user_id: Id
    version_number: int
    first_read_at: UtcTime


class DeviceSeen(WireModel):
    """A member's laptop and when it last reached the server (GET /devices)."""

    id: Id
    user_id: Id
    name: ShortText
    last_seen_at: UtcTime | None = None
    revoked_at: UtcTime | None = None

"""What the chair and the Government Office read live in a session: the position board and
the vote count, as the server serves them (routes/board.py, routes/votes.py)."""

from __future__ import annotations

from pydantic import Field

from ecabinet.wire.base import MAX_LIST, Count, Id, ShortText, Text, UtcTime, WireModel


class BoardMark(WireModel):
    user_id: Id
    full_name: ShortText
    position: ShortText
    comment: Text = ""
    at: UtcTime


class ItemBoard(WireModel):
    item_id: Id
    position: int
    title: Text
    presenter: ShortText = ""
    no_objection: Count
    wish_to_speak: Count
    objections: Count
    unmarked: Count
    speakers: list[ShortText] = Field(default_factory=list, max_length=MAX_LIST)
    consent: bool
    outlook: ShortText
    marks: list[BoardMark] = Field(default_factory=list, max_length=MAX_LIST)
    pulled_by: ShortText = ""  # who took the item off the consent list (rule 6)


class Board(WireModel):
    meeting_id: Id
    total_members: Count
    consent_list: list[Id] = Field(default_factory=list, max_length=MAX_LIST)
    items: list[ItemBoard] = Field(default_factory=list, max_length=MAX_LIST)


class Quorum(WireModel):
    total_members: Count
    present_members: Count
    needed: Count
    has_quorum: bool


class VoteCount(WireModel):
    vote_status: ShortText
    agree: Count
    disagree: Count
    abstain: Count
    not_voted: Count
    quorum: Quorum


class RollCall(WireModel):
    """A meeting's roll-call: whether members may check in now, and the quorum it makes."""

    meeting_id: Id
    attendance_open: bool
    quorum: Quorum

"""The session console's acts on the server: the chair's (the floor, the vote, the next item,
the consent list) and the Government Office's beside it (the roll-call, who is present, the
item's conclusions), with the board and the count they watch.

Online only: each is one request, answered with the server's word, and nothing is written on
the laptop (the next sync brings the records the act made). A refusal comes as ApiProblem,
no connection as Offline. Worker threads (the window's network lane).
"""

from __future__ import annotations

from collections.abc import Sequence

from ecabinet.client.signed_in import Member
from ecabinet.wire.objects import SpeakerRequestData
from ecabinet.wire.session import Board, Quorum, RollCall, VoteCount


def board(account: Member, meeting_id: str) -> Board:
    """Each item's positions and the consent list, as the server holds them now."""
    return account.api.board(meeting_id)


def discuss(account: Member, item_id: str) -> None:
    """The chair moves the session to this item."""
    account.api.discuss(item_id)


def adopt_consent(account: Member, meeting_id: str, item_ids: Sequence[str]) -> None:
    """Adopt the items of the consent list without discussion (closes them for good)."""
    account.api.adopt_consent(meeting_id, list(item_ids))


# --- the vote ---------------------------------------------------------------------------


def vote_count(account: Member, item_id: str) -> VoteCount:
    return account.api.vote_count(item_id)


def open_vote(account: Member, item_id: str) -> None:
    account.api.open_vote(item_id)


def close_vote(account: Member, item_id: str) -> None:
    """Close the vote: the server tallies it and publishes the result."""
    account.api.close_vote(item_id)


# --- the floor --------------------------------------------------------------------------


def next_speaker(account: Member, item_id: str) -> SpeakerRequestData:
    """Give the floor to the next one waiting (ending the current speech); their request."""
    return account.api.next_speaker(item_id)


def end_speech(account: Member, request_id: str) -> SpeakerRequestData:
    return account.api.end_speech(request_id)


# --- the Government Office's session tools ----------------------------------------------


def set_attendance(
    account: Member, meeting_id: str, present: Sequence[str], absent: Sequence[str] = ()
) -> Quorum:
    """The Office's ticks; a member's own check-in is undone only if named in ``absent``."""
    return account.api.set_attendance(meeting_id, list(present), absent)


def roll_call(account: Member, meeting_id: str, is_open: bool) -> RollCall:
    """Open or close the roll-call at which members check in from their laptops."""
    return account.api.roll_call(meeting_id, is_open)


def add_conclusion(account: Member, item_id: str, text: str) -> None:
    account.api.add_conclusion(item_id, text)

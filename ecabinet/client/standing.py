"""Where the member stands on an agenda item or a written ballot, as their screens show it.

The member's position, vote and ballot replies as the server has them, or as they wait in the
outbox (an act made offline is already the member's answer). Whether they may vote, and if not
why. Reads the local store only; worker threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from ecabinet.client.library import BallotEntry, DocumentEntry, Library
from ecabinet.client.signed_in import Member
from ecabinet.domain import InvitationKind, Role, VoteStatus
from ecabinet.wire.objects import (
    AgendaItemData,
    BallotResponseData,
    MeetingData,
    PositionData,
    ResultData,
    VoteData,
)


class NoVote(StrEnum):
    """Why the member sees no vote buttons on an item."""

    NONE = ""  # they may vote now
    NOT_OPEN = "not_open"
    CLOSED = "closed"
    NOT_A_VOTER = "not_a_voter"  # guests, deputies and the Government Office never vote


@dataclass(frozen=True)
class Answer:
    choice: str
    comment: str
    waiting: bool  # still in the outbox: saved here, not yet received by the server
    at: datetime | None = None
    late: bool = False
    resending: bool = False  # sent, but no decision came back: being sent again


class Pull(StrEnum):
    """Whether the item was taken off the consent list (rule 6), as this laptop knows it."""

    NONE = ""
    WAITING = "waiting"  # this member pulled it here; not yet received by the server
    PULLED = "pulled"  # the server has it: debated and voted


@dataclass(frozen=True)
class ItemStanding:
    item: AgendaItemData
    meeting: MeetingData | None
    position: Answer | None
    vote: Answer | None
    no_vote: NoVote
    # Only Government members mark positions, vote and pull; the Government Office records
    # and never marks (rule 8), so its screens show neither the form nor the buttons.
    may_mark: bool = True
    pull: Pull = Pull.NONE


@dataclass(frozen=True)
class BallotStanding:
    entry: BallotEntry
    documents: tuple[DocumentEntry, ...]
    replies: tuple[Answer, ...]  # oldest first; the last is the one that counts
    result: ResultData | None  # published when the ballot closed


def _latest_waiting(account: Member, type_: str, key: str, value: str) -> Answer | None:
    acts = [a for a in account.store.waiting_acts(type_) if a.get(key) == value]
    if not acts:
        return None
    act = acts[-1]
    return Answer(
        str(act.get("position") or act.get("choice")),
        str(act.get("comment", "")),
        True,
        resending=act in account.store.waiting_acts(type_, resending=True),
    )


def marks_and_votes(account: Member) -> bool:
    """A Government member or the chair; the Government Office alone never marks (rule 8)."""
    return bool(account.store.roles() & {Role.MEMBER, Role.CHAIR})


def _pull(account: Member, item: AgendaItemData) -> Pull:
    if item.consent_pulled_by is not None:
        return Pull.PULLED
    waiting = account.store.waiting_acts("consent.pull")
    return Pull.WAITING if any(a.get("agenda_item_id") == item.id for a in waiting) else Pull.NONE


def _is_voter(account: Member, meeting: MeetingData | None) -> bool:
    user_id = account.store.user_id()
    if Role.MEMBER not in account.store.roles() or meeting is None:
        return False
    return any(
        i.user_id == user_id and i.kind == InvitationKind.MEMBER for i in meeting.invitations
    )


def item_standing(account: Member, item_id: str) -> ItemStanding | None:
    store = account.store
    item = store.get("agenda_item", item_id)
    if not isinstance(item, AgendaItemData):
        return None
    meeting = store.get("meeting", item.meeting_id)
    meeting = meeting if isinstance(meeting, MeetingData) else None
    user_id = store.get_state("user_id")
    positions = [
        p
        for p in store.list("position", item_id)
        if isinstance(p, PositionData) and p.user_id == user_id and p.current
    ]
    votes = [
        v
        for v in store.list("vote", item_id)
        if isinstance(v, VoteData) and v.user_id == user_id and v.current
    ]
    position = _latest_waiting(account, "position.set", "agenda_item_id", item_id) or (
        Answer(positions[-1].position, positions[-1].comment, False, positions[-1].received_at)
        if positions
        else None
    )
    vote = _latest_waiting(account, "vote.cast", "agenda_item_id", item_id) or (
        Answer(votes[-1].choice, votes[-1].comment, False, votes[-1].received_at) if votes else None
    )
    if not _is_voter(account, meeting):
        no_vote = NoVote.NOT_A_VOTER
    elif item.vote_status == VoteStatus.OPEN:
        no_vote = NoVote.NONE
    elif item.vote_status == VoteStatus.CLOSED:
        no_vote = NoVote.CLOSED
    else:
        no_vote = NoVote.NOT_OPEN
    return ItemStanding(
        item, meeting, position, vote, no_vote, marks_and_votes(account), _pull(account, item)
    )


def ballot_standing(account: Member, ballot_id: str) -> BallotStanding | None:
    library = Library(account)
    entry = next((b for b in library.ballots() if b.ballot.id == ballot_id), None)
    if entry is None:
        return None
    user_id = account.store.get_state("user_id")
    received = sorted(
        (
            r
            for r in account.store.list("ballot_response", ballot_id)
            if isinstance(r, BallotResponseData) and r.user_id == user_id
        ),
        key=lambda r: r.received_at,
    )
    replies = [Answer(r.choice, r.comment, False, r.received_at, r.late) for r in received]
    resending = account.store.waiting_acts("ballot.respond", resending=True)
    waiting = [
        Answer(
            str(a["choice"]),
            str(a.get("comment", "")),
            True,
            datetime.now(UTC),
            resending=a in resending,
        )
        for a in account.store.waiting_acts("ballot.respond")
        if a.get("ballot_id") == ballot_id
    ]
    result = next((r for r in account.store.results() if r.ballot_id == ballot_id), None)
    documents = tuple(library.ballot_documents(ballot_id))
    return BallotStanding(entry, documents, tuple(replies + waiting), result)

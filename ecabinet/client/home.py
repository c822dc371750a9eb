"""What the home screen "Hôm nay" shows: the next session with how many of its papers are
read and on the laptop, the written ballots awaiting the member's reply soonest deadline first,
the documents replaced since the member last read them, and what waits in the outbox.

Built on the same reads as the sidebar and the meeting screen (ecabinet.client.library), from
the local store only, so it answers offline. For the Government Office, the replies collected
to its open ballots come from the server (``collecting``), on the network lane. Worker threads,
never the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ecabinet.client.library import DocumentEntry, Library, Overview
from ecabinet.client.signed_in import Member
from ecabinet.domain import BallotStatus
from ecabinet.wire.objects import BallotData, MeetingData


@dataclass(frozen=True)
class NextMeeting:
    meeting: MeetingData
    papers: int  # documents with a file, on every item of its agenda
    read: int  # of those, read in their current version
    present: int  # of those, on the laptop


@dataclass(frozen=True)
class Replaced:
    """A document with a newer version than the one the member last read."""

    document_id: str
    title: str
    context: str  # the meeting and item, or the ballot, it belongs to
    number: int  # its current version


@dataclass(frozen=True)
class Today:
    next_meeting: NextMeeting | None
    awaiting: tuple[BallotData, ...]  # open ballots awaiting the member's reply, soonest first
    replaced: tuple[Replaced, ...]
    waiting_to_send: int  # the outbox's pending acts
    refused: int  # acts the server refused, to look at


@dataclass(frozen=True)
class Collecting:
    """An open ballot whose replies the Government Office is collecting."""

    ballot_id: str
    title: str
    deadline: datetime
    replied: int
    voters: int


def next_meeting(library: Library, overview: Overview) -> NextMeeting | None:
    if not overview.upcoming:
        return None
    entry = library.meeting(overview.upcoming[0].id)
    if entry is None:
        return None
    papers = [d for item in entry.items for d in item.documents if d.version is not None]
    return NextMeeting(
        entry.meeting,
        papers=len(papers),
        read=sum(1 for d in papers if not d.unread),
        present=sum(1 for d in papers if d.present),
    )


def _replaced(entry: DocumentEntry, context: str) -> Replaced:
    return Replaced(entry.document.id, entry.document.title, context, entry.number)


def today(library: Library, overview: Overview) -> Today:
    store = library.store
    awaiting = sorted(
        (b.ballot for b in overview.ballots if b.awaiting_reply), key=lambda b: b.deadline
    )
    replaced = [
        _replaced(entry, context) for context, entry in library.catalogue() if entry.replaced
    ]
    return Today(
        next_meeting=next_meeting(library, overview),
        awaiting=tuple(awaiting),
        replaced=tuple(sorted(replaced, key=lambda r: (r.context, r.title))),
        waiting_to_send=store.count_outbox("pending"),
        refused=store.count_outbox("rejected"),
    )


def collecting(account: Member) -> tuple[Collecting, ...]:
    """The Government Office's open ballots with how many of their voters have replied, as the
    server counts them (the members' replies never come to another laptop). Online only."""
    out = []
    for ballot in account.api.office_ballots():
        if ballot.status != BallotStatus.OPEN:
            continue
        replies = account.api.ballot_replies(ballot.id).replies
        replied = len({r.user_id for r in replies if r.current})
        out.append(
            Collecting(ballot.id, ballot.title, ballot.deadline, replied, len(ballot.voter_ids))
        )
    return tuple(sorted(out, key=lambda c: c.deadline))

"""The Government Office's inbox of the national document exchange ("Văn bản đến") from its
desktop: the incoming documents as the server holds them, what one can be assigned to (the
meetings' agenda items from the local copy, the draft ballots from the server), the
assignment itself, and the ministry a result goes back to. Online only, like the Office's
other work. Worker threads (network lane).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ecabinet.client.meetings import refresh
from ecabinet.client.signed_in import Member
from ecabinet.domain import BallotStatus, MeetingStatus
from ecabinet.domain.organs import organ_named_in
from ecabinet.wire.interconnect import IncomingPublic, OutboundStatusPublic
from ecabinet.wire.objects import AgendaItemData, DocumentData, MeetingData
from ecabinet.wire.office import OfficeBallot


@dataclass(frozen=True)
class Targets:
    """Where an incoming document can go: the items of meetings not yet closed, the ballots
    not yet sent."""

    meetings: tuple[tuple[MeetingData, tuple[AgendaItemData, ...]], ...]
    ballots: tuple[OfficeBallot, ...]


def incoming(account: Member) -> list[IncomingPublic]:
    """The inbox, the latest received first."""
    return account.api.interconnect_inbox()


def outgoing(account: Member) -> list[OutboundStatusPublic]:
    """What leaves through the exchange, with its delivery state, the latest first."""
    return account.api.interconnect_outbox()


def targets(account: Member) -> Targets:
    store = account.store
    open_meetings = sorted(
        (m for m in store.meetings() if m.status != MeetingStatus.CLOSED),
        key=lambda m: m.starts_at,
    )
    meetings = tuple(
        (meeting, tuple(sorted(store.agenda_items(meeting.id), key=lambda i: i.position)))
        for meeting in open_meetings
    )
    drafts = tuple(b for b in account.api.office_ballots() if b.status == BallotStatus.DRAFT)
    return Targets(tuple((m, items) for m, items in meetings if items), drafts)


def presenting_organ(
    account: Member, *, item_id: str | None = None, ballot_id: str | None = None
) -> str:
    """The organ id a result goes to unless the Office names another, chosen as the server
    chooses it (services/results.py): the sender of a document of the item or ballot that came
    through the exchange, else (an item) the organ its presenter names; "" when neither."""
    documents = [
        d
        for d in account.store.list("document")
        if isinstance(d, DocumentData)
        and ((item_id and d.agenda_item_id == item_id) or (ballot_id and d.ballot_id == ballot_id))
    ]
    ids = {d.id for d in documents}
    received = sorted(incoming(account), key=lambda i: i.received_at)
    sender = next((i.from_organ_id for i in received if ids & set(i.assigned_document_ids)), "")
    if sender or item_id is None:
        return sender
    item = account.store.agenda_item(item_id)
    named = organ_named_in(item.presenter) if item is not None else None
    return named.code if named else ""


def assign(account: Member, body: dict[str, Any]) -> None:
    """Make the document on the server, then pull so the local copy shows it."""
    account.api.assign_incoming(body)
    refresh(account)

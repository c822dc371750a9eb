"""The Government Office's inbox of the national document exchange ("Văn bản đến") from its
desktop: the incoming documents as the server holds them, what one can be assigned to (the
meetings' agenda items from the local copy, the draft ballots from the server), and the
assignment itself. Online only, like the Office's other work. Worker threads (network lane).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ecabinet.client.meetings import refresh
from ecabinet.client.signed_in import Member
from ecabinet.domain import BallotStatus, MeetingStatus
from ecabinet.wire.interconnect import IncomingPublic, OutboundStatusPublic
from ecabinet.wire.objects import AgendaItemData, MeetingData
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


def assign(account: Member, body: dict[str, Any]) -> None:
    """Make the document on the server, then pull so the local copy shows it."""
    account.api.assign_incoming(body)
    refresh(account)

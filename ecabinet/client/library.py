"""What is on this laptop, as the member's screens show it.

Meetings split into upcoming and past; each agenda item's documents with their state (on the
laptop, downloading, not yet here; new, replaced since last read, read); the written ballots
and whether the member has replied. Reads the local store and the disk only, so it answers
offline; worker threads, never the GUI thread.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ecabinet.client.signed_in import Member
from ecabinet.domain import BallotStatus, MeetingStatus
from ecabinet.wire.objects import (
    AgendaItemData,
    BallotData,
    BallotResponseData,
    DocumentData,
    DocumentVersionData,
    MeetingData,
)

# A session that started this morning is still "upcoming" for a member on the way to it.
STILL_UPCOMING = timedelta(hours=12)
READ_PREFIX = "read:"  # profile state: read:<document id> -> the number of the version read


def is_upcoming(meeting: MeetingData, now: datetime) -> bool:
    return meeting.status != MeetingStatus.CLOSED and meeting.starts_at >= now - STILL_UPCOMING


@dataclass(frozen=True)
class DocumentEntry:
    document: DocumentData
    version: DocumentVersionData | None
    present: bool
    downloaded_bytes: int  # of the current file while it downloads, else 0
    read_number: int | None  # the version the member last opened here, None if never

    @property
    def number(self) -> int:
        return self.version.number if self.version else 0

    @property
    def unread(self) -> bool:
        """New or replaced since the member last opened it: marked until read."""
        return self.version is not None and (self.read_number or 0) < self.version.number

    @property
    def replaced(self) -> bool:
        return self.unread and self.number > 1

    @property
    def downloading(self) -> bool:
        return not self.present and self.downloaded_bytes > 0

    @property
    def fraction(self) -> float:
        if self.present:
            return 1.0
        if self.version is None or not self.version.size:
            return 0.0
        return min(1.0, self.downloaded_bytes / self.version.size)


@dataclass(frozen=True)
class ItemEntry:
    item: AgendaItemData
    documents: tuple[DocumentEntry, ...]


@dataclass(frozen=True)
class MeetingEntry:
    meeting: MeetingData
    items: tuple[ItemEntry, ...]


@dataclass(frozen=True)
class BallotEntry:
    ballot: BallotData
    replied: bool  # a current reply on the server, or one waiting in the outbox
    may_reply: bool  # the member is one of its voters

    @property
    def awaiting_reply(self) -> bool:
        return self.ballot.status == BallotStatus.OPEN and self.may_reply and not self.replied


@dataclass(frozen=True)
class Overview:
    """The sidebar: upcoming meetings soonest first, past ones latest first, ballots."""

    upcoming: tuple[MeetingData, ...]
    past: tuple[MeetingData, ...]
    ballots: tuple[BallotEntry, ...]
    unread_documents: int
    unread_by_meeting: Mapping[str, int] = field(default_factory=dict)  # meeting id -> count


class Library:
    """One read of the store; build a new one for fresh data."""

    def __init__(self, account: Member) -> None:
        self.account = account
        self.store = account.store
        self.user_id = self.store.get_state("user_id")
        self._read = {doc: int(n) for doc, n in self.store.states(READ_PREFIX).items()}
        # Read once: a screen asks about hundreds of documents, one query each would be slow.
        self._versions = {v.id: v for v in self.store.versions()}
        self._documents: list[DocumentEntry] | None = None

    def overview(self, now: datetime | None = None) -> Overview:
        moment = now or datetime.now(UTC)
        meetings = self.store.meetings()
        upcoming = tuple(m for m in meetings if is_upcoming(m, moment))
        past = tuple(reversed([m for m in meetings if not is_upcoming(m, moment)]))
        unread = [entry.document for entry in self.all_documents() if entry.unread]
        meeting_of = {
            item.id: item.meeting_id
            for item in self.store.list("agenda_item")
            if isinstance(item, AgendaItemData)
        }
        by_meeting = Counter(
            meeting_of[doc.agenda_item_id] for doc in unread if doc.agenda_item_id in meeting_of
        )
        return Overview(upcoming, past, tuple(self.ballots()), len(unread), dict(by_meeting))

    def ballots(self) -> list[BallotEntry]:
        waiting = {act["ballot_id"] for act in self.store.waiting_acts("ballot.respond")}
        out = []
        for ballot in self.store.ballots():
            replies = [
                r
                for r in self.store.list("ballot_response", ballot.id)
                if isinstance(r, BallotResponseData) and r.user_id == self.user_id and r.current
            ]
            out.append(
                BallotEntry(
                    ballot,
                    replied=bool(replies) or ballot.id in waiting,
                    may_reply=self.user_id in ballot.voter_ids,
                )
            )
        return out

    def meeting(self, meeting_id: str) -> MeetingEntry | None:
        meeting = self.store.get("meeting", meeting_id)
        if not isinstance(meeting, MeetingData):
            return None
        items = tuple(
            ItemEntry(
                item,
                tuple(e for e in self.all_documents() if e.document.agenda_item_id == item.id),
            )
            for item in self.store.agenda_items(meeting_id)
        )
        return MeetingEntry(meeting, items)

    def ballot_documents(self, ballot_id: str) -> list[DocumentEntry]:
        return [e for e in self.all_documents() if e.document.ballot_id == ballot_id]

    def all_documents(self) -> list[DocumentEntry]:
        if self._documents is None:
            self._documents = [
                self.entry(doc)
                for doc in self.store.list("document")
                if isinstance(doc, DocumentData)
            ]
        return self._documents

    def catalogue(self) -> list[tuple[str, DocumentEntry]]:
        """Every document with what it belongs to: "meeting title · item N" or the ballot."""
        meetings = {m.id: m.title for m in self.store.meetings()}
        items = {
            i.id: f"{meetings.get(i.meeting_id, '')} · {i.position}. {i.title}"
            for i in self.store.list("agenda_item")
            if isinstance(i, AgendaItemData)
        }
        ballots = {b.id: b.title for b in self.store.ballots()}
        out = []
        for entry in self.all_documents():
            doc = entry.document
            context = items.get(doc.agenda_item_id or "") or ballots.get(doc.ballot_id or "", "")
            out.append((context, entry))
        return out

    def document(self, document_id: str) -> DocumentEntry | None:
        document = self.store.get("document", document_id)
        return self.entry(document) if isinstance(document, DocumentData) else None

    def entry(self, document: DocumentData) -> DocumentEntry:
        version = self._versions.get(document.current_version_id or "")
        if version is None:
            return DocumentEntry(document, None, False, 0, self._read.get(document.id))
        vault = self.account.store.vault
        present = vault.has(version.sha256)
        downloaded = 0 if present else vault.received(version.sha256)
        return DocumentEntry(document, version, present, downloaded, self._read.get(document.id))

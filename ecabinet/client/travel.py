""" "Ready to travel": is every paper of the upcoming meetings and open ballots on the laptop?

Reads the local store only, so it answers offline too. Worker threads or the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ecabinet.client.account import Account
from ecabinet.wire.objects import (
    AgendaItemData,
    BallotData,
    DocumentData,
    DocumentVersionData,
    MeetingData,
)

# A session that started this morning is still "upcoming" for a member on the way to it.
STILL_UPCOMING = timedelta(hours=12)


@dataclass(frozen=True)
class Paper:
    context: str  # the meeting or ballot it belongs to
    title: str
    size: int
    present: bool


@dataclass(frozen=True)
class Readiness:
    papers: tuple[Paper, ...]

    @property
    def ready(self) -> bool:
        return all(p.present for p in self.papers)

    @property
    def missing(self) -> tuple[Paper, ...]:
        return tuple(p for p in self.papers if not p.present)


def readiness(account: Account, now: datetime | None = None) -> Readiness:
    store, moment = account.store, now or datetime.now(UTC)
    papers: list[Paper] = []

    def add(context: str, doc: DocumentData) -> None:
        version = store.get("document_version", doc.current_version_id or "")
        if isinstance(version, DocumentVersionData):
            papers.append(
                Paper(
                    context,
                    doc.title,
                    version.size,
                    account.profile.blob_path(version.sha256).exists(),
                )
            )

    for meeting in store.list("meeting"):
        if (
            not isinstance(meeting, MeetingData)
            or meeting.status == "closed"
            or meeting.starts_at < moment - STILL_UPCOMING
        ):
            continue
        for item in store.list("agenda_item", meeting.id):
            if isinstance(item, AgendaItemData) and not item.paper_only:
                for doc in store.list("document", item.id):
                    if isinstance(doc, DocumentData):
                        add(meeting.title, doc)
    for ballot in store.list("ballot"):
        if isinstance(ballot, BallotData) and ballot.status == "open":
            for doc in store.list("document"):
                if isinstance(doc, DocumentData) and doc.ballot_id == ballot.id:
                    add(ballot.title, doc)
    return Readiness(tuple(papers))

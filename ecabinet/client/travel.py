""" "Ready to travel": is every paper of the upcoming meetings and open ballots on the laptop?

Reads the local store only, so it answers offline too. Worker threads or the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ecabinet.client.library import DocumentEntry, Library, is_upcoming
from ecabinet.client.signed_in import Member
from ecabinet.domain import BallotStatus


@dataclass(frozen=True)
class Paper:
    context: str  # the meeting or ballot it belongs to
    entry: DocumentEntry

    @property
    def title(self) -> str:
        return self.entry.document.title

    @property
    def size(self) -> int:
        return self.entry.version.size if self.entry.version else 0

    @property
    def present(self) -> bool:
        return self.entry.present


@dataclass(frozen=True)
class Readiness:
    papers: tuple[Paper, ...]

    @property
    def ready(self) -> bool:
        return all(p.present for p in self.papers)

    @property
    def missing(self) -> tuple[Paper, ...]:
        return tuple(p for p in self.papers if not p.present)

    @property
    def missing_bytes(self) -> int:
        return sum(p.size - p.entry.downloaded_bytes for p in self.missing)


def readiness(account: Member, now: datetime | None = None) -> Readiness:
    library, moment = Library(account), now or datetime.now(UTC)
    papers: list[Paper] = []
    for meeting in library.store.meetings():
        entry = library.meeting(meeting.id) if is_upcoming(meeting, moment) else None
        for item in entry.items if entry else ():
            if not item.item.paper_only:  # classified items carry no file to take along
                papers += [Paper(meeting.title, d) for d in item.documents if d.version]
    for ballot in library.ballots():
        if ballot.ballot.status == BallotStatus.OPEN:
            docs = library.ballot_documents(ballot.ballot.id)
            papers += [Paper(ballot.ballot.title, d) for d in docs if d.version]
    return Readiness(tuple(papers))

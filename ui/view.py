"""What the window shows, read from the profile in one go on a worker thread, so the GUI
thread only lays it out."""

from __future__ import annotations

from dataclasses import dataclass, field

from ecabinet.client import lock
from ecabinet.client.home import Today, today
from ecabinet.client.library import DocumentEntry, Library, MeetingEntry, Overview
from ecabinet.client.signed_in import Member
from ecabinet.client.travel import Readiness, readiness
from ecabinet.domain import Role
from ui.screens import Screen


@dataclass(frozen=True)
class View:
    """What the window shows, read off the GUI thread in one go."""

    overview: Overview
    page: Screen
    meeting: MeetingEntry | None = None
    catalogue: list[tuple[str, DocumentEntry]] = field(default_factory=list)
    readiness: Readiness | None = None
    today: Today | None = None  # the home screen's cards
    unread_versions: frozenset[str] = frozenset()  # a replaced document has a new version
    replaced: dict[str, str] = field(default_factory=dict)  # unread new version: its title
    awaiting_ids: frozenset[str] = frozenset()
    pending: int = 0
    rejected: int = 0
    resending: int = 0  # of the pending: sent, no decision back, being sent again
    online: bool = False
    last_sync: str = ""
    roles: frozenset[Role] = frozenset()
    body: tuple[str, str] = ("", "")  # the member's body as sign-in stored it: code, name
    papers_hidden: bool = False  # too long away from the server: until the next sign-in
    idle_minutes: int = lock.DEFAULT_IDLE_MINUTES
    offline_hours: int = lock.DEFAULT_OFFLINE_HOURS


def read_view(account: Member, page: Screen, object_id: str) -> View:
    library = Library(account)
    store = account.store
    overview = library.overview()
    documents = library.all_documents()
    return View(
        overview=overview,
        page=page,
        meeting=library.meeting(object_id) if page == Screen.MEETING else None,
        catalogue=library.catalogue() if page == Screen.DOCUMENTS else [],
        readiness=readiness(account) if page == Screen.TRAVEL else None,
        today=today(library, overview) if page == Screen.HOME else None,
        unread_versions=frozenset(e.version.id for e in documents if e.unread and e.version),
        replaced={e.version.id: e.document.title for e in documents if e.replaced and e.version},
        awaiting_ids=frozenset(b.ballot.id for b in overview.ballots if b.awaiting_reply),
        pending=store.count_outbox("pending"),
        rejected=store.count_outbox("rejected"),
        resending=store.count_resending(),
        online=store.online(),
        last_sync=store.last_success_at(),
        roles=store.roles(),
        body=store.body(),
        papers_hidden=lock.papers_hidden(store),
        idle_minutes=lock.idle_minutes(store),
        offline_hours=lock.offline_hours(store),
    )

"""The Government Office prepares a meeting from its desktop: the meeting's fields and who is
invited, the agenda, the documents (checked here first, then by the server), new versions,
publishing, a whole folder at once, and who has received and opened what.

Every act goes to the server (the office works on the server's truth), then the change feed is
pulled so the local copy, which the screens read, shows the act at once. Worker threads.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ecabinet.client.api import ApiProblem
from ecabinet.client.signed_in import Member
from ecabinet.domain import InvitationKind
from ecabinet.manifest import CheckLimits, check_files, plan, read_manifest, refusal_code
from ecabinet.pdf.validate import ENCRYPTED, NOT_A_PDF, check_pdf
from ecabinet.wire.meetings import MeetingPublic
from ecabinet.wire.objects import AgendaItemData, DocumentData, MeetingData, UserData

TOO_LARGE = "too_large"
SERVER_BUSY = "server_busy"
BUSY_TRIES = 4  # the server's checks are each bounded (20 s): a turn comes within these
BUSY_WAIT = 5.0
LIMITS = CheckLimits()  # the server's defaults; it checks again with its own


class FileRefused(Exception):
    """A file that cannot be attached: ``code`` is not_a_pdf, encrypted, too_large, damaged,
    too_complex or active_content (``found`` then names what could run, as
    ecabinet.pdf.active's kinds); the UI says it in words."""

    def __init__(self, name: str, code: str, found: tuple[str, ...] = ()) -> None:
        super().__init__(f"{name}: {code}")
        self.name = name
        self.code = code
        self.found = found


@dataclass(frozen=True)
class Checked:
    path: Path
    sha256: str
    pages: int


def check_file(path: Path) -> Checked:
    """The same check the server makes, here, so a wrong file is named before any upload."""
    if not path.is_file():
        raise FileRefused(path.name, NOT_A_PDF)
    if path.stat().st_size > LIMITS.max_bytes:
        raise FileRefused(path.name, TOO_LARGE)
    verdict = check_pdf(path, seconds=LIMITS.seconds, memory_mb=LIMITS.memory_mb)
    if not verdict.ok:
        raise FileRefused(path.name, refusal_code(verdict), verdict.found)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return Checked(path, digest, verdict.pages)


def upload_checked(account: Member, path: Path) -> Checked:
    """A PDF checked here, then uploaded (the server checks it again); FileRefused if wrong."""
    checked = check_file(path)
    _upload(account, checked)
    return checked


def _upload(account: Member, checked: Checked, busy_wait_seconds: float | None = None) -> None:
    """Upload; a server busy checking other files (503 server_busy) is asked again a few
    times, a while apart (this runs on a worker thread), before the file is named as not
    sent."""
    for attempt in range(BUSY_TRIES):
        try:
            account.api.upload_blob(checked.path.read_bytes(), checked.sha256)
            return
        except ApiProblem as problem:
            if problem.code == SERVER_BUSY and attempt + 1 < BUSY_TRIES:
                time.sleep(BUSY_WAIT if busy_wait_seconds is None else busy_wait_seconds)
                continue
            code = ENCRYPTED if "encrypt" in problem.detail.lower() else problem.code
            raise FileRefused(checked.path.name, code) from None


@dataclass(frozen=True)
class AgendaDocument:
    document: DocumentData
    version: int  # the current version's number, 0 when it has none yet
    filename: str


@dataclass(frozen=True)
class AgendaEntry:
    item: AgendaItemData
    documents: tuple[AgendaDocument, ...]


@dataclass(frozen=True)
class Workspace:
    """What the meeting editor shows, read from the local copy in one go."""

    meetings: tuple[MeetingData, ...]
    users: tuple[UserData, ...]
    meeting: MeetingData | None
    agenda: tuple[AgendaEntry, ...]


def workspace(account: Member, meeting_id: str | None) -> Workspace:
    store = account.store
    meetings = tuple(sorted(store.meetings(), key=lambda m: m.starts_at, reverse=True))
    users = tuple(
        sorted(
            store.users(),
            key=lambda u: (u.sort_order, u.full_name),
        )
    )
    meeting = next((m for m in meetings if m.id == meeting_id), None)
    agenda = []
    if meeting is not None:
        for item in sorted(store.agenda_items(meeting.id), key=lambda i: i.position):
            documents = []
            for document in sorted(store.documents(item.id), key=lambda d: d.position):
                current = next(
                    (v for v in store.versions(document.id) if v.id == document.current_version_id),
                    None,
                )
                documents.append(
                    AgendaDocument(
                        document,
                        current.number if current else 0,
                        current.filename if current else "",
                    )
                )
            agenda.append(AgendaEntry(item, tuple(documents)))
    return Workspace(meetings, users, meeting, tuple(agenda))


def refresh(account: Member) -> None:
    """Pull the feed so the local copy shows what was just done."""
    account.sync_service().pull(threading.Event())


def act(account: Member, call: Callable[[], Any]) -> None:
    """One request to the server, then the local copy brought up to date."""
    call()
    refresh(account)


def save_meeting(
    account: Member,
    meeting_id: str | None,
    fields: dict[str, Any],
    invitations: dict[str, InvitationKind],
    guest_items: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Create or edit a meeting and replace who is invited; the meeting's id. A guest named in
    ``guest_items`` is invited to those agenda items only, any other to the whole meeting."""
    meeting = account.api.save_meeting(meeting_id, fields)
    items = guest_items or {}
    account.api.set_invitations(
        meeting.id,
        [
            {"user_id": u, "kind": k.value, "agenda_item_ids": list(items.get(u, ()))}
            for u, k in invitations.items()
        ],
    )
    refresh(account)
    return meeting.id


# The acts below are one request each; the caller brings the local copy up to date (``act``),
# once for several.


def meeting_act(account: Member, meeting_id: str, act: str) -> None:
    """publish, start or close a meeting."""
    account.api.meeting_act(meeting_id, act)


def add_item(account: Member, meeting_id: str, body: dict[str, Any]) -> None:
    """A new agenda item (``body`` as AgendaItemCreate)."""
    account.api.add_item(meeting_id, body)


def update_item(account: Member, item_id: str, body: dict[str, Any]) -> None:
    account.api.update_item(item_id, body)


def delete_item(account: Member, item_id: str) -> None:
    account.api.delete_item(item_id)


def reorder_items(account: Member, meeting_id: str, item_ids: list[str]) -> None:
    """The agenda in this order (every item of the meeting, once)."""
    account.api.reorder_items(meeting_id, item_ids)


def attach(account: Member, item_id: str, path: Path, kind: str) -> None:
    """A PDF checked here, uploaded (the server checks it again) and attached to an item.
    The caller refreshes the local copy (``act``), once for several files."""
    checked = upload_checked(account, path)
    body = {"kind": kind, "title": path.stem[:1000], "sha256": checked.sha256}
    account.api.add_document(item_id, {**body, "filename": path.name[:200]})


def replace(account: Member, document_id: str, path: Path) -> None:
    """A new version: every invited member receives it and their notes move to it."""
    checked = upload_checked(account, path)
    account.api.add_version(document_id, checked.sha256, path.name[:200])


def import_folder(account: Member, folder: Path, meeting: dict[str, Any]) -> MeetingPublic:
    """A draft meeting from a folder and its manifest: every file checked here first, all
    uploaded, then built by the server in one transaction (the server's answer: the screens
    read the meeting from the local copy, pulled here). Raises ImportProblems."""
    manifest = read_manifest(folder, meeting)
    files = check_files(folder, manifest, LIMITS)
    for name, (data, pages) in files.items():
        _upload(account, Checked(folder / name, hashlib.sha256(data).hexdigest(), pages))
    made = account.api.import_meeting(plan(manifest, files))
    refresh(account)
    return made


@dataclass(frozen=True)
class Delivery:
    """Who has the meeting and who opened each document: for the office's follow-up."""

    synced_at: dict[str, datetime | None]  # user id -> a laptop's last pull, if any
    opened: dict[tuple[str, str], tuple[int, datetime]]  # (document id, user id) -> first read


def delivery(account: Member, meeting_id: str) -> Delivery:
    store = account.store
    synced: dict[str, datetime | None] = {}
    for device in account.api.devices():
        if device.revoked_at is None and device.last_seen_at is not None:
            before = synced.get(device.user_id)
            if before is None or device.last_seen_at > before:
                synced[device.user_id] = device.last_seen_at
    opened: dict[tuple[str, str], tuple[int, datetime]] = {}
    for item in store.agenda_items(meeting_id):
        for document in store.documents(item.id):
            for read in account.api.document_reads(document.id):
                opened[(document.id, read.user_id)] = (read.version_number, read.first_read_at)
    return Delivery(synced, opened)

"""Building a whole meeting at once: from a folder on the server (``import-agenda``) or from
the desktop's ``POST /meetings/import`` after it uploaded the folder's files.

Either way every file has been checked first (``ecabinet.manifest``), and the meeting — a
draft, for the Government Office to review and publish — its items and documents are written,
published to the feed and recorded in the audit log in one transaction. Command line or a
request's worker thread.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import MeetingStatus
from ecabinet.manifest import CheckLimits, ImportProblems, Manifest, check_files, plan
from ecabinet.server import audit, feed
from ecabinet.server import models as m
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.core.config import Settings
from ecabinet.wire.agenda import AgendaImport


def limits(settings: Settings) -> CheckLimits:
    return CheckLimits(
        settings.blob_max_bytes, settings.pdf_check_seconds, settings.pdf_check_memory_mb
    )


def import_folder(
    db: Session, settings: Settings, body_id: str, folder: Path, manifest: Manifest
) -> m.Meeting:
    """Check every file, store them, then build the meeting (the caller commits)."""
    files = check_files(folder, manifest, limits(settings))
    store = open_blob_store(settings)
    for data, pages in files.values():
        sha = store.put_bytes(data)  # content-addressed: a file left by a failed run is reused
        if db.get(m.Blob, sha) is None:
            db.add(m.Blob(sha256=sha, size=len(data), pages=pages))
    db.flush()
    return build_meeting(db, body_id, plan(manifest, files), actor_id=None)


def build_meeting(
    db: Session, body_id: str, request: AgendaImport, actor_id: str | None
) -> m.Meeting:
    """The meeting, its items and documents; every file must already be a stored blob."""
    wanted = {d.sha256 for item in request.items for d in item.documents}
    blobs = {b.sha256: b for b in db.scalars(select(m.Blob).where(m.Blob.sha256.in_(wanted)))}
    missing = sorted(
        d.filename for item in request.items for d in item.documents if d.sha256 not in blobs
    )
    if missing:
        raise ImportProblems([f"{name}: not uploaded" for name in missing])
    meeting = m.Meeting(
        body_id=body_id,
        kind=request.kind,
        title=request.title,
        starts_at=request.starts_at or m.now(),
        place=request.place,
        status=MeetingStatus.DRAFT,
    )
    db.add(meeting)
    db.flush()
    for position, entry in enumerate(request.items, start=1):
        item = m.AgendaItem(
            meeting_id=meeting.id,
            position=position,
            title=entry.title,
            presenter=entry.presenter,
            minutes_allotted=entry.minutes_allotted,
            paper_only=entry.paper_only,
        )
        db.add(item)
        db.flush()
        for number, file in enumerate(entry.documents, start=1):
            document = m.Document(
                body_id=body_id,
                agenda_item_id=item.id,
                kind=file.kind,
                title=file.title,
                position=number,
            )
            db.add(document)
            db.flush()
            blob = blobs[file.sha256]
            version = m.DocumentVersion(
                document_id=document.id,
                number=1,
                sha256=blob.sha256,
                size=blob.size,
                pages=blob.pages,
                filename=file.filename,
                created_by=actor_id,
            )
            db.add(version)
            db.flush()
            document.current_version_id = version.id
    db.flush()
    feed.publish_meeting_tree(db, meeting)
    audit.record(
        db,
        "meeting.import",
        actor_id=actor_id,
        body_id=body_id,
        object_type="meeting",
        object_id=meeting.id,
        detail={"title": request.title, "items": len(request.items), "files": len(wanted)},
    )
    return meeting

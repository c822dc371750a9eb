"""Building a whole meeting at once: from a folder on the server (``import-agenda``) or from
the desktop's ``POST /meetings/import`` after it uploaded the folder's files.

Either way every file has been checked first (``ecabinet.manifest``); the meeting — a draft,
for the Government Office to review and publish — is then built by
``services.meetings.import_meeting`` in one transaction. This module checks and stores a
folder's files for the command line.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from ecabinet.manifest import CheckLimits, Manifest, check_files, plan
from ecabinet.server import models as m
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.core.config import Settings
from ecabinet.server.services.actor import CommandLine
from ecabinet.server.services.documents import hold_blob
from ecabinet.server.services.meetings import import_meeting


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
        hold_blob(db, body_id, sha)
    return import_meeting(db, CommandLine(body_id), plan(manifest, files))

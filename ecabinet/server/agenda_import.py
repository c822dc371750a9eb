"""Building a meeting from a folder of PDFs and a small manifest (``import-agenda``).

The manifest is ``manifest.yaml`` (the meeting and its items) or ``manifest.csv`` (the items;
the meeting from the command line). Every file is checked first — present, a real PDF, not
encrypted, not too large, inside the folder — and every problem is reported together; if any
is found nothing is changed. Then the blobs, the meeting (a draft, for the Government Office to
review and publish), its items and documents are written, published to the feed and recorded
in the audit log in one transaction. Command line or a worker thread.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from ecabinet.domain import DocumentKind, MeetingKind, MeetingStatus
from ecabinet.pdf.validate import check_pdf
from ecabinet.server import audit, feed
from ecabinet.server import models as m
from ecabinet.server.blobstore import BlobStore
from ecabinet.server.core.config import Settings

MANIFESTS = ("manifest.yaml", "manifest.yml", "manifest.csv")
FILE_FIELDS = {"submission": DocumentKind.SUBMISSION, "draft": DocumentKind.DRAFT}
DOCUMENT_TITLES = {"submission": "Tờ trình", "draft": "Dự thảo"}


class ImportProblems(Exception):
    """Everything wrong with the folder, each in a sentence; nothing was changed."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class ManifestItem:
    order: int
    title: str
    presenter: str = ""
    minutes: int = 0
    paper_only: bool = False
    files: dict[str, str] = field(default_factory=dict)  # "submission"/"draft" -> file name


@dataclass
class Manifest:
    title: str
    kind: MeetingKind
    starts_at: datetime | None
    place: str
    items: list[ManifestItem]


def _truth(value: Any) -> bool:
    return str(value).strip().lower() in {"1", "true", "yes", "x", "có", "co"}


def _item(raw: dict[str, Any], problems: list[str], row: int) -> ManifestItem | None:
    try:
        order = int(str(raw.get("order") or raw.get("thu_tu") or row))
        minutes = int(str(raw.get("minutes") or 0))
    except ValueError:
        problems.append(f"item {row}: order and minutes must be whole numbers")
        return None
    title = str(raw.get("title") or "").strip()
    if not title:
        problems.append(f"item {row}: it has no title")
    files = {
        key: str(raw[key]).strip() for key in FILE_FIELDS if raw.get(key) and str(raw[key]).strip()
    }
    return ManifestItem(
        order, title, str(raw.get("presenter") or ""), minutes, _truth(raw.get("paper_only")), files
    )


def read_manifest(folder: Path, meeting: dict[str, Any] | None = None) -> Manifest:
    """The folder's manifest; ``meeting`` gives or overrides the meeting's own fields."""
    found = next((folder / name for name in MANIFESTS if (folder / name).is_file()), None)
    if found is None:
        raise ImportProblems([f"no {' or '.join(MANIFESTS)} in {folder}"])
    text = found.read_text(encoding="utf-8-sig")
    problems: list[str] = []
    if found.suffix == ".csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        header: dict[str, Any] = {}
    else:
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as error:
            raise ImportProblems([f"{found.name} is not valid YAML: {error}"]) from None
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise ImportProblems([f"{found.name} needs a list of items under 'items:'"])
        rows = [r for r in data["items"] if isinstance(r, dict)]
        given = data.get("meeting")
        header = given if isinstance(given, dict) else {}
    header = {**header, **{k: v for k, v in (meeting or {}).items() if v}}
    items = [i for row, raw in enumerate(rows, start=1) if (i := _item(raw, problems, row))]
    try:
        kind = MeetingKind(str(header.get("kind") or MeetingKind.REGULAR))
    except ValueError:
        problems.append(f"unknown meeting kind {header.get('kind')!r}")
        kind = MeetingKind.REGULAR
    starts = header.get("starts_at")
    starts_at = None
    if starts:
        try:
            starts_at = (
                starts if isinstance(starts, datetime) else datetime.fromisoformat(str(starts))
            )
        except ValueError:
            problems.append(f"starts_at {starts!r} is not a date and time (2026-12-15T08:30+07:00)")
    if starts_at is not None and starts_at.tzinfo is None:
        problems.append("starts_at needs a time zone, such as +07:00")
    if not str(header.get("title") or "").strip():
        problems.append("the meeting has no title (meeting: title: … or --title)")
    if not items:
        problems.append("the manifest lists no items")
    if problems:
        raise ImportProblems(problems)
    return Manifest(
        str(header["title"]).strip(), kind, starts_at, str(header.get("place") or ""), items
    )


def check_files(
    folder: Path, manifest: Manifest, settings: Settings
) -> dict[str, tuple[bytes, int]]:
    """Every file read and checked: name -> (bytes, pages). Raises with every problem."""
    problems: list[str] = []
    checked: dict[str, tuple[bytes, int]] = {}
    orders = [item.order for item in manifest.items]
    if len(set(orders)) != len(orders):
        problems.append("two items have the same order")
    root = folder.resolve()
    for item in manifest.items:
        if item.paper_only and item.files:
            problems.append(f"item {item.order} is paper only (classified) but names files")
        for name in item.files.values():
            path = (folder / name).resolve()
            if root not in path.parents:
                problems.append(f"{name}: outside the folder")
                continue
            if not path.is_file():
                problems.append(f"{name}: not found in the folder")
                continue
            if path.stat().st_size > settings.blob_max_bytes:
                problems.append(f"{name}: too large ({path.stat().st_size // 1_048_576} MB)")
                continue
            verdict = check_pdf(
                path, seconds=settings.pdf_check_seconds, memory_mb=settings.pdf_check_memory_mb
            )
            if not verdict.ok:
                problems.append(f"{name}: {verdict.reason}")
                continue
            checked[name] = (path.read_bytes(), verdict.pages)
    if problems:
        raise ImportProblems(problems)
    return checked


def import_agenda(
    db: Session, settings: Settings, body_id: str, folder: Path, manifest: Manifest
) -> m.Meeting:
    """Check everything, then write the meeting in one transaction (the caller commits)."""
    files = check_files(folder, manifest, settings)
    store = BlobStore(settings.blob_dir)
    for data, pages in files.values():
        sha = store.put_bytes(data)  # content-addressed: a file left by a failed run is reused
        if db.get(m.Blob, sha) is None:
            db.add(m.Blob(sha256=sha, size=len(data), pages=pages))
    meeting = m.Meeting(
        body_id=body_id,
        kind=manifest.kind.value,
        title=manifest.title,
        starts_at=manifest.starts_at or m.now(),
        place=manifest.place,
        status=MeetingStatus.DRAFT.value,
    )
    db.add(meeting)
    db.flush()
    for position, entry in enumerate(sorted(manifest.items, key=lambda i: i.order), start=1):
        item = m.AgendaItem(
            meeting_id=meeting.id,
            position=position,
            title=entry.title,
            presenter=entry.presenter,
            minutes_allotted=entry.minutes,
            paper_only=entry.paper_only,
        )
        db.add(item)
        db.flush()
        for number, (key, name) in enumerate(entry.files.items(), start=1):
            _add_document(db, body_id, item, key, name, files[name], number)
    db.flush()
    feed.publish_meeting_tree(db, meeting)
    audit.record(
        db,
        "meeting.import",
        actor_id=None,
        body_id=body_id,
        object_type="meeting",
        object_id=meeting.id,
        detail={"title": manifest.title, "items": len(manifest.items), "files": len(files)},
    )
    return meeting


def _add_document(
    db: Session,
    body_id: str,
    item: m.AgendaItem,
    key: str,
    name: str,
    file: tuple[bytes, int],
    position: int,
) -> None:
    data, pages = file
    document = m.Document(
        body_id=body_id,
        agenda_item_id=item.id,
        kind=FILE_FIELDS[key].value,
        title=f"{DOCUMENT_TITLES[key]} - {item.presenter}"
        if item.presenter
        else DOCUMENT_TITLES[key],
        position=position,
    )
    db.add(document)
    db.flush()
    version = m.DocumentVersion(
        document_id=document.id,
        number=1,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        pages=pages,
        filename=Path(name).name,
    )
    db.add(version)
    db.flush()
    document.current_version_id = version.id

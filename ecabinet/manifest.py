"""A folder of PDFs and its manifest, read and checked: the bulk preparation of a meeting.

The manifest is ``manifest.yaml`` (the meeting and its items) or ``manifest.csv`` (the items;
the meeting given separately). Every file is checked — present, inside the folder, a real PDF,
not encrypted, not too large — and every problem is reported together, so the Government
Office fixes the folder once. Each problem carries a code and what it names (the file, the
item, the value), with an English sentence for the command line: the desktop says every one
in Vietnamese (ui/office/file_words.py). ``plan`` turns a checked folder into the one request
that builds the meeting. Used by ``ecabinet-server import-agenda`` and by the desktop; a
worker thread or the command line (each PDF is checked in a child process).
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

from ecabinet.domain import DocumentKind, MeetingKind
from ecabinet.domain.organs import organ_matching
from ecabinet.pdf.validate import NOT_A_PDF, REASON_DAMAGED, PdfCheck, check_pdf
from ecabinet.wire.agenda import AgendaImport, ImportDocument, ImportItem

MANIFESTS = ("manifest.yaml", "manifest.yml", "manifest.csv")
FILE_FIELDS = {"submission": DocumentKind.SUBMISSION, "draft": DocumentKind.DRAFT}
DOCUMENT_TITLES = {"submission": "Tờ trình", "draft": "Dự thảo"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the folder. ``code`` says what (for a refused PDF, the code
    ``refusal_code`` gives, with ``found`` the kinds of active content, ecabinet.pdf.active);
    ``name`` the file it is about (a PDF, the manifest, the folder), ``item`` the manifest's
    item (its order or row), ``value`` what was written; ``text`` in English."""

    code: str
    text: str
    name: str = ""
    item: int = 0
    value: str = ""
    found: tuple[str, ...] = ()


class ImportProblems(Exception):
    """Everything wrong with the folder; nothing was changed."""

    def __init__(self, found: list[Problem]) -> None:
        super().__init__("; ".join(p.text for p in found))
        self.found = found

    @property
    def problems(self) -> list[str]:
        """Each problem as an English sentence (the command line's)."""
        return [p.text for p in self.found]


def refusal_code(verdict: PdfCheck) -> str:
    """The code a refused file is named by: the check's, with "damaged" told apart from
    "not a PDF at all"."""
    if verdict.code == NOT_A_PDF and verdict.reason == REASON_DAMAGED:
        return "damaged"
    return verdict.code


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


def _item(raw: dict[str, Any], problems: list[Problem], row: int, name: str) -> ManifestItem | None:
    try:
        order = int(str(raw.get("order") or raw.get("thu_tu") or row))
        minutes = int(str(raw.get("minutes") or 0))
    except ValueError:
        text = f"item {row}: order and minutes must be whole numbers"
        problems.append(Problem("not_a_number", text, name, row))
        return None
    title = str(raw.get("title") or "").strip()
    if not title:
        problems.append(Problem("item_untitled", f"item {row}: it has no title", name, row))
    files = {
        key: str(raw[key]).strip() for key in FILE_FIELDS if raw.get(key) and str(raw[key]).strip()
    }
    # A ministry written as its notation or in other capitals becomes the organs table's name
    # (the one results are issued to); an organ outside the Government stays as written.
    written = str(raw.get("presenter") or "").strip()
    organ = organ_matching(written)
    presenter = organ.name if organ else written
    return ManifestItem(order, title, presenter, minutes, _truth(raw.get("paper_only")), files)


def _kind_and_time(
    header: dict[str, Any], problems: list[Problem], name: str
) -> tuple[MeetingKind, datetime | None]:
    """The meeting's kind and start as the manifest (or the form) gives them."""
    try:
        kind = MeetingKind(str(header.get("kind") or MeetingKind.REGULAR))
    except ValueError:
        value = str(header.get("kind"))
        text = f"unknown meeting kind {value!r}"
        problems.append(Problem("unknown_kind", text, name, value=value))
        kind = MeetingKind.REGULAR
    starts = header.get("starts_at")
    starts_at = None
    if starts:
        try:
            starts_at = (
                starts if isinstance(starts, datetime) else datetime.fromisoformat(str(starts))
            )
        except ValueError:
            text = f"starts_at {starts!r} is not a date and time (2026-12-15T08:30+07:00)"
            problems.append(Problem("bad_time", text, name, value=str(starts)))
    if starts_at is not None and starts_at.tzinfo is None:
        text = "starts_at needs a time zone, such as +07:00"
        problems.append(Problem("no_zone", text, name, value=str(starts)))
    return kind, starts_at


def read_manifest(folder: Path, meeting: dict[str, Any] | None = None) -> Manifest:
    """The folder's manifest; ``meeting`` gives or overrides the meeting's own fields."""
    found = next((folder / name for name in MANIFESTS if (folder / name).is_file()), None)
    if found is None:
        text = f"no {' or '.join(MANIFESTS)} in {folder}"
        raise ImportProblems([Problem("no_manifest", text, folder.name)])
    try:
        text = found.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = f"{found.name} is not UTF-8 text"
        raise ImportProblems([Problem("not_utf8", text, found.name)]) from None
    name = found.name
    problems: list[Problem] = []
    if found.suffix == ".csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        header: dict[str, Any] = {}
    else:
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 0
            problem = Problem("bad_yaml", f"{name} is not valid YAML: {error}", name, line)
            raise ImportProblems([problem]) from None
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            text = f"{name} needs a list of items under 'items:'"
            raise ImportProblems([Problem("no_items_list", text, name)])
        rows = [r for r in data["items"] if isinstance(r, dict)]
        given = data.get("meeting")
        header = given if isinstance(given, dict) else {}
    header = {**header, **{k: v for k, v in (meeting or {}).items() if v}}
    items = [i for row, raw in enumerate(rows, start=1) if (i := _item(raw, problems, row, name))]
    kind, starts_at = _kind_and_time(header, problems, name)
    if not str(header.get("title") or "").strip():
        text = "the meeting has no title (meeting: title: … or --title)"
        problems.append(Problem("meeting_untitled", text, name))
    if not items:
        problems.append(Problem("no_items", "the manifest lists no items", name))
    if problems:
        raise ImportProblems(problems)
    return Manifest(
        str(header["title"]).strip(), kind, starts_at, str(header.get("place") or ""), items
    )


@dataclass(frozen=True)
class CheckLimits:
    max_bytes: int = 200 * 1024 * 1024
    seconds: float = 20.0
    memory_mb: int = 768


def check_files(
    folder: Path, manifest: Manifest, limits: CheckLimits
) -> dict[str, tuple[bytes, int]]:
    """Every file read and checked: name -> (bytes, pages). Raises with every problem."""
    problems: list[Problem] = []
    checked: dict[str, tuple[bytes, int]] = {}
    orders = [item.order for item in manifest.items]
    for order in sorted({o for o in orders if orders.count(o) > 1}):
        problems.append(Problem("same_order", f"two items have the order {order}", item=order))
    root = folder.resolve()
    for item in manifest.items:
        if item.paper_only and item.files:
            text = f"item {item.order} is paper only (classified) but names files"
            problems.append(Problem("paper_with_files", text, item=item.order))
        for name in item.files.values():
            path = (folder / name).resolve()
            if root not in path.parents:
                problems.append(Problem("outside", f"{name}: outside the folder", name))
                continue
            if not path.is_file():
                problems.append(Problem("missing", f"{name}: not found in the folder", name))
                continue
            if path.stat().st_size > limits.max_bytes:
                text = f"{name}: too large ({path.stat().st_size // 1_048_576} MB)"
                problems.append(Problem("too_large", text, name))
                continue
            verdict = check_pdf(path, seconds=limits.seconds, memory_mb=limits.memory_mb)
            if not verdict.ok:
                text = f"{name}: {verdict.reason}"
                problems.append(Problem(refusal_code(verdict), text, name, found=verdict.found))
                continue
            checked[name] = (path.read_bytes(), verdict.pages)
    if problems:
        raise ImportProblems(problems)
    return checked


def plan(manifest: Manifest, files: dict[str, tuple[bytes, int]]) -> AgendaImport:
    """The request that builds the meeting, naming each checked file by its digest."""
    items = []
    for entry in sorted(manifest.items, key=lambda i: i.order):
        documents = [
            ImportDocument(
                kind=FILE_FIELDS[key],
                title=f"{DOCUMENT_TITLES[key]} - {entry.presenter}"
                if entry.presenter
                else DOCUMENT_TITLES[key],
                sha256=hashlib.sha256(files[name][0]).hexdigest(),
                filename=Path(name).name[:200],
            )
            for key, name in entry.files.items()
        ]
        items.append(
            ImportItem(
                title=entry.title,
                presenter=entry.presenter,
                minutes_allotted=entry.minutes,
                paper_only=entry.paper_only,
                documents=documents,
            )
        )
    return AgendaImport(
        kind=manifest.kind,
        title=manifest.title,
        starts_at=manifest.starts_at,
        place=manifest.place,
        items=items,
    )

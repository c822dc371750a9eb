"""A member's notes on documents: made, changed and deleted offline, carried to new versions.

Every change is written with its outbox entry in one transaction (LocalStore.record_action)
before the caller may say it is done; the server gets it at the next sync and the member's
other laptop from the feed. A note on words keeps its quote and their context
(ecabinet.pdf.quotes), so when the Government Office replaces a draft the note is placed again
where its words now are; a note whose words are gone stays on the old version, listed as
"could not be placed", never lost. (Named notes, not annotations, as on the server: that name
is taken by ``from __future__ import annotations``.) Worker threads or the command line.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import ValidationError

from ecabinet.client.signed_in import Member
from ecabinet.client.vault import DamagedFile
from ecabinet.domain import AnnotationKind, Sharing
from ecabinet.pdf.quotes import Placement, Quote, find_words, quote_at, relocate
from ecabinet.pdf.text_layout import page_texts, text_rects
from ecabinet.wire.objects import (
    AgendaItemData,
    AnnotationData,
    DocumentData,
    DocumentVersionData,
)
from ecabinet.wire.sync import validation_message
from ecabinet.wire.text import clean_member_text, plain_quote

TEXT_KINDS = (AnnotationKind.HIGHLIGHT, AnnotationKind.UNDERLINE, AnnotationKind.STRIKEOUT)
CARRIED = "carried:"  # state: carried:<old note id> -> the id of its copy on the new version
UNPLACED = "unplaced:"  # state: unplaced:<old note id> -> the version it could not be placed on


class NoteError(Exception):
    """The note cannot be made (no such document or page, words not on the page, a field
    out of its bounds)."""


@dataclass(frozen=True)
class CarryReport:
    placed: tuple[str, ...]  # ids of the new copies
    unplaced: tuple[AnnotationData, ...]  # notes left on their old version


def _now() -> datetime:
    return datetime.now(UTC)


def present_version(account: Member, version_id: str) -> DocumentVersionData:
    """A version whose file is on this laptop (NoteError, saying so, when it is not)."""
    version = account.store.get("document_version", version_id)
    if not isinstance(version, DocumentVersionData):
        raise NoteError("This document version is not on this laptop; sync first.")
    if not account.store.vault.has(version.sha256):
        raise NoteError("This document's file is not on this laptop yet; sync first.")
    return version


def version_bytes(account: Member, version_id: str) -> bytes:
    """A version's PDF, opened from its sealed file (worker threads: it may be large)."""
    version = present_version(account, version_id)
    try:
        return account.store.vault.read(version.sha256)
    except DamagedFile:
        raise NoteError("This document's file was damaged; sync to fetch it again.") from None


def current_version(account: Member, document_id: str) -> DocumentVersionData:
    document = account.store.get("document", document_id)
    if not isinstance(document, DocumentData) or not document.current_version_id:
        raise NoteError("This document is not on this laptop; sync first.")
    return present_version(account, document.current_version_id)


def save_note(account: Member, note: AnnotationData) -> AnnotationData:
    """Write a new or changed note locally and queue it for the server. Its text is cleaned
    (invisible characters removed) or refused with UnsafeText, in words (ecabinet.wire.text);
    the document's words it quotes are kept only as far as they may be shown."""
    stamped = note.model_copy(
        update={
            "text": clean_member_text(note.text),
            "quote": plain_quote(note.quote),
            "prefix": plain_quote(note.prefix),
            "suffix": plain_quote(note.suffix),
            "updated_at": _now(),
        }
    )
    account.store.record_action(
        "annotation.put", _put_data(stamped), local=("annotation", stamped.id, stamped)
    )
    return stamped


def delete_note(account: Member, note_id: str) -> None:
    note = account.store.get("annotation", note_id)
    if not isinstance(note, AnnotationData) or note.author_id != account.store.get_state("user_id"):
        raise NoteError("Only your own notes can be deleted.")
    account.store.record_action(
        "annotation.delete", {"id": note_id}, remove=("annotation", note_id)
    )


def new_note(
    account: Member,
    version_id: str,
    page: int,
    kind: AnnotationKind | str,
    **fields: object,
) -> AnnotationData:
    """A note not yet saved: the caller fills the geometry, text and sharing. Its text is
    cleaned or refused (UnsafeText) here already, before anything is shown or kept. A caller
    on the GUI thread passes ``author_id`` (read earlier on a worker), so the store is not
    read."""
    if "text" in fields:
        fields["text"] = clean_member_text(str(fields["text"]))
    for words in ("quote", "prefix", "suffix"):
        if words in fields:
            fields[words] = plain_quote(str(fields[words]))
    moment = _now()
    author = fields.pop("author_id", None) or account.store.get_state("user_id")
    try:
        return AnnotationData.model_validate(
            {
                "id": str(uuid.uuid4()),
                "author_id": author,
                "document_version_id": version_id,
                "page": page,
                "kind": kind,
                "created_at": moment,
                "updated_at": moment,
                **fields,
            }
        )
    except ValidationError as error:
        raise NoteError(f"Not accepted: {validation_message(error)}") from None


def note_on_words(
    account: Member,
    document_id: str,
    page: int,
    kind: AnnotationKind | str,
    words: str,
    text: str = "",
    color: str = "#ffd400",
    shared: Sharing | str = Sharing.PRIVATE,
) -> AnnotationData:
    """Mark the first place ``words`` appear on a page (1-based ``page`` as the member reads),
    across a line break where the words wrap (ecabinet.pdf.quotes.find_words)."""
    version = current_version(account, document_id)
    data = version_bytes(account, version.id)
    pages = page_texts(data)
    if not 1 <= page <= len(pages):
        raise NoteError(f"The document has {len(pages)} pages; there is no page {page}.")
    found = find_words(pages[page - 1].text, words)
    if found is None:
        raise NoteError(f"“{words}” is not on page {page}.")
    at, length = found
    quote = quote_at(pages[page - 1].text, at, length)
    note = new_note(
        account,
        version.id,
        page - 1,
        kind,
        rects=text_rects(data, page - 1, at, length),
        text=text,
        color=color,
        shared=shared,
        quote=quote.quote,
        prefix=quote.prefix,
        suffix=quote.suffix,
    )
    return save_note(account, note)


def notes_on(account: Member, version_id: str) -> list[AnnotationData]:
    """The member's own notes on a version and those others shared with them, by page."""
    user_id = account.store.get_state("user_id")
    notes = [
        n
        for n in account.store.list("annotation", version_id)
        if isinstance(n, AnnotationData) and (n.author_id == user_id or n.shared != Sharing.PRIVATE)
    ]
    return sorted(notes, key=lambda n: (n.page, n.created_at))


def meeting_notes(account: Member, document_id: str) -> list[tuple[DocumentData, AnnotationData]]:
    """Every note the member sees on the current versions of the documents of the meeting
    (or ballot) that ``document_id`` belongs to, document by document, page by page."""
    document = account.store.get("document", document_id)
    if not isinstance(document, DocumentData):
        return []
    item = account.store.get("agenda_item", document.agenda_item_id or "")
    meeting_id = item.meeting_id if isinstance(item, AgendaItemData) else ""
    items = {i.id for i in account.store.agenda_items(meeting_id)} if meeting_id else set()
    siblings = [
        d
        for d in account.store.list("document")
        if isinstance(d, DocumentData)
        and d.current_version_id
        and (d.agenda_item_id in items or (d.ballot_id and d.ballot_id == document.ballot_id))
    ]
    return [(d, note) for d in siblings for note in notes_on(account, d.current_version_id or "")]


def my_notes(account: Member) -> list[AnnotationData]:
    user_id = account.store.get_state("user_id")
    return [
        n
        for n in account.store.list("annotation")
        if isinstance(n, AnnotationData) and n.author_id == user_id
    ]


def carry_notes(account: Member, document_id: str) -> CarryReport:
    """Move the member's notes on older versions of a document onto its current version."""
    current = current_version(account, document_id)
    older = {v.id for v in account.store.versions(document_id) if v.number < current.number}
    carried = account.store.states(CARRIED)
    waiting = [
        n for n in my_notes(account) if n.document_version_id in older and n.id not in carried
    ]
    if not waiting:
        return CarryReport((), ())
    data = version_bytes(account, current.id)
    texts = [p.text for p in page_texts(data)]
    placed, unplaced = [], []
    for note in waiting:
        copy = _placed_copy(account, note, current.id, data, texts)
        if copy is None:
            account.store.set_state(**{UNPLACED + note.id: current.id})
            unplaced.append(note)
            continue
        account.store.record_action(
            "annotation.put",
            _put_data(copy),
            local=("annotation", copy.id, copy),
            state={CARRIED + note.id: copy.id},
        )
        placed.append(copy.id)
    return CarryReport(tuple(placed), tuple(unplaced))


def carry_all(account: Member) -> CarryReport:
    """After a sync: carry the member's notes of every document that has a newer version."""
    current = {
        d.id: d.current_version_id
        for d in account.store.list("document")
        if isinstance(d, DocumentData) and d.current_version_id
    }
    version_document = {v.id: v.document_id for v in account.store.versions()}
    carried = account.store.states(CARRIED)
    stale = {
        version_document[n.document_version_id]
        for n in my_notes(account)
        if n.id not in carried
        and n.document_version_id in version_document
        and current.get(version_document[n.document_version_id]) != n.document_version_id
    }
    placed: list[str] = []
    unplaced: list[AnnotationData] = []
    for document_id in sorted(stale):
        try:
            report = carry_notes(account, document_id)
        except NoteError:
            continue  # the new file is not here yet: carried after it downloads
        placed += report.placed
        unplaced += report.unplaced
    return CarryReport(tuple(placed), tuple(unplaced))


def _placed_copy(
    account: Member, note: AnnotationData, version_id: str, data: bytes, texts: list[str]
) -> AnnotationData | None:
    if note.kind in TEXT_KINDS or note.quote:
        placement: Placement | None = relocate(
            Quote(note.quote, note.prefix, note.suffix), note.page, texts
        )
        if placement is None:
            return None
        quote = quote_at(texts[placement.page], placement.start, placement.length)
        geometry: dict[str, object] = {
            "rects": text_rects(data, placement.page, placement.start, placement.length),
            # The document's own words, kept only as far as they may be shown (a new
            # draft's text may hold line ends and controls the text rule refuses).
            "quote": plain_quote(quote.quote),
            "prefix": plain_quote(quote.prefix),
            "suffix": plain_quote(quote.suffix),
        }
        page = placement.page
    else:
        if note.page >= len(texts):
            return None  # a drawing on a page the new version no longer has
        geometry, page = {"rects": note.rects, "points": note.points}, note.page
    fields = {"kind": note.kind, "color": note.color, "text": note.text, "shared": note.shared}
    return new_note(account, version_id, page, **fields, **geometry)  # type: ignore[arg-type]


def _put_data(note: AnnotationData) -> dict[str, object]:
    """What annotation.put carries: the server sets the author and the times itself."""
    return note.model_dump(mode="json", exclude={"author_id", "created_at", "updated_at"})


def unplaced_notes(account: Member, document_id: str) -> list[AnnotationData]:
    """The member's notes that could not be placed on the current version of a document."""
    unplaced = account.store.states(UNPLACED)
    versions = {v.id for v in account.store.versions(document_id)}
    return [n for n in my_notes(account) if n.id in unplaced and n.document_version_id in versions]

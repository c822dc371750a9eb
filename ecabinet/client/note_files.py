"""A member's notes taken anywhere: the document as a PDF with the notes as real annotations,
the notes alone as XFDF, and XFDF read back in as the member's notes.

Every exported or printed PDF carries a watermark with the member's name and the date and time,
so a copy that leaves the laptop says whose it was. Worker threads or the command line.
"""

from __future__ import annotations

from datetime import datetime

from ecabinet.client.notes import current_version, new_note, notes_on, save_note, version_bytes
from ecabinet.client.signed_in import Member
from ecabinet.pdf.annotate import watermarked, with_annotations
from ecabinet.pdf.text_layout import page_texts
from ecabinet.pdf.xfdf import from_xfdf, to_xfdf
from ecabinet.wire.objects import AnnotationData, UserData
from ecabinet.wire.text import clean_member_text


def watermark_line(account: Member, moment: datetime | None = None) -> str:
    when = (moment or datetime.now()).astimezone()
    name = account.store.get_state("full_name") or account.store.get_state("username")
    return f"Bản của {name} — {when:%d/%m/%Y %H:%M}"


def _authors(account: Member) -> dict[str, str]:
    names = {u.id: u.full_name for u in account.store.list("user") if isinstance(u, UserData)}
    names.setdefault(account.store.get_state("user_id"), account.store.get_state("full_name"))
    return names


def _own(account: Member, version_id: str) -> list[AnnotationData]:
    user_id = account.store.get_state("user_id")
    return [n for n in notes_on(account, version_id) if n.author_id == user_id]


def export_pdf(account: Member, document_id: str, moment: datetime | None = None) -> bytes:
    """The current version, watermarked, with the member's notes as PDF annotations."""
    version = current_version(account, document_id)
    stamped = watermarked(version_bytes(account, version.id), watermark_line(account, moment))
    return with_annotations(stamped, _own(account, version.id), _authors(account))


def printable_pdf(account: Member, document_id: str) -> bytes:
    """What goes to the printer: the same as the export, watermark and notes included."""
    return export_pdf(account, document_id)


def export_xfdf(account: Member, document_id: str) -> bytes:
    version = current_version(account, document_id)
    heights = [page.height for page in page_texts(version_bytes(account, version.id))]
    return to_xfdf(_own(account, version.id), heights, _authors(account), version.filename)


def import_xfdf(account: Member, document_id: str, data: bytes) -> int:
    """Save each note of an XFDF file as the member's own note on the current version."""
    version = current_version(account, document_id)
    heights = [page.height for page in page_texts(version_bytes(account, version.id))]
    imported = from_xfdf(data, heights)  # raises XfdfError before anything is saved
    # Every note's words checked first (UnsafeText), so a refusal leaves nothing half-imported.
    texts = [clean_member_text(item.text) for item in imported]
    for item, text in zip(imported, texts, strict=True):
        existing = account.store.get("annotation", item.id)
        if isinstance(existing, AnnotationData) and existing.author_id != account.store.get_state(
            "user_id"
        ):
            continue  # someone else's note exported with theirs: not ours to overwrite
        note = new_note(
            account,
            version.id,
            item.page,
            item.kind,
            rects=item.rects,
            points=item.points,
            color=item.color,
            width=item.width,
            text=text,
        ).model_copy(update={"id": item.id})
        save_note(account, note)
    return len(imported)

"""Comparing a replaced draft with the version before it, with the member's notes beside.

Reads both files and the notes on the laptop (offline); the word comparison runs on the
caller's worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from ecabinet.client.notes import current_version, notes_on, unplaced_notes, version_bytes
from ecabinet.client.signed_in import Member
from ecabinet.pdf.compare import PageChanges, compare_pages
from ecabinet.pdf.text_layout import page_texts
from ecabinet.wire.objects import AnnotationData, DocumentVersionData


@dataclass(frozen=True)
class Comparison:
    old: DocumentVersionData
    new: DocumentVersionData
    pages: list[PageChanges]
    notes: list[AnnotationData]  # on the new version, the member's and those shared with them
    unplaced: list[AnnotationData]  # the member's notes whose words are gone

    def notes_on_page(self, page: int) -> list[AnnotationData]:
        return [n for n in self.notes if n.page == page]


def previous_version(account: Member, document_id: str) -> DocumentVersionData | None:
    current = current_version(account, document_id)
    older = [v for v in account.store.versions(document_id) if v.number < current.number]
    return max(older, key=lambda v: v.number) if older else None


def compare_with_previous(account: Member, document_id: str) -> Comparison | None:
    """None when the document has only one version on the laptop."""
    new = current_version(account, document_id)
    old = previous_version(account, document_id)
    if old is None:
        return None
    pages = compare_pages(
        [p.text for p in page_texts(version_bytes(account, old.id))],
        [p.text for p in page_texts(version_bytes(account, new.id))],
    )
    return Comparison(
        old, new, pages, notes_on(account, new.id), unplaced_notes(account, document_id)
    )

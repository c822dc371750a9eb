"""A member's notes on a draft made into the words of a formal opinion.

Each note becomes one line, in page order: "Trang 12, Điều 5, khoản 2: “quote” — note text".
The article and clause are those whose headings stand above the note in the draft: the last
line beginning "Điều N." before it (on this page or an earlier one) and, inside that article,
the last line beginning "N." (a clause, "khoản"). A note on words is placed by its quote; a
sticky note, a drawing or a text box by the first line at its height. The text is only a
proposal: the member edits it before signing (the window's box, or ``--comment`` on the
command line). ``compose_opinion`` is pure (any thread); ``opinion_from_notes`` reads the
laptop's store and the draft's file (worker threads or the command line).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from ecabinet.client.notes import NoteError, current_version, notes_on, version_bytes
from ecabinet.client.signed_in import Member
from ecabinet.client.standing import marks_and_votes
from ecabinet.domain import BallotStatus, ItemStatus
from ecabinet.pdf.quotes import Quote, relocate
from ecabinet.pdf.text_layout import index_at_height, page_texts
from ecabinet.wire.objects import AgendaItemData, AnnotationData, BallotData, DocumentData

# "Điều 5. Phạm vi điều chỉnh" (or "Điều 5" alone on its line); a reference inside a sentence
# that wraps onto a new line ("Điều 5 của Luật này") has no full stop after its number.
ARTICLE = re.compile(r"^[ \t]*Điều[ \t]+(\d+[a-zđ]?)[ \t]*(?:[.:]|$)", re.MULTILINE)
CLAUSE = re.compile(r"^[ \t]*(\d+)\.[ \t]", re.MULTILINE)
QUOTE_CHARS = 300  # a longer quote is cut: the opinion cites the words, it does not copy pages


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def article_above(text_before: str) -> str:
    """ "Điều 5, khoản 2", "Điều 5" or "" for the text of the draft up to a note."""
    text = _nfc(text_before)
    articles = list(ARTICLE.finditer(text))
    if not articles:
        return ""
    last = articles[-1]
    clauses = list(CLAUSE.finditer(text, last.end()))
    place = f"Điều {last.group(1)}"
    return f"{place}, khoản {clauses[-1].group(1)}" if clauses else place


def _offset(note: AnnotationData, pages: Sequence[str], anchors: Mapping[str, int]) -> int:
    """Where on its page the note stands, as a character index of the page's text."""
    if note.quote.strip():
        placed = relocate(Quote(note.quote, note.prefix, note.suffix), note.page, list(pages))
        if placed is not None and placed.page == note.page:
            return placed.start
    return anchors.get(note.id, 0)


def _words(text: str) -> str:
    return " ".join(text.split())


def compose_opinion(
    notes: Sequence[AnnotationData], pages: Sequence[str], anchors: Mapping[str, int] = {}
) -> str:
    """The opinion's text: one line per note that says something (words marked or written),
    in page order. ``pages`` are the draft's page texts (ecabinet.pdf.text_layout.page_texts),
    ``anchors`` the character index at the height of each note without a quote."""
    placed = []
    for note in notes:
        quote, said = _words(note.quote), note.text.strip()
        if not quote and not said:
            continue  # a drawing with no words carries nothing an opinion could say
        at = _offset(note, pages, anchors)
        text = pages[note.page] if note.page < len(pages) else ""
        # The line the note starts on counts as above it: a note on "1. ..." is on clause 1.
        line = note.quote if note.quote.strip() else text[at:]
        before = "\n".join([*pages[: note.page], text[:at] + (line.splitlines() or [""])[0]])
        placed.append((note.page, at, note.created_at, note, article_above(before)))
    lines = []
    for page, _at, _when, note, article in sorted(placed, key=lambda p: p[:3]):
        quote, said = _words(note.quote), note.text.strip()
        if len(quote) > QUOTE_CHARS:
            quote = quote[:QUOTE_CHARS].rstrip() + "…"
        where = f"Trang {page + 1}" + (f", {article}" if article else "")
        body = " — ".join(part for part in (f"“{quote}”" if quote else "", said) if part)
        lines.append(f"{where}: {body}")
    return "\n".join(lines)


def opinion_from_notes(
    account: Member, document_id: str, note_ids: Collection[str] | None = None
) -> str:
    """The opinion composed from the member's own notes on the current version of a document:
    those of ``note_ids``, or all of them. Notes others shared are their words, not the
    member's, and are left out. NoteError when the document or its file is not here."""
    version = current_version(account, document_id)
    me = account.store.get_state("user_id")
    notes = [
        n
        for n in notes_on(account, version.id)
        if n.author_id == me and (note_ids is None or n.id in note_ids)
    ]
    if not notes:
        raise NoteError("You have no notes on this document to make an opinion from.")
    data = version_bytes(account, version.id)
    pages = [p.text for p in page_texts(data)]
    anchors = {
        n.id: index_at_height(data, n.page, _top(n))
        for n in notes
        if not n.quote.strip() and n.page < len(pages)
    }
    return compose_opinion(notes, pages, anchors)


def ballot_opinion(account: Member, ballot_id: str, document_id: str) -> str:
    """The opinion from all the member's notes on a draft of a written ballot; a document of
    another ballot or of a meeting is refused (its pages would be cited in the wrong reply)."""
    document = account.store.get("document", document_id)
    if not isinstance(document, DocumentData) or document.ballot_id != ballot_id:
        raise NoteError("This document is not a draft of this written ballot (see: ballots).")
    return opinion_from_notes(account, document_id)


@dataclass(frozen=True)
class Targets:
    """Where an opinion on a document may go: ("", "") when it may go nowhere."""

    ballot: tuple[str, str] = ("", "")  # id, title of the open ballot the draft belongs to
    item: tuple[str, str] = ("", "")  # id, title of the agenda item, not yet decided


def opinion_targets(account: Member, document_id: str) -> Targets:
    """The ballot the member may still reply to whose draft this is, and the agenda item the
    document belongs to while the member may mark a position on it; the Government Office
    records and never gives an opinion (rule 8)."""
    store = account.store
    document = store.get("document", document_id)
    if not isinstance(document, DocumentData) or not marks_and_votes(account):
        return Targets()
    ballot = store.get("ballot", document.ballot_id or "")
    item = store.get("agenda_item", document.agenda_item_id or "")
    open_ballot = (
        isinstance(ballot, BallotData)
        and ballot.status == BallotStatus.OPEN
        and store.get_state("user_id") in ballot.voter_ids
    )
    return Targets(
        (ballot.id, ballot.title) if open_ballot and isinstance(ballot, BallotData) else ("", ""),
        (item.id, item.title)
        if isinstance(item, AgendaItemData) and item.status != ItemStatus.CLOSED
        else ("", ""),
    )


def _top(note: AnnotationData) -> float:
    """The height of a note without a quote: its box, or the highest point of its strokes."""
    tops = [r[1] for r in note.rects] + [p[1] for stroke in note.points for p in stroke]
    return min(tops, default=0.0)

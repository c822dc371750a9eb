"""Search across every document on the laptop: SQLite FTS5 over the text of each page.

Pages are indexed twice in one FTS5 table: folded (ecabinet.client.search_text), so typing
without diacritics finds the accented words, and as written, so a query typed with diacritics
ranks the pages that spell it so first. The original text is kept beside it to cut snippets
(ecabinet.client.search_snippet). Ranking comes in tiers (ecabinet.client.search_query), bm25
within each. Only the current version of each document is searched: a hit opens the document,
and the reader opens its current version. Indexing extracts text with pypdf and runs on a
worker thread after a sync; what it writes (the schema once, each version's pages) goes through
the writer it is given, so in the window the one local lane makes every write of the store.
Searching runs on a worker too.
"""

from __future__ import annotations

import io
import json
import logging
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from ecabinet.client.search_query import expressions, parse
from ecabinet.client.search_snippet import SNIPPET_RADIUS, make_snippet
from ecabinet.client.search_text import fold
from ecabinet.client.signed_in import Writer, direct
from ecabinet.client.store import LocalStore
from ecabinet.client.vault import DamagedFile
from ecabinet.domain import DocumentKind
from ecabinet.wire.objects import (
    AgendaItemData,
    BallotData,
    DocumentData,
    DocumentVersionData,
    MeetingData,
)

__all__ = [
    "PAGE_SIZE",
    "SNIPPET_RADIUS",
    "SearchHit",
    "SearchIndex",
    "SearchResults",
    "make_snippet",
]

log = logging.getLogger(__name__)

PAGE_SIZE = 50  # results per page; "Xem thêm" asks for the next page

_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS page_index USING fts5("
    "version_id UNINDEXED, page UNINDEXED, folded, exact, "
    "tokenize='unicode61 remove_diacritics 0')"
)
# Which version and page each row of the index is. FTS5 keeps its UNINDEXED columns with the
# page's text, so reading a match's version there reads (and, in the encrypted store, decrypts)
# the whole page: filtering thousands of matches by version cost ten times the search itself.
_ROWS = (
    "CREATE TABLE IF NOT EXISTS page_rows (row INTEGER PRIMARY KEY, version_id TEXT NOT NULL, "
    "page INTEGER NOT NULL)"
)
_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS page_text (version_id TEXT, page INTEGER, body TEXT, "
    "PRIMARY KEY (version_id, page))",
    "CREATE TABLE IF NOT EXISTS indexed_versions (version_id TEXT PRIMARY KEY, pages INTEGER)",
]


@dataclass(frozen=True)
class SearchHit:
    version_id: str
    document_id: str
    document_title: str
    page: int  # 1-based, as the member reads it
    snippet: str
    marks: tuple[tuple[int, int], ...]  # spans of ``snippet`` that matched
    kind: DocumentKind = DocumentKind.OTHER
    meeting_id: str = ""
    meeting_title: str = ""  # "" for a ballot's draft
    item_position: int = 0  # the agenda item's number as the agenda shows it; 0 if none
    item_title: str = ""
    ballot_title: str = ""  # the written ballot the document belongs to, if any
    origin: str = ""  # the sender's number and date, for a document received over the exchange

    def marked(self, left: str = "«", right: str = "»") -> str:
        out, last = [], 0
        for start, end in self.marks:
            out += [self.snippet[last:start], left, self.snippet[start:end], right]
            last = end
        out.append(self.snippet[last:])
        return "".join(out)


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit]
    total: int  # pages matching, over every page of results
    offset: int

    @property
    def more(self) -> bool:
        return self.offset + len(self.hits) < self.total


@dataclass(frozen=True)
class _Place:
    document: DocumentData
    meeting: MeetingData | None
    item: AgendaItemData | None
    ballot: BallotData | None

    @classmethod
    def of(cls, document: str, item: str | None, meeting: str | None, ballot: str | None) -> _Place:
        return cls(
            DocumentData.model_validate_json(document),
            MeetingData.model_validate_json(meeting) if meeting else None,
            AgendaItemData.model_validate_json(item) if item else None,
            BallotData.model_validate_json(ballot) if ballot else None,
        )


class SearchIndex:
    def __init__(self, store: LocalStore, write: Writer = direct) -> None:
        self.store = store
        self.write = write
        # Read first, so that a laptop whose index is current never waits for the writer;
        # an index missing, or made by a version without the exact column, is (re)made.
        with store.engine.connect() as conn:
            index = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'page_index'")
            ).scalar()
            kept = conn.execute(
                text(
                    "SELECT count(*) FROM sqlite_master "
                    "WHERE name IN ('indexed_versions', 'page_rows')"
                )
            ).scalar()
        if index is None or " exact" not in str(index) or kept != 2:
            write(self._make_schema)

    def _make_schema(self) -> None:
        with self.store.engine.begin() as conn:
            for statement in _SCHEMA:
                conn.execute(text(statement))
            _upgrade(conn)

    def index_new_documents(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Index every downloaded version not yet indexed; returns how many were added."""
        with self.store.engine.connect() as conn:
            done = {row[0] for row in conn.execute(text("SELECT version_id FROM indexed_versions"))}
        todo = [
            v
            for v in self.store.list("document_version")
            if isinstance(v, DocumentVersionData)
            and v.id not in done
            and self.store.vault.has(v.sha256)
        ]
        for number, version in enumerate(todo, start=1):
            self._index(version.id, version.sha256)
            if progress is not None:
                progress(number, len(todo))
        return len(todo)

    def _index(self, version_id: str, sha256: str) -> None:
        # pypdf (with fontTools) on the indexing worker, never at the window's start.
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        try:
            data = self.store.vault.read(sha256)
            pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
        except (PyPdfError, ValueError, OSError, DamagedFile) as error:
            log.warning("could not read the text of %s: %s", version_id, error)
            pages = []
        self.write(lambda: self._keep(version_id, pages))

    def _keep(self, version_id: str, pages: list[str]) -> None:
        with self.store.engine.begin() as conn:
            # Two runs may have read the version as not yet indexed (one after a sync, one
            # asked by a search): the second to write keeps nothing, or every page is found twice.
            if not conn.execute(
                text("SELECT 1 FROM indexed_versions WHERE version_id = :v"), {"v": version_id}
            ).first():
                add_pages(conn, version_id, pages)

    def search(
        self,
        query: str,
        limit: int = PAGE_SIZE,
        *,
        offset: int = 0,
        meeting_id: str | None = None,
        kind: DocumentKind | None = None,
    ) -> list[SearchHit]:
        return self.find(query, limit, offset=offset, meeting_id=meeting_id, kind=kind).hits

    def find(
        self,
        query: str,
        limit: int = PAGE_SIZE,
        *,
        offset: int = 0,
        meeting_id: str | None = None,
        kind: DocumentKind | None = None,
    ) -> SearchResults:
        """One page of results, best first, only among the documents the filters let in."""
        parsed = parse(query)
        arms = expressions(parsed)
        if not arms:
            return SearchResults([], 0, offset)
        filters = {"meeting": meeting_id or "", "kind": kind or ""}
        with self.store.engine.connect() as conn:
            allowed = json.dumps(conn.execute(text(_ALLOWED), filters).scalars().all())
            # Counting is cheap (no ranking); only the tiers that reach into the page asked
            # for are ranked, so a common word's thousand loose matches cost nothing when
            # the first tier fills the page.
            counts = [
                int(conn.execute(text(_COUNT), {"q": arm, "allowed": allowed}).scalar() or 0)
                for arm in arms
            ]
            found: list[tuple[str, int]] = []
            skip = offset
            for arm, count in zip(arms, counts, strict=True):
                if len(found) >= limit:
                    break
                if skip >= count:
                    skip -= count
                    continue
                ranked = conn.execute(
                    text(_RANKED),
                    {"q": arm, "allowed": allowed, "n": limit - len(found), "o": skip},
                )
                found += [(str(v), int(p)) for v, p in ranked]
                skip = 0
            rows = conn.execute(text(_DETAILS), {"found": json.dumps(found)}).all() if found else []
        hits = []
        for version_id, page, body, *records in rows:
            snippet, marks = make_snippet(body, parsed)
            hits.append(_hit(_Place.of(*records), version_id, int(page) + 1, snippet, marks))
        return SearchResults(hits, sum(counts), offset)


# The local store's records (ecabinet.client.store.Record: type, id, parent_id, data as JSON)
# are read here directly, so that filtering and naming the documents costs a query, not a
# parse of every document on the laptop per keystroke. Only the current version of each
# document is searched; the bodies are read for the one page of results only.
_ALLOWED = """
SELECT json_extract(d.data, '$.current_version_id')
FROM records d LEFT JOIN records i ON i.type = 'agenda_item' AND i.id = d.parent_id
WHERE d.type = 'document' AND json_extract(d.data, '$.current_version_id') IS NOT NULL
AND (:kind = '' OR json_extract(d.data, '$.kind') = :kind)
AND (:meeting = '' OR i.parent_id = :meeting)
"""
# CROSS JOIN keeps the match as the outer loop: each match looks its version up by rowid,
# instead of the index being asked once per allowed row.
_MATCHES = (
    "FROM page_index CROSS JOIN page_rows r ON r.row = page_index.rowid "
    "WHERE page_index MATCH :q AND r.version_id IN (SELECT value FROM json_each(:allowed))"
)
_COUNT = f"SELECT count(*) {_MATCHES}"
_RANKED = (
    f"SELECT r.version_id, r.page {_MATCHES} "
    "ORDER BY page_index.rank, page_index.rowid LIMIT :n OFFSET :o"
)
_DETAILS = """
WITH found AS (
    SELECT key AS n, json_extract(value, '$[0]') AS version_id, json_extract(value, '$[1]') AS page
    FROM json_each(:found)
)
SELECT f.version_id, f.page, t.body, d.data, i.data, mt.data, b.data
FROM found f
JOIN page_text t ON t.version_id = f.version_id AND t.page = f.page
JOIN records v ON v.type = 'document_version' AND v.id = f.version_id
JOIN records d ON d.type = 'document' AND d.id = v.parent_id
LEFT JOIN records i ON i.type = 'agenda_item' AND i.id = d.parent_id
LEFT JOIN records mt ON mt.type = 'meeting' AND mt.id = i.parent_id
LEFT JOIN records b ON b.type = 'ballot' AND b.id = json_extract(d.data, '$.ballot_id')
ORDER BY f.n
"""


def _hit(
    place: _Place, version_id: str, page: int, snippet: str, marks: tuple[tuple[int, int], ...]
) -> SearchHit:
    doc, item, meeting = place.document, place.item, place.meeting
    return SearchHit(
        version_id,
        doc.id,
        doc.title,
        page,
        snippet,
        marks,
        kind=doc.kind,
        meeting_id=meeting.id if meeting else "",
        meeting_title=meeting.title if meeting else "",
        item_position=item.position if item else 0,
        item_title=item.title if item else "",
        ballot_title=place.ballot.title if place.ballot else "",
        origin=doc.origin,
    )


def add_pages(conn: Connection, version_id: str, pages: list[str]) -> None:
    """Index the text of a version's pages (0-based, in order) in the caller's transaction."""
    for number, body in enumerate(pages):
        _index_page(conn, version_id, number, body)
        conn.execute(
            text("INSERT OR REPLACE INTO page_text VALUES (:v, :p, :b)"),
            {"v": version_id, "p": number, "b": body},
        )
    conn.execute(
        text("INSERT OR REPLACE INTO indexed_versions VALUES (:v, :n)"),
        {"v": version_id, "n": len(pages)},
    )


def _index_page(conn: Connection, version_id: str, page: int, body: str) -> None:
    written = unicodedata.normalize("NFC", body)
    row = conn.execute(
        text("INSERT INTO page_index (version_id, page, folded, exact) VALUES (:v, :p, :f, :e)"),
        {"v": version_id, "p": page, "f": fold(written), "e": written},
    ).lastrowid
    conn.execute(
        text("INSERT INTO page_rows VALUES (:r, :v, :p)"), {"r": row, "v": version_id, "p": page}
    )


def _upgrade(conn: Connection) -> None:
    """Make the index, or remake one from a version that kept only the folded text or had no
    table of rows.

    FTS5 tables take no new column; the kept original text (page_text) is all it needs, so no
    document is read again.
    """
    old = conn.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'page_index'")
    ).scalar()
    rows_kept = conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'page_rows'")).first()
    if old is not None and " exact" in str(old) and rows_kept:
        return
    if old is not None:
        conn.execute(text("DROP TABLE page_index"))
    conn.execute(text("DROP TABLE IF EXISTS page_rows"))
    conn.execute(text(_TABLE))
    conn.execute(text(_ROWS))
    for version_id, page, body in conn.execute(
        text("SELECT version_id, page, body FROM page_text")
    ).all():
        _index_page(conn, version_id, page, body)

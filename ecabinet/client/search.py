"""Search across every document on the laptop: SQLite FTS5 over the text of each page.

Pages are indexed folded (ecabinet.client.search_text), so typing without diacritics finds the
accented words; the original text is kept beside it to cut snippets with the match marked.
Indexing extracts text with pypdf and runs on a worker thread after a sync; what it writes
(the schema once, each version's pages) goes through the writer it is given, so in the window
the one local lane makes every write of the store.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from sqlalchemy import text

from ecabinet.client.search_text import fold, terms
from ecabinet.client.signed_in import Writer, direct
from ecabinet.client.store import LocalStore
from ecabinet.client.vault import DamagedFile
from ecabinet.wire.objects import DocumentData, DocumentVersionData

log = logging.getLogger(__name__)

SNIPPET_RADIUS = 70

_SCHEMA = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS page_index USING fts5("
    "version_id UNINDEXED, page UNINDEXED, folded, tokenize='unicode61')",
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

    def marked(self, left: str = "«", right: str = "»") -> str:
        out, last = [], 0
        for start, end in self.marks:
            out += [self.snippet[last:start], left, self.snippet[start:end], right]
            last = end
        out.append(self.snippet[last:])
        return "".join(out)


class SearchIndex:
    def __init__(self, store: LocalStore, write: Writer = direct) -> None:
        self.store = store
        self.write = write
        with store.engine.connect() as conn:
            made = conn.execute(
                text("SELECT 1 FROM sqlite_master WHERE name = 'indexed_versions'")
            ).first()
        if made is None:
            write(self._make_schema)

    def _make_schema(self) -> None:
        with self.store.engine.begin() as conn:
            for statement in _SCHEMA:
                conn.execute(text(statement))

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
        try:
            data = self.store.vault.read(sha256)
            pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
        except (PyPdfError, ValueError, OSError, DamagedFile) as error:
            log.warning("could not read the text of %s: %s", version_id, error)
            pages = []
        self.write(lambda: self._keep(version_id, pages))

    def _keep(self, version_id: str, pages: list[str]) -> None:
        with self.store.engine.begin() as conn:
            for number, body in enumerate(pages):
                conn.execute(
                    text("INSERT INTO page_index (version_id, page, folded) VALUES (:v, :p, :f)"),
                    {"v": version_id, "p": number, "f": fold(body)},
                )
                conn.execute(
                    text("INSERT OR REPLACE INTO page_text VALUES (:v, :p, :b)"),
                    {"v": version_id, "p": number, "b": body},
                )
            conn.execute(
                text("INSERT OR REPLACE INTO indexed_versions VALUES (:v, :n)"),
                {"v": version_id, "n": len(pages)},
            )

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        words = terms(query)
        if not words:
            return []
        expression = " ".join(f'"{w}"*' for w in words)
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT i.version_id, i.page, t.body FROM page_index i "
                    "JOIN page_text t ON t.version_id = i.version_id AND t.page = i.page "
                    "WHERE page_index MATCH :q ORDER BY rank LIMIT :n"
                ),
                {"q": expression, "n": limit},
            ).all()
        hits = []
        for version_id, page, body in rows:
            version = self.store.get("document_version", version_id)
            doc = (
                self.store.get("document", version.document_id)
                if isinstance(version, DocumentVersionData)
                else None
            )
            if not isinstance(version, DocumentVersionData) or not isinstance(doc, DocumentData):
                continue  # the document left this laptop since it was indexed
            snippet, marks = make_snippet(body, words)
            hits.append(SearchHit(version_id, doc.id, doc.title, int(page) + 1, snippet, marks))
        return hits


def make_snippet(body: str, words: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of the original text around the first match, with every match in it."""
    # One line, in NFC: fold() keeps positions aligned with NFC text.
    original = unicodedata.normalize("NFC", " ".join(body.split()))
    folded = fold(original)
    first = min((i for i in (folded.find(w) for w in words) if i >= 0), default=0)
    start = max(0, first - SNIPPET_RADIUS)
    end = min(len(original), first + SNIPPET_RADIUS)
    window, window_folded = original[start:end], folded[start:end]
    marks: list[tuple[int, int]] = []
    for word in words:
        at = window_folded.find(word)
        while at >= 0:
            marks.append((at, at + len(word)))
            at = window_folded.find(word, at + len(word))
    merged: list[tuple[int, int]] = []
    for span in sorted(marks):
        if merged and span[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]))
        else:
            merged.append(span)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(original) else ""
    shift = len(prefix)
    return (prefix + window + suffix, tuple((a + shift, b + shift) for a, b in merged))

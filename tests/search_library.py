"""A laptop's store with meetings, agenda items and documents whose pages are indexed, written
as a sync would write them (through the feed's pages), for search tests and the benchmark."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from ecabinet.client.search import SearchIndex, add_pages
from ecabinet.client.store import LocalStore
from ecabinet.domain import DocumentKind
from ecabinet.wire.sync import Change, ChangesPage

NOW = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)


class Library:
    def __init__(self, store: LocalStore) -> None:
        self.store = store
        self.index = SearchIndex(store)
        self.seq = 0

    def _put(self, type_: Any, data: dict[str, Any]) -> str:
        self.seq += 1
        data.setdefault("id", str(uuid.uuid4()))
        change = Change(seq=self.seq, type=type_, id=data["id"], data=data)
        self.store.apply_page(ChangesPage(changes=[change], cursor=str(self.seq)))
        return str(data["id"])

    def meeting(self, title: str) -> str:
        return self._put(
            "meeting",
            {
                "kind": "regular",
                "title": title,
                "starts_at": NOW.isoformat(),
                "status": "published",
            },
        )

    def item(self, meeting_id: str, title: str, position: int = 1) -> str:
        return self._put(
            "agenda_item", {"meeting_id": meeting_id, "position": position, "title": title}
        )

    def document(
        self,
        title: str,
        pages: list[str],
        *,
        item_id: str | None = None,
        kind: DocumentKind = DocumentKind.DRAFT,
    ) -> str:
        """A document with one version, its pages indexed."""
        document_id, version_id = self._document(title, "0" * 64, len(pages), item_id, kind)
        with self.store.engine.begin() as conn:
            add_pages(conn, version_id, pages)
        return document_id

    def pdf(
        self,
        title: str,
        data: bytes,
        *,
        item_id: str | None = None,
        kind: DocumentKind = DocumentKind.DRAFT,
    ) -> str:
        """A document whose one version is a real PDF kept in the vault, as a download keeps
        it; ``index.index_new_documents()`` reads its text as it reads a synced file's."""
        sha256 = self.store.vault.keep(data)
        return self._document(title, sha256, 1, item_id, kind)[0]

    def _document(
        self, title: str, sha256: str, pages: int, item_id: str | None, kind: DocumentKind
    ) -> tuple[str, str]:
        document_id, version_id = str(uuid.uuid4()), str(uuid.uuid4())
        self._put(
            "document",
            {
                "id": document_id,
                "agenda_item_id": item_id,
                "kind": kind.value,
                "title": title,
                "current_version_id": version_id,
            },
        )
        self._put(
            "document_version",
            {
                "id": version_id,
                "document_id": document_id,
                "number": 1,
                "sha256": sha256,
                "size": 1,
                "pages": pages,
                "filename": "draft.pdf",
                "created_at": NOW.isoformat(),
            },
        )
        return document_id, version_id

"""Typed reads of the local store: what the screens and the core's functions ask of it.

The replica keeps every record as JSON under a type name and the profile's own facts as
strings (``sync_state``); this is the one place that knows those names and formats, so no
caller filters records by ``isinstance`` or splits a state string. Each read returns the
frozen wire models (``ecabinet.wire.objects``) or plain values. ``LocalStore`` inherits these
reads; the generic record and state access they build on stays in ``store``.
Worker threads (the local lane, or the command line); each read opens its own session.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import TypeVar

from ecabinet.domain import Role
from ecabinet.wire.base import WireModel
from ecabinet.wire.objects import (
    AgendaItemData,
    AnnotationData,
    BallotData,
    DocumentData,
    DocumentVersionData,
    MeetingData,
    ResultData,
    SpeakerRequestData,
    UserData,
)

T = TypeVar("T", bound=WireModel)

LAST_PAGE = "last_page:"  # + document id -> the 0-based page the member last read


class StoreReads(ABC):
    """The typed reads, over the generic access a store provides."""

    @abstractmethod
    def get(self, type_: str, id_: str) -> WireModel | None: ...

    @abstractmethod
    def list(self, type_: str, parent_id: str | None = None) -> list[WireModel]: ...

    @abstractmethod
    def get_state(self, key: str, default: str = "") -> str: ...

    # --- records ------------------------------------------------------------------------

    def meetings(self) -> Sequence[MeetingData]:
        """Every meeting the member may see, earliest first."""
        return self._typed(MeetingData, "meeting")

    def meeting(self, meeting_id: str) -> MeetingData | None:
        return self._one(MeetingData, "meeting", meeting_id)

    def agenda_items(self, meeting_id: str) -> Sequence[AgendaItemData]:
        return self._typed(AgendaItemData, "agenda_item", meeting_id)

    def agenda_item(self, item_id: str) -> AgendaItemData | None:
        return self._one(AgendaItemData, "agenda_item", item_id)

    def documents(self, agenda_item_id: str) -> Sequence[DocumentData]:
        return self._typed(DocumentData, "document", agenda_item_id)

    def document(self, document_id: str) -> DocumentData | None:
        return self._one(DocumentData, "document", document_id)

    def versions(self, document_id: str | None = None) -> Sequence[DocumentVersionData]:
        """The versions of one document, oldest first; without an id, every version held."""
        return self._typed(DocumentVersionData, "document_version", document_id)

    def ballots(self) -> Sequence[BallotData]:
        """Written ballots, the nearest deadline first."""
        return self._typed(BallotData, "ballot")

    def results(self) -> Sequence[ResultData]:
        return self._typed(ResultData, "result")

    def annotations(self, document_version_id: str, author_id: str) -> Sequence[AnnotationData]:
        """One author's marks on a version (the member's own, or a colleague's shared ones)."""
        marks = self._typed(AnnotationData, "annotation", document_version_id)
        return [mark for mark in marks if mark.author_id == author_id]

    def users(self) -> Sequence[UserData]:
        """Every user the member may see, in the body's order (sort_order)."""
        return self._typed(UserData, "user")

    def user(self, user_id: str) -> UserData | None:
        return self._one(UserData, "user", user_id)

    def user_names(self) -> dict[str, str]:
        """User id -> full name, for showing who did what."""
        return {u.id: u.full_name for u in self.users()}

    def speaker_requests(self, item_id: str) -> Sequence[SpeakerRequestData]:
        """An item's requests to speak as last synced, withdrawn ones included, in place order."""
        return self._typed(SpeakerRequestData, "speaker_request", item_id)

    # --- the profile's own facts ------------------------------------------------------------

    def user_id(self) -> str:
        """The signed-in user's id ("" before the first sign-in)."""
        return self.get_state("user_id")

    def roles(self) -> frozenset[Role]:
        """The signed-in user's roles as the server last said; a role this version does not
        know gives nothing."""
        known = {role.value for role in Role}
        return frozenset(Role(r) for r in self.get_state("roles").split(",") if r in known)

    def body(self) -> tuple[str, str]:
        """The code and name of the body the user signed in to, as the server said ("" each
        from a server that did not)."""
        return self.get_state("body_code"), self.get_state("body_name")

    def server_url(self) -> str:
        """The address of the server the profile signs in to ("" before the first sign-in)."""
        return self.get_state("server_url")

    def online(self) -> bool:
        """Whether the last sync reached the server."""
        return self.get_state("online") == "1"

    def last_success_at(self) -> str:
        """When a sync last reached the server (ISO 8601, "" if never)."""
        return self.get_state("last_success_at")

    def cursor(self) -> str:
        """The feed cursor the laptop has applied ("" before the first pull)."""
        return self.get_state("cursor")

    def last_page(self, document_id: str) -> int | None:
        """The page of a document the member last read (0-based), if one was kept."""
        value = self.get_state(LAST_PAGE + document_id)
        return int(value) if value.isdigit() else None

    # --- helpers ------------------------------------------------------------------------

    def _typed(self, model: type[T], type_: str, parent_id: str | None = None) -> Sequence[T]:
        return [obj for obj in self.list(type_, parent_id) if isinstance(obj, model)]

    def _one(self, model: type[T], type_: str, id_: str) -> T | None:
        obj = self.get(type_, id_)
        return obj if isinstance(obj, model) else None

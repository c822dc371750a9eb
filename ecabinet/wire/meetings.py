"""Meetings, agenda items, documents, attendance and conclusions as the Government Office
prepares them: the bodies it sends and the answers it reads (routes/meetings.py, agenda.py,
session.py). The quorum and the live count are in ``ecabinet.wire.session``.

Pure data; the server validates them on the request's worker thread before a handler runs.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Self

from pydantic import AwareDatetime, Field, field_validator, model_validator

from ecabinet.domain import DocumentKind, InvitationKind, ItemStatus, MeetingKind
from ecabinet.wire.base import Patch, WireModel
from ecabinet.wire.objects import safe_filename


class InvitationIn(WireModel):
    user_id: str = Field(max_length=36)
    kind: InvitationKind = InvitationKind.MEMBER
    agenda_item_ids: list[str] = Field(default_factory=list, max_length=200)


class MeetingCreate(WireModel):
    kind: MeetingKind
    title: str = Field(min_length=1, max_length=200)
    starts_at: AwareDatetime
    ends_at: AwareDatetime | None = None
    place: str = Field(default="", max_length=200)
    chair_id: str | None = Field(default=None, max_length=36)
    invitations: list[InvitationIn] = Field(default_factory=list, max_length=500)

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.ends_at is not None and self.ends_at < self.starts_at:
            raise ValueError("ends_at is before starts_at")
        return self


class MeetingUpdate(Patch):
    nullable: ClassVar[frozenset[str]] = frozenset({"ends_at", "chair_id"})

    kind: MeetingKind | None = None
    title: str | None = Field(default=None, min_length=1, max_length=200)
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    place: str | None = Field(default=None, max_length=200)
    chair_id: str | None = Field(default=None, max_length=36)


class MeetingPublic(WireModel):
    id: str
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime | None
    place: str
    status: str
    chair_id: str | None
    published_at: datetime | None
    started_at: datetime | None = None


class InvitationsPut(WireModel):
    invitations: list[InvitationIn] = Field(max_length=500)


class AttendancePut(WireModel):
    present_user_ids: list[str] = Field(max_length=500)
    # Members who checked in from their laptop stay present unless named here: a list the
    # office made before their check-in arrived does not undo it.
    absent_user_ids: list[str] = Field(default_factory=list, max_length=500)


class ItemCreate(WireModel):
    title: str = Field(min_length=1, max_length=1000)
    presenter: str = Field(default="", max_length=200)
    minutes_allotted: int = Field(default=0, ge=0, le=600)
    paper_only: bool = False
    position: int | None = Field(
        default=None, ge=1, description="Where to insert it (1 = first); the end if left out."
    )


class ItemUpdate(Patch):
    title: str | None = Field(default=None, min_length=1, max_length=1000)
    presenter: str | None = Field(default=None, max_length=200)
    minutes_allotted: int | None = Field(default=None, ge=0, le=600)
    paper_only: bool | None = None
    status: ItemStatus | None = None


class ItemOrder(WireModel):
    item_ids: list[str] = Field(max_length=200)


class ItemPublic(WireModel):
    id: str
    meeting_id: str
    position: int
    title: str
    presenter: str
    minutes_allotted: int
    status: str
    paper_only: bool
    vote_status: str
    consent_pulled_by: str | None = None


class DocumentCreate(WireModel):
    kind: DocumentKind
    title: str = Field(min_length=1, max_length=1000)
    allow_copy: bool = True
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    filename: str = Field(max_length=200)

    _check_filename = field_validator("filename")(safe_filename)


class VersionCreate(WireModel):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    filename: str = Field(max_length=200)

    _check_filename = field_validator("filename")(safe_filename)


class DocumentUpdate(Patch):
    title: str | None = Field(default=None, min_length=1, max_length=1000)
    kind: DocumentKind | None = None
    allow_copy: bool | None = None


class DocumentPublic(WireModel):
    id: str
    kind: str
    title: str
    allow_copy: bool
    current_version_id: str | None
    versions: list[int]
    origin: str = ""


class ConclusionCreate(WireModel):
    text: str = Field(min_length=1, max_length=20_000)


class ConclusionPublic(WireModel):
    id: str
    agenda_item_id: str
    text: str
    created_at: datetime


class ConsentAdopt(WireModel):
    item_ids: list[str] = Field(min_length=1, max_length=200)

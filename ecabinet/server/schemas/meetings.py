"""Meetings, agenda items, documents, attendance, votes and conclusions on the wire.

Pure pydantic models, validated on the request's worker thread before a handler runs.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Self

from pydantic import AwareDatetime, BaseModel, Field, field_validator, model_validator

from ecabinet.domain import DocumentKind, InvitationKind, ItemStatus, MeetingKind
from ecabinet.server.schemas.common import Patch
from ecabinet.wire.objects import safe_filename


class InvitationIn(BaseModel):
    user_id: str = Field(max_length=36)
    kind: InvitationKind = InvitationKind.MEMBER
    agenda_item_ids: list[str] = Field(default_factory=list, max_length=200)


class MeetingCreate(BaseModel):
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


class MeetingPublic(BaseModel):
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


class InvitationsPut(BaseModel):
    invitations: list[InvitationIn] = Field(max_length=500)


class AttendancePut(BaseModel):
    present_user_ids: list[str] = Field(max_length=500)
    # Members who checked in from their laptop stay present unless named here: a list the
    # office made before their check-in arrived does not undo it.
    absent_user_ids: list[str] = Field(default_factory=list, max_length=500)


class QuorumPublic(BaseModel):
    total_members: int
    present_members: int
    needed: int
    has_quorum: bool


class ItemCreate(BaseModel):
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


class ItemOrder(BaseModel):
    item_ids: list[str] = Field(max_length=200)


class ItemPublic(BaseModel):
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


class DocumentCreate(BaseModel):
    kind: DocumentKind
    title: str = Field(min_length=1, max_length=1000)
    allow_copy: bool = True
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    filename: str = Field(max_length=200)

    _check_filename = field_validator("filename")(safe_filename)


class VersionCreate(BaseModel):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    filename: str = Field(max_length=200)

    _check_filename = field_validator("filename")(safe_filename)


class DocumentUpdate(Patch):
    title: str | None = Field(default=None, min_length=1, max_length=1000)
    kind: DocumentKind | None = None
    allow_copy: bool | None = None


class DocumentPublic(BaseModel):
    id: str
    kind: str
    title: str
    allow_copy: bool
    current_version_id: str | None
    versions: list[int]


class ReadPublic(BaseModel):
    user_id: str
    version_number: int
    first_read_at: datetime


class VoteCount(BaseModel):
    vote_status: str
    agree: int
    disagree: int
    abstain: int
    not_voted: int
    quorum: QuorumPublic


class ConclusionCreate(BaseModel):
    text: str = Field(min_length=1, max_length=20_000)


class ConclusionPublic(BaseModel):
    id: str
    agenda_item_id: str
    text: str
    created_at: datetime

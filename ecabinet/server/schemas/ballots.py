"""Written ballots as the Government Office prepares and watches them.

Pure pydantic models, validated on the request's worker thread before a handler runs.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, Field, field_validator

from ecabinet.domain import DocumentKind
from ecabinet.server.schemas.common import Patch
from ecabinet.wire.objects import safe_filename


class BallotDocumentIn(BaseModel):
    kind: DocumentKind = DocumentKind.DRAFT
    title: str = Field(min_length=1, max_length=1000)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    filename: str = Field(max_length=200)

    _check_filename = field_validator("filename")(safe_filename)


class BallotCreate(BaseModel):
    title: str = Field(min_length=1, max_length=1000)
    question: str = Field(min_length=1, max_length=20_000)
    deadline: AwareDatetime
    voter_ids: list[str] | None = Field(default=None, max_length=500)
    chair_id: str | None = Field(default=None, max_length=36)
    documents: list[BallotDocumentIn] = Field(default_factory=list, max_length=50)


class BallotUpdate(Patch):
    title: str | None = Field(default=None, min_length=1, max_length=1000)
    question: str | None = Field(default=None, min_length=1, max_length=20_000)
    deadline: AwareDatetime | None = None
    voter_ids: list[str] | None = Field(default=None, max_length=500)


class BallotPublic(BaseModel):
    id: str
    title: str
    question: str
    status: str
    deadline: datetime
    voter_ids: list[str]
    chair_id: str | None
    sent_at: datetime | None
    closed_at: datetime | None
    reminded_at: datetime | None


class ReplyPublic(BaseModel):
    id: str
    user_id: str
    choice: str
    comment: str
    received_at: datetime
    late: bool
    current: bool
    signed_pdf: str


class BallotReplies(BaseModel):
    replies: list[ReplyPublic]
    not_answered: list[str]


class ResultPublic(BaseModel):
    id: str
    subject: str
    agenda_item_id: str | None
    ballot_id: str | None
    data: dict[str, object]
    published_at: datetime

"""Written ballots as the Government Office prepares and watches them (routes/ballots.py),
the reads of a document and the members' laptops, for the office's desktop.

Pure data; the server validates the bodies on the request's worker thread before a handler runs.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, Field, field_validator

from ecabinet.domain import DocumentKind
from ecabinet.wire.base import MAX_LIST, Id, Patch, Sha256, ShortText, Text, UtcTime, WireModel
from ecabinet.wire.objects import safe_filename


class BallotDocumentIn(WireModel):
    kind: DocumentKind = DocumentKind.DRAFT
    title: str = Field(min_length=1, max_length=1000)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    filename: str = Field(max_length=200)

    _check_filename = field_validator("filename")(safe_filename)


class BallotCreate(WireModel):
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


class OfficeBallot(WireModel):
    id: Id
    title: Text
    question: Text
    status: ShortText
    deadline: UtcTime
    voter_ids: list[Id] = Field(default_factory=list, max_length=MAX_LIST)
    chair_id: Id | None = None
    sent_at: UtcTime | None = None
    closed_at: UtcTime | None = None
    reminded_at: UtcTime | None = None


class OfficeReply(WireModel):
    id: Id
    user_id: Id
    choice: ShortText
    comment: Text = ""
    received_at: UtcTime
    late: bool = False
    current: bool = True
    signed_pdf: Sha256
    long_term_pdf: Sha256 | None = None  # the form with its long-term evidence


class OfficeReplies(WireModel):
    replies: list[OfficeReply] = Field(default_factory=list, max_length=MAX_LIST)
    not_answered: list[Id] = Field(default_factory=list, max_length=MAX_LIST)


class ResultPublic(WireModel):
    """A published result (POST /ballots/{id}/close, GET /results): its counted figures in
    ``data``, as the feed's ``result`` carries them."""

    id: str
    subject: str
    agenda_item_id: str | None
    ballot_id: str | None
    data: dict[str, object]
    published_at: datetime


class ReadPublic(WireModel):
    """Who first opened which version of a document (GET /documents/{id}/reads)."""

    user_id: Id
    version_number: int
    first_read_at: UtcTime


class DeviceSeen(WireModel):
    """A member's laptop and when it last reached the server (GET /devices)."""

    id: Id
    user_id: Id
    name: ShortText
    created_at: UtcTime
    last_seen_at: UtcTime | None = None
    revoked_at: UtcTime | None = None

"""The server's tables (SQLAlchemy 2 declarative). Alembic migrations are made from these.

Every object carries its ``body`` so one server can host several (the Government, a province).
Ids are UUID strings; times are timezone-aware UTC. Runs in request worker threads.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ecabinet.domain import (
    AnnotationKind,
    AttendanceSource,
    BallotChoice,
    BallotStatus,
    DocumentKind,
    InvitationKind,
    ItemStatus,
    MeetingKind,
    MeetingStatus,
    MutationStatus,
    PositionChoice,
    ResultSubject,
    Scope,
    Sharing,
    VoteChoice,
    VoteStatus,
)


class UtcDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes; SQLite drops the zone, so it is put back as UTC on load."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:  # noqa: ARG002
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:  # noqa: ARG002
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def choice_of(enum: type[StrEnum], length: int) -> Enum:
    """A column holding one of the domain's words: stored as the word itself in a VARCHAR of
    ``length`` (so the data and the JSON sent stay as they were), loaded as the enum member,
    and guarded by a CHECK constraint (migration "enums") so no other word gets in."""
    return Enum(
        enum,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=length,
        values_callable=lambda members: [member.value for member in members],
        name=enum.__name__.lower(),
    )


def new_id() -> str:
    return str(uuid.uuid4())


def now() -> datetime:
    return datetime.now(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UtcDateTime, dict[str, Any]: JSON, list[Any]: JSON}


IdCol = String(36)


class Body(Base):
    __tablename__ = "bodies"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Its organ identification code on the national document exchange (000.00.00.H26);
    # empty when it exchanges no documents.
    organ_id: Mapped[str] = mapped_column(String(50), default="")


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")
    roles: Mapped[list[Any]] = mapped_column(default=list)
    password_hash: Mapped[str] = mapped_column(String(300))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=now)


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=now)
    last_seen_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


class Token(Base):
    """Only the SHA-256 of a token is stored: a copy of the database signs nobody in."""

    __tablename__ = "tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=now)
    expires_at: Mapped[datetime] = mapped_column()
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class LoginFailure(Base):
    """Failed sign-ins, kept in the database so every worker process throttles alike."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    at: Mapped[datetime] = mapped_column(default=now)


class Certificate(Base):
    """A certificate the body's CA issued for one device's key."""

    __tablename__ = "certificates"
    serial: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    device_id: Mapped[str | None] = mapped_column(ForeignKey("devices.id"), default=None)
    pem: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    issued_at: Mapped[datetime] = mapped_column(default=now)
    not_after: Mapped[datetime] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


class Meeting(Base):
    __tablename__ = "meetings"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    kind: Mapped[MeetingKind] = mapped_column(choice_of(MeetingKind, 20))
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime | None] = mapped_column(default=None)
    place: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[MeetingStatus] = mapped_column(
        choice_of(MeetingStatus, 20), default=MeetingStatus.DRAFT
    )
    chair_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), default=None)
    published_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=now)
    # When the session was opened: a meeting closed without it was never held, and has no
    # minutes (rule 8).
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    # Roll-call: while open, each invited member checks in "Có mặt" from the laptop.
    attendance_open: Mapped[bool] = mapped_column(Boolean, default=False)


class Invitation(Base):
    __tablename__ = "invitations"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[InvitationKind] = mapped_column(choice_of(InvitationKind, 20))
    # For a guest invited to some items only; empty list means the whole meeting.
    agenda_item_ids: Mapped[list[Any]] = mapped_column(default=list)


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    present: Mapped[bool] = mapped_column(Boolean, default=True)
    recorded_at: Mapped[datetime] = mapped_column(default=now)
    # "laptop": the member checked in; "office": the Government Office ticked them present.
    source: Mapped[AttendanceSource] = mapped_column(
        choice_of(AttendanceSource, 10), default=AttendanceSource.OFFICE
    )
    checked_in_at: Mapped[datetime | None] = mapped_column(default=None)


class AgendaItem(Base):
    __tablename__ = "agenda_items"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(1000))
    presenter: Mapped[str] = mapped_column(String(200), default="")
    minutes_allotted: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[ItemStatus] = mapped_column(
        choice_of(ItemStatus, 20), default=ItemStatus.PENDING
    )
    paper_only: Mapped[bool] = mapped_column(Boolean, default=False)
    vote_status: Mapped[VoteStatus] = mapped_column(
        choice_of(VoteStatus, 20), default=VoteStatus.NONE
    )
    vote_opened_at: Mapped[datetime | None] = mapped_column(default=None)
    vote_closed_at: Mapped[datetime | None] = mapped_column(default=None)
    # A member present took the item off the consent list: it is debated and voted (rule 6).
    consent_pulled_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"), default=None)
    consent_pulled_at: Mapped[datetime | None] = mapped_column(default=None)


class Ballot(Base):
    __tablename__ = "ballots"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    title: Mapped[str] = mapped_column(String(1000))
    question: Mapped[str] = mapped_column(Text)
    status: Mapped[BallotStatus] = mapped_column(
        choice_of(BallotStatus, 20), default=BallotStatus.DRAFT
    )
    deadline: Mapped[datetime] = mapped_column()
    voter_ids: Mapped[list[Any]] = mapped_column(default=list)
    chair_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=now)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    reminded_at: Mapped[datetime | None] = mapped_column(default=None)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    agenda_item_id: Mapped[str | None] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    ballot_id: Mapped[str | None] = mapped_column(ForeignKey("ballots.id"), index=True)
    kind: Mapped[DocumentKind] = mapped_column(choice_of(DocumentKind, 20))
    title: Mapped[str] = mapped_column(String(1000))
    position: Mapped[int] = mapped_column(Integer, default=0)
    allow_copy: Mapped[bool] = mapped_column(Boolean, default=True)
    current_version_id: Mapped[str | None] = mapped_column(String(36), default=None)
    # Where it came from, as members read it: "Tờ trình số 74/TTr-BTC ngày 10/11/2026 của Bộ
    # Tài chính" for a document received through the national document exchange.
    origin: Mapped[str] = mapped_column(String(500), default="")


class Blob(Base):
    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int] = mapped_column(Integer)
    uploaded_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=now)


class BlobUpload(Base):
    """A body that uploaded the file. Bytes are stored once for the whole server, but a file
    is a body's only when it uploaded it (or holds it through its documents, ballot replies
    or received packages): knowing another body's digest never makes its file yours."""

    __tablename__ = "blob_uploads"
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), primary_key=True)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), primary_key=True)


class DocumentVersion(Base):
    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "number"),)
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=now)
    created_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"), default=None)


class BallotResponse(Base):
    __tablename__ = "ballot_responses"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    ballot_id: Mapped[str] = mapped_column(ForeignKey("ballots.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    choice: Mapped[BallotChoice] = mapped_column(choice_of(BallotChoice, 20))
    comment: Mapped[str] = mapped_column(Text, default="")
    signed_pdf: Mapped[str] = mapped_column(String(64))
    # The form with its long-term evidence (services/long_term.py): signed_pdf itself when it
    # came B-LT, a copy with revocation data and a timestamp added when it came B-B; None
    # until the server has seen to it.
    long_term_pdf: Mapped[str | None] = mapped_column(String(64), default=None)
    received_at: Mapped[datetime] = mapped_column(default=now)
    client_created_at: Mapped[datetime | None] = mapped_column(default=None)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    current: Mapped[bool] = mapped_column(Boolean, default=True)


class Vote(Base):
    __tablename__ = "votes"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    agenda_item_id: Mapped[str] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    choice: Mapped[VoteChoice] = mapped_column(choice_of(VoteChoice, 20))
    comment: Mapped[str] = mapped_column(Text, default="")
    signature: Mapped[str] = mapped_column(Text)
    certificate_serial: Mapped[str | None] = mapped_column(String(64), default=None)
    received_at: Mapped[datetime] = mapped_column(default=now)
    client_created_at: Mapped[datetime | None] = mapped_column(default=None)
    current: Mapped[bool] = mapped_column(Boolean, default=True)


class Position(Base):
    __tablename__ = "positions"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    agenda_item_id: Mapped[str] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    position: Mapped[PositionChoice] = mapped_column(choice_of(PositionChoice, 20))
    comment: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(default=now)
    current: Mapped[bool] = mapped_column(Boolean, default=True)


class SpeakerRequest(Base):
    """A place in an item's queue of speakers. ``position`` is unique per item, enforced by the
    database, so two requests arriving at once can never share a place (speakers.enqueue)."""

    __tablename__ = "speaker_requests"
    __table_args__ = (UniqueConstraint("agenda_item_id", "position"),)
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    agenda_item_id: Mapped[str] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    requested_at: Mapped[datetime] = mapped_column(default=now)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime | None] = mapped_column(default=None)  # the chair gave the floor
    ended_at: Mapped[datetime | None] = mapped_column(default=None)  # the speech ended


class Annotation(Base):
    __tablename__ = "annotations"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True)
    author_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    document_version_id: Mapped[str] = mapped_column(ForeignKey("document_versions.id"), index=True)
    page: Mapped[int] = mapped_column(Integer)
    kind: Mapped[AnnotationKind] = mapped_column(choice_of(AnnotationKind, 20))
    rects: Mapped[list[Any]] = mapped_column(default=list)
    points: Mapped[list[Any]] = mapped_column(default=list)
    color: Mapped[str] = mapped_column(String(7), default="#ffd400")
    width: Mapped[float] = mapped_column(Float, default=2.0)  # of a pen's line, in points
    text: Mapped[str] = mapped_column(Text, default="")
    quote: Mapped[str] = mapped_column(Text, default="")
    prefix: Mapped[str] = mapped_column(String(500), default="")
    suffix: Mapped[str] = mapped_column(String(500), default="")
    shared: Mapped[Sharing] = mapped_column(choice_of(Sharing, 20), default=Sharing.PRIVATE)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=now)
    updated_at: Mapped[datetime] = mapped_column(default=now)


class DocumentRead(Base):
    __tablename__ = "document_reads"
    __table_args__ = (UniqueConstraint("document_version_id", "user_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_version_id: Mapped[str] = mapped_column(ForeignKey("document_versions.id"))
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    first_read_at: Mapped[datetime] = mapped_column(default=now)


class Conclusion(Base):
    __tablename__ = "conclusions"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    agenda_item_id: Mapped[str] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=now)


class Result(Base):
    __tablename__ = "results"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    subject: Mapped[ResultSubject] = mapped_column(choice_of(ResultSubject, 10))
    agenda_item_id: Mapped[str | None] = mapped_column(ForeignKey("agenda_items.id"))
    ballot_id: Mapped[str | None] = mapped_column(ForeignKey("ballots.id"))
    data: Mapped[dict[str, Any]] = mapped_column()
    published_at: Mapped[datetime] = mapped_column(default=now)


class AppliedMutation(Base):
    """Each client mutation id is applied at most once; this row remembers the first outcome."""

    __tablename__ = "mutations"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    device_id: Mapped[str | None] = mapped_column(ForeignKey("devices.id"), default=None)
    type: Mapped[str] = mapped_column(String(40))
    status: Mapped[MutationStatus] = mapped_column(choice_of(MutationStatus, 20))
    code: Mapped[str] = mapped_column(String(100), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    client_created_at: Mapped[datetime | None] = mapped_column(default=None)
    received_at: Mapped[datetime] = mapped_column(default=now)


class Change(Base):
    """The change feed. ``scope`` says who may see the row (see ecabinet.server.feed)."""

    __tablename__ = "changes"
    __table_args__ = (
        Index("ix_changes_body_seq", "body_id", "seq"),
        Index("ix_changes_object", "type", "object_id"),
        # feed.append deletes superseded rows; without AUTOINCREMENT SQLite would hand the
        # deleted highest seq to the next row, below a cursor a client already holds.
        {"sqlite_autoincrement": True},
    )
    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    body_id: Mapped[str] = mapped_column(String(36))
    type: Mapped[str] = mapped_column(String(30))
    object_id: Mapped[str] = mapped_column(String(36))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    scope: Mapped[Scope] = mapped_column(choice_of(Scope, 20))
    scope_id: Mapped[str | None] = mapped_column(String(36), default=None)
    meeting_id: Mapped[str | None] = mapped_column(String(36), default=None)
    created_at: Mapped[datetime] = mapped_column(default=now)


class AuditEntry(Base):
    """Who did what and when; each entry carries the hash of the one before (issue: trust)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    body_id: Mapped[str | None] = mapped_column(String(36), default=None)
    at: Mapped[datetime] = mapped_column(default=now)
    actor_id: Mapped[str | None] = mapped_column(String(36), default=None)
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(30), default="")
    object_id: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class AuditCheckpoint(Base):
    """The audit log's head at one moment, signed with the body's CA key (audit_checkpoints.py):
    a chain rebuilt or cut short behind the server's back no longer matches it."""

    __tablename__ = "audit_checkpoints"
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))  # entry id
    head: Mapped[str] = mapped_column(String(64))  # that entry's hash
    at: Mapped[datetime] = mapped_column(default=now)
    # Entries with a smaller id were hashed before entries were keyed (unkeyed SHA-256).
    keyed_from: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    signature: Mapped[str] = mapped_column(Text)  # base64, RSA PKCS#1 v1.5 over SHA-256


class IncomingDocument(Base):
    """A document a ministry sent through the national document exchange (an edXML package):
    the Government Office's inbox, "Văn bản đến". A sender's DocumentId arrives once."""

    __tablename__ = "incoming_documents"
    __table_args__ = (UniqueConstraint("body_id", "from_organ_id", "document_id"),)
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    from_organ_id: Mapped[str] = mapped_column(String(50))
    from_organ_name: Mapped[str] = mapped_column(String(200))
    document_id: Mapped[str] = mapped_column(String(100))  # the sender's id of the document
    code_number: Mapped[str] = mapped_column(String(20), default="")
    code_notation: Mapped[str] = mapped_column(String(50), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    promulgation_date: Mapped[date | None] = mapped_column(default=None)
    type_code: Mapped[str] = mapped_column(String(20), default="")
    type_name: Mapped[str] = mapped_column(String(100), default="")
    subject: Mapped[str] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text, default="")
    signer_competence: Mapped[str] = mapped_column(String(200), default="")
    signer_position: Mapped[str] = mapped_column(String(200), default="")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(default=None)
    priority: Mapped[str] = mapped_column(String(10), default="")
    received_at: Mapped[datetime] = mapped_column(default=now)
    received_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"), default=None)
    # The documents made from it, once the Office assigned it (an item's or a ballot's).
    assigned_document_ids: Mapped[list[Any]] = mapped_column(default=list)


class IncomingAttachment(Base):
    """One file of an incoming document. A PDF is kept as a blob (checked as uploads are);
    another file is named, with its size and digest, and not kept: members read PDFs only."""

    __tablename__ = "incoming_attachments"
    __table_args__ = (UniqueConstraint("incoming_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incoming_id: Mapped[str] = mapped_column(ForeignKey("incoming_documents.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    kept: Mapped[bool] = mapped_column(Boolean, default=False)  # stored as a blob


class InterconnectStatus(Base):
    """A package of the outbound queue, for the exchange's delivery adapter: a status package
    (kind "status": 01 received ... 06 done) or a result the Government Office issued (kind
    "result": the conclusion notice of an item, the summary of a ballot). A refused package
    leaves no incoming document, so ``incoming_id`` is then empty and the sender's ids say
    what it answers; a result's ``response_for`` is its own DocumentId.

    Delivery: "waiting" (``next_try_at`` empty: at once; else after a failed try, with
    ``attempts`` and ``last_error``), "sent", or "failed" (the exchange refused it, or every
    try failed): the Office sees each state."""

    __tablename__ = "interconnect_outbox"
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    incoming_id: Mapped[str | None] = mapped_column(
        ForeignKey("incoming_documents.id"), index=True, default=None
    )
    to_organ_id: Mapped[str] = mapped_column(String(50))
    response_for: Mapped[str] = mapped_column(String(100))  # the sender's DocumentId
    status_code: Mapped[str] = mapped_column(String(2))
    description: Mapped[str] = mapped_column(Text, default="")
    xml: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default="waiting", index=True)
    created_at: Mapped[datetime] = mapped_column(default=now)
    kind: Mapped[str] = mapped_column(String(10), default="status")
    agenda_item_id: Mapped[str | None] = mapped_column(String(36), default=None)
    ballot_id: Mapped[str | None] = mapped_column(String(36), default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_try_at: Mapped[datetime | None] = mapped_column(default=None)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)

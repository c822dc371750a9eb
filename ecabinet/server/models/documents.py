"""The papers members read: a document (of an agenda item or a ballot) and its numbered
versions, the file bytes they name (stored once per server as blobs, owned by the bodies that
uploaded them), each member's annotations on a version and the first time they read it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ecabinet.domain import AnnotationKind, DocumentKind, Sharing

from .base import Base, IdCol, choice_of, new_id, now


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

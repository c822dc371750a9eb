"""The national document exchange (edXML): documents ministries sent in, with their
attachments, and the outbound queue of status packages and results the Government Office
sends back, with each package's delivery state."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdCol, new_id, now


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

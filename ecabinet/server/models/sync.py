"""What clients' syncs write and read: each mutation a client pushed, applied once and
remembered with its outcome, and the change feed clients pull, each row scoped to who may
see it (ecabinet.server.feed)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ecabinet.domain import MutationStatus, Scope

from .base import Base, IdCol, choice_of, now


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

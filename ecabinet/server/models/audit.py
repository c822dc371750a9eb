"""The audit trail: a hash chain of who did what and when, and the checkpoints that sign its
head with the body's CA key, so a chain rewritten behind the server's back is found out."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, now


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

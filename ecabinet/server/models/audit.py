"""The audit trail: a hash chain per body of who did what and when, and the checkpoints that
sign each chain's head with its body's CA key, so a chain rewritten behind the server's back is
found out. Entries written before the chains were per body form one legacy chain, up to the
switch point that ``AuditSwitch`` records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, now


class AuditEntry(Base):
    """Who did what and when; each entry carries the hash of its body's entry before it
    (issue: trust). ``position`` numbers the entries of one body's chain (entries with no body,
    the server's own acts, are a chain too) from 1; the hash covers it, never ``id``, so the
    chain survives its rows being renumbered when a body moves to another server. Entries of
    the legacy chain (before chains were per body) have no position."""

    __tablename__ = "audit_log"
    # One entry per place in a chain: two appenders that read the same tail fail, never fork.
    __table_args__ = (Index("ix_audit_log_body_position", "body_id", "position", unique=True),)
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    body_id: Mapped[str | None] = mapped_column(String(36), default=None)
    position: Mapped[int | None] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), default=None
    )
    at: Mapped[datetime] = mapped_column(default=now)
    actor_id: Mapped[str | None] = mapped_column(String(36), default=None)
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(30), default="")
    object_id: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class AuditCheckpoint(Base):
    """A chain's head at one moment, signed with its body's CA key (audit_checkpoints.py): a
    chain rebuilt or cut short behind the server's back no longer matches it. ``per_body``:
    of the chain of ``body_id`` (None: the server's own), ``seq`` a position in it; otherwise
    of the legacy chain, ``seq`` an entry's id."""

    __tablename__ = "audit_checkpoints"
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    per_body: Mapped[bool] = mapped_column(Boolean, default=True)
    body_id: Mapped[str | None] = mapped_column(String(36), default=None)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    head: Mapped[str] = mapped_column(String(64))  # that entry's hash
    at: Mapped[datetime] = mapped_column(default=now)
    # Legacy chain: entries with a smaller id were hashed before entries were keyed (unkeyed
    # SHA-256). Per-body chains are keyed throughout: 0.
    keyed_from: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    signature: Mapped[str] = mapped_column(Text)  # base64, RSA PKCS#1 v1.5 over SHA-256


class AuditSwitch(Base):
    """Where the legacy chain ends: its last entry when the chains became per body, written
    by the migration; no row on a server that had none. One row at most."""

    __tablename__ = "audit_switch"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    legacy_last_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    legacy_head: Mapped[str] = mapped_column(String(64))

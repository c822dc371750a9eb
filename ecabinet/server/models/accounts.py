"""Who is on the server: the bodies it hosts, their users, the devices each user signs in
from, the tokens and certificates those devices hold, and the failed sign-ins that throttle
guessing. Every other table points back here, to a body or to a user."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdCol, new_id, now


class Body(Base):
    __tablename__ = "bodies"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Its organ identification code on the national document exchange (000.00.00.H26);
    # empty when it exchanges no documents.
    organ_id: Mapped[str] = mapped_column(String(50), default="")


class User(Base):
    """A username is unique within its body: the Government and a People's Committee may each
    have a ``nguyenvana``, and sign-in names the body."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("body_id", "username"),)
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    username: Mapped[str] = mapped_column(String(100))
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
    """Failed sign-ins, kept in the database so every worker process throttles alike. Keyed by
    the body's code as typed (the configured one when none was), not its id: a code that names
    no body is counted as well, so an unknown body is throttled like a wrong password."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_body_code_username", "body_code", "username"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    body_code: Mapped[str] = mapped_column(String(50), default="")
    username: Mapped[str] = mapped_column(String(100))
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

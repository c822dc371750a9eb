"""How members decide: a ballot sent out of session and each member's signed reply, a vote
or a position on an agenda item in session, and the result published once the count is closed.
A member's latest word is the row marked ``current``; the earlier ones stay as the record."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ecabinet.domain import BallotChoice, BallotStatus, PositionChoice, ResultSubject, VoteChoice

from .base import Base, IdCol, choice_of, new_id, now


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


class Result(Base):
    __tablename__ = "results"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    subject: Mapped[ResultSubject] = mapped_column(choice_of(ResultSubject, 10))
    agenda_item_id: Mapped[str | None] = mapped_column(ForeignKey("agenda_items.id"))
    ballot_id: Mapped[str | None] = mapped_column(ForeignKey("ballots.id"))
    data: Mapped[dict[str, Any]] = mapped_column()
    published_at: Mapped[datetime] = mapped_column(default=now)

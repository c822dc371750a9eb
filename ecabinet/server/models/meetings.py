"""A meeting and what happens in it: who is invited and who came, the agenda's items (with
their in-session vote's state), the queue of speakers on each item and the conclusions the
chair draws. Votes and positions on an item are in ``decisions``, its papers in ``documents``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ecabinet.domain import (
    AttendanceSource,
    InvitationKind,
    ItemStatus,
    MeetingKind,
    MeetingStatus,
    VoteStatus,
)

from .base import Base, IdCol, choice_of, new_id, now


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


class Conclusion(Base):
    __tablename__ = "conclusions"
    id: Mapped[str] = mapped_column(IdCol, primary_key=True, default=new_id)
    agenda_item_id: Mapped[str] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=now)

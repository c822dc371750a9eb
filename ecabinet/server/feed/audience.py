"""Who may see which rows of the change feed: the audience a row is given, and the audience
a user belongs to.

Each change row carries a *scope* (``ecabinet.domain.Scope``) that names its audience, with a
``scope_id`` and ``meeting_id`` where the scope needs them:

  body         everyone in the body (the user directory)
  secretariat  the Government Office only (meetings and ballots not yet published or sent)
  meeting      everyone invited to the meeting, guests included (scope_id = meeting id)
  item         those who may see the agenda item (scope_id = item id, meeting_id set):
               the meeting's invitees, and guests invited to that item
  ballot       the ballot's voters and its chair (scope_id = ballot id)
  personal     one user, the secretariat and chairs (positions: the chair's board)
  own          one user and the secretariat (votes, ballot replies, shared-with-office notes)
  private      one user only (private annotations: the secretariat does not see them)

``item_scope``, ``meeting_scope`` and ``document_scope`` place an object; ``audience_for``
turns a user into an ``Audience``; ``visibility_filter`` (SQL, the feed's pages) and
``may_see`` (one row in memory, the live stream) apply it and must agree on every scope.
``shared_filter`` and ``own_filter`` split it in what every user of the same invitations and
roles sees alike and what names the user himself (the first page shared, ``first_pages``).
Runs in request worker threads and on the live hub's thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from ecabinet.domain import BallotStatus, InvitationKind, MeetingStatus, Role, Scope
from ecabinet.server import models as m

# (scope, scope_id, meeting_id): where a feed row goes.
Placement = tuple[Scope, str | None, str | None]

# The scopes that name one user in scope_id; what else each admits differs.
ONE_USER_SCOPES = (Scope.PRIVATE, Scope.OWN, Scope.PERSONAL)


def item_scope(meeting: m.Meeting, item_id: str) -> Placement:
    """Where what belongs to one agenda item of the meeting goes."""
    if meeting.status == MeetingStatus.DRAFT:
        return Scope.SECRETARIAT, None, meeting.id
    return Scope.ITEM, item_id, meeting.id


def meeting_scope(meeting: m.Meeting) -> Placement:
    """Where the meeting itself goes: everyone invited, guests too."""
    if meeting.status == MeetingStatus.DRAFT:
        return Scope.SECRETARIAT, None, meeting.id
    return Scope.MEETING, meeting.id, meeting.id


def document_scope(db: Session, doc: m.Document) -> Placement:
    """A document goes where its item or its ballot goes; unattached, to the office only."""
    if doc.agenda_item_id:
        item = db.get(m.AgendaItem, doc.agenda_item_id)
        meeting = db.get(m.Meeting, item.meeting_id) if item else None
        if item is None or meeting is None:
            return Scope.SECRETARIAT, None, None
        return item_scope(meeting, item.id)
    if doc.ballot_id:
        ballot = db.get(m.Ballot, doc.ballot_id)
        if ballot is None or ballot.status == BallotStatus.DRAFT:
            return Scope.SECRETARIAT, None, None
        return Scope.BALLOT, ballot.id, None
    return Scope.SECRETARIAT, None, None


@dataclass(frozen=True)
class Audience:
    """What one user may see, computed once per request."""

    user_id: str
    body_id: str
    secretariat: bool
    chair: bool
    meetings_any: frozenset[str]  # any invitation (a guest sees the meeting itself)
    meetings_full: frozenset[str]  # every item of these
    guest_items: frozenset[str]
    ballots: frozenset[str]

    def can_see_item(self, meeting_id: str, item_id: str) -> bool:
        return self.secretariat or meeting_id in self.meetings_full or item_id in self.guest_items

    def can_see_meeting(self, meeting_id: str) -> bool:
        return self.secretariat or meeting_id in self.meetings_any

    def can_see_ballot(self, ballot_id: str) -> bool:
        return self.secretariat or ballot_id in self.ballots

    def shared(self) -> Audience:
        """The same invitations and roles, no one in particular: what every user who has
        them sees alike (``shared_filter``, and ``may_see`` of it). Equal for two such users,
        so it keys what is built once for all of them."""
        return replace(self, user_id="")


def audience_for(db: Session, user: m.User) -> Audience:
    return _audiences(db, user.body_id, [(user.id, user.roles)])[user.id]


def audiences_in_body(db: Session, body_id: str) -> dict[str, Audience]:
    """Every active user's of the body, by user id, in four queries whatever its size: what
    ``audience_for`` gives each (``body_views`` keeps them between the body's changes, the
    live hub renews its streams' with them)."""
    users = db.execute(
        select(m.User.id, m.User.roles).where(m.User.body_id == body_id, m.User.active)
    ).all()
    return _audiences(db, body_id, [(user_id, roles) for user_id, roles in users])


def _audiences(
    db: Session, body_id: str, users: list[tuple[str, list[Any] | None]]
) -> dict[str, Audience]:
    """The audiences of ``users`` (id, roles), all of the body: one query per kind of
    invitation, for one user (a user's id in it) or the whole body (the body's meetings)."""
    ids = [user_id for user_id, _roles in users]
    one = ids[0] if len(ids) == 1 else None
    any_ids: dict[str, set[str]] = {user_id: set() for user_id in ids}
    full_ids: dict[str, set[str]] = {user_id: set() for user_id in ids}
    guest_items: dict[str, set[str]] = {user_id: set() for user_id in ids}
    invited = (
        select(
            m.Invitation.user_id,
            m.Invitation.meeting_id,
            m.Invitation.kind,
            m.Invitation.agenda_item_ids,
        )
        .join(m.Meeting, m.Meeting.id == m.Invitation.meeting_id)
        .where(
            m.Meeting.status != MeetingStatus.DRAFT,
            m.Invitation.user_id == one if one else m.Meeting.body_id == body_id,
        )
    )
    for user_id, meeting_id, kind, item_ids in db.execute(invited):
        if user_id not in any_ids:
            continue
        any_ids[user_id].add(meeting_id)
        if kind == InvitationKind.GUEST and item_ids:
            guest_items[user_id].update(item_ids)
        else:
            full_ids[user_id].add(meeting_id)
    chaired = select(m.Meeting.chair_id, m.Meeting.id).where(
        m.Meeting.status != MeetingStatus.DRAFT,
        m.Meeting.chair_id == one if one else m.Meeting.body_id == body_id,
    )
    for chair_id, meeting_id in db.execute(chaired):
        if chair_id in any_ids:
            any_ids[chair_id].add(meeting_id)
            full_ids[chair_id].add(meeting_id)
    ballots: dict[str, set[str]] = {user_id: set() for user_id in ids}
    for ballot_id, voter_ids, chair_id in db.execute(
        select(m.Ballot.id, m.Ballot.voter_ids, m.Ballot.chair_id).where(
            m.Ballot.body_id == body_id, m.Ballot.status != BallotStatus.DRAFT
        )
    ):
        for user_id in {*(voter_ids or ()), chair_id}:
            if user_id in ballots:
                ballots[user_id].add(ballot_id)
    return {
        user_id: Audience(
            user_id=user_id,
            body_id=body_id,
            secretariat=Role.SECRETARIAT.value in (roles or ()),
            chair=Role.CHAIR.value in (roles or ()),
            meetings_any=frozenset(any_ids[user_id]),
            meetings_full=frozenset(full_ids[user_id]),
            guest_items=frozenset(guest_items[user_id]),
            ballots=frozenset(ballots[user_id]),
        )
        for user_id, roles in users
    }


def visibility_filter(aud: Audience) -> ColumnElement[bool]:
    return _visible(aud, with_own=True)


def shared_filter(aud: Audience) -> ColumnElement[bool]:
    """The rows every user with this audience's invitations and roles sees alike: what
    ``visibility_filter`` admits but the user's own rows (``own_filter``). Two users of one
    audience see the same shared rows, so a page of them can be built once for both."""
    return _visible(aud, with_own=False)


def own_filter(aud: Audience) -> ColumnElement[bool]:
    """The rows the user sees because they name him (his notes, positions, votes, replies)
    and that ``shared_filter`` does not already admit: the two never overlap, and together
    they are ``visibility_filter``."""
    c = m.Change
    return and_(c.body_id == aud.body_id, c.scope_id == aud.user_id, c.scope.in_(_own_scopes(aud)))


def _own_scopes(aud: Audience) -> tuple[Scope, ...]:
    if aud.secretariat:  # every row but private notes is shared with the whole Office
        return (Scope.PRIVATE,)
    if aud.chair:  # every member's position is on every chair's board
        return (Scope.PRIVATE, Scope.OWN)
    return ONE_USER_SCOPES


def _visible(aud: Audience, with_own: bool) -> ColumnElement[bool]:
    c = m.Change
    mine = and_(c.scope.in_(ONE_USER_SCOPES), c.scope_id == aud.user_id)
    if aud.secretariat:
        shared = c.scope != Scope.PRIVATE
        return and_(c.body_id == aud.body_id, or_(shared, mine) if with_own else shared)
    clauses = [c.scope == Scope.BODY]
    if with_own:
        clauses.append(mine)
    if aud.chair:
        clauses.append(c.scope == Scope.PERSONAL)
    if aud.meetings_any:
        clauses.append(and_(c.scope == Scope.MEETING, c.scope_id.in_(aud.meetings_any)))
    item_clauses = []
    if aud.meetings_full:
        item_clauses.append(c.meeting_id.in_(aud.meetings_full))
    if aud.guest_items:
        item_clauses.append(c.scope_id.in_(aud.guest_items))
    if item_clauses:
        clauses.append(and_(c.scope == Scope.ITEM, or_(*item_clauses)))
    if aud.ballots:
        clauses.append(and_(c.scope == Scope.BALLOT, c.scope_id.in_(aud.ballots)))
    return and_(c.body_id == aud.body_id, or_(*clauses) if clauses else false())


def may_see(
    aud: Audience, body_id: str, scope: Scope, scope_id: str | None, meeting_id: str | None
) -> bool:
    """``visibility_filter`` for one row in memory (the live stream's filter); the two must
    agree on every scope, which tests/server/test_events_audience.py checks."""
    if body_id != aud.body_id:
        return False
    mine = scope in ONE_USER_SCOPES and scope_id == aud.user_id
    if aud.secretariat:
        return scope != Scope.PRIVATE or mine
    if scope == Scope.BODY or mine or (aud.chair and scope == Scope.PERSONAL):
        return True
    if scope == Scope.MEETING:
        return scope_id in aud.meetings_any
    if scope == Scope.ITEM:
        return meeting_id in aud.meetings_full or scope_id in aud.guest_items
    if scope == Scope.BALLOT:
        return scope_id in aud.ballots
    return False

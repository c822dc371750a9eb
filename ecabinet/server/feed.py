"""The change feed: who may see what, and appending changes when the truth changes.

Every write that a client must learn about calls one of the ``publish_*`` functions in the
same transaction as the write, so the feed and the tables never disagree. Each change row
carries a *scope* that names its audience; ``visible_changes`` turns a user into a filter.

Scopes:
  body         everyone in the body (the user directory)
  secretariat  the Government Office only (meetings and ballots not yet published or sent)
  meeting      everyone invited to the meeting, guests included (scope_id = meeting id)
  item         those who may see the agenda item (scope_id = item id, meeting_id set):
               the meeting's invitees, and guests invited to that item
  ballot       the ballot's voters and its chair (scope_id = ballot id)
  personal     one user, the secretariat and chairs (positions: the chair's board)
  own          one user and the secretariat (votes, ballot replies, shared-with-office notes)
  private      one user only (private annotations: the secretariat does not see them)

A change that re-scopes an object (publishing, inviting) re-emits it; older rows of the same
object and audience are dropped, so the feed stays as small as the data it describes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, false, or_, select
from sqlalchemy.orm import Session

from ecabinet.domain import BallotStatus, InvitationKind, MeetingStatus, Role, Sharing
from ecabinet.server import models as m
from ecabinet.server import serialize as s
from ecabinet.server.live import pending as live


def append(
    db: Session,
    body_id: str,
    type_: str,
    object_id: str,
    data: dict[str, Any] | None,
    scope: str,
    scope_id: str | None = None,
    meeting_id: str | None = None,
) -> None:
    db.execute(
        delete(m.Change).where(
            m.Change.type == type_,
            m.Change.object_id == object_id,
            m.Change.scope == scope,
            m.Change.scope_id == scope_id if scope_id is not None else m.Change.scope_id.is_(None),
        )
    )
    change = m.Change(
        body_id=body_id,
        type=type_,
        object_id=object_id,
        deleted=data is None,
        data=data,
        scope=scope,
        scope_id=scope_id,
        meeting_id=meeting_id,
    )
    db.add(change)
    live.note_change(db, change)  # a `changed` to this row's audience once the act commits


# --- objects of meetings ----------------------------------------------------------------


def item_scope(meeting: m.Meeting, item_id: str) -> tuple[str, str | None, str | None]:
    """(scope, scope_id, meeting_id) of what belongs to one agenda item of the meeting."""
    if meeting.status == MeetingStatus.DRAFT:
        return "secretariat", None, meeting.id
    return "item", item_id, meeting.id


_item_scope = item_scope


def meeting_scope(meeting: m.Meeting) -> tuple[str, str | None, str | None]:
    """(scope, scope_id, meeting_id) of the meeting itself: everyone invited, guests too."""
    if meeting.status == MeetingStatus.DRAFT:
        return "secretariat", None, meeting.id
    return "meeting", meeting.id, meeting.id


def publish_user(db: Session, user: m.User) -> None:
    append(db, user.body_id, "user", user.id, s.user_data(user), "body")
    live.audiences_may_change(db, user.body_id)  # roles may have changed


def publish_meeting(db: Session, meeting: m.Meeting) -> None:
    scope, scope_id, _mid = meeting_scope(meeting)
    append(
        db,
        meeting.body_id,
        "meeting",
        meeting.id,
        s.meeting_data(db, meeting),
        scope,
        scope_id,
        meeting.id,
    )


def publish_item(db: Session, meeting: m.Meeting, item: m.AgendaItem) -> None:
    scope, scope_id, mid = _item_scope(meeting, item.id)
    append(
        db, meeting.body_id, "agenda_item", item.id, s.agenda_item_data(item), scope, scope_id, mid
    )


def _document_scope(db: Session, doc: m.Document) -> tuple[str, str | None, str | None]:
    if doc.agenda_item_id:
        item = db.get(m.AgendaItem, doc.agenda_item_id)
        meeting = db.get(m.Meeting, item.meeting_id) if item else None
        if item is None or meeting is None:
            return "secretariat", None, None
        return _item_scope(meeting, item.id)
    if doc.ballot_id:
        ballot = db.get(m.Ballot, doc.ballot_id)
        if ballot is None or ballot.status == BallotStatus.DRAFT:
            return "secretariat", None, None
        return "ballot", ballot.id, None
    return "secretariat", None, None


def publish_document(db: Session, doc: m.Document) -> None:
    scope, scope_id, mid = _document_scope(db, doc)
    append(db, doc.body_id, "document", doc.id, s.document_data(doc), scope, scope_id, mid)
    versions = db.scalars(
        select(m.DocumentVersion).where(m.DocumentVersion.document_id == doc.id)
    ).all()
    for version in versions:
        append(
            db,
            doc.body_id,
            "document_version",
            version.id,
            s.document_version_data(version),
            scope,
            scope_id,
            mid,
        )


def publish_meeting_tree(db: Session, meeting: m.Meeting) -> None:
    """Re-emit a meeting with all its items and documents (after publishing or inviting)."""
    live.audiences_may_change(db, meeting.body_id)
    publish_meeting(db, meeting)
    items = db.scalars(select(m.AgendaItem).where(m.AgendaItem.meeting_id == meeting.id)).all()
    for item in items:
        publish_item(db, meeting, item)
        docs = db.scalars(select(m.Document).where(m.Document.agenda_item_id == item.id)).all()
        for doc in docs:
            publish_document(db, doc)


def publish_ballot(db: Session, ballot: m.Ballot) -> None:
    if ballot.status == BallotStatus.DRAFT:
        scope, scope_id = "secretariat", None
    else:
        scope, scope_id = "ballot", ballot.id
    append(db, ballot.body_id, "ballot", ballot.id, s.ballot_data(ballot), scope, scope_id)


def publish_ballot_tree(db: Session, ballot: m.Ballot) -> None:
    live.audiences_may_change(db, ballot.body_id)  # created or sent: its voters see it now
    publish_ballot(db, ballot)
    for doc in db.scalars(select(m.Document).where(m.Document.ballot_id == ballot.id)).all():
        publish_document(db, doc)


def unpublish_meeting_for(db: Session, meeting: m.Meeting, user_id: str) -> None:
    """Tell one user who is no longer invited to drop the meeting (and, locally, its tree)."""
    live.audiences_may_change(db, meeting.body_id)
    append(db, meeting.body_id, "meeting", meeting.id, None, "private", user_id, meeting.id)


# --- what members did ---------------------------------------------------------------------


def publish_position(db: Session, body_id: str, pos: m.Position, meeting_id: str) -> None:
    append(
        db, body_id, "position", pos.id, s.position_data(pos), "personal", pos.user_id, meeting_id
    )


def publish_vote(db: Session, body_id: str, vote: m.Vote, meeting_id: str) -> None:
    append(db, body_id, "vote", vote.id, s.vote_data(vote), "own", vote.user_id, meeting_id)


def publish_ballot_response(db: Session, body_id: str, resp: m.BallotResponse) -> None:
    append(
        db, body_id, "ballot_response", resp.id, s.ballot_response_data(resp), "own", resp.user_id
    )


def publish_speaker_request(db: Session, meeting: m.Meeting, req: m.SpeakerRequest) -> None:
    scope, scope_id, mid = _item_scope(meeting, req.agenda_item_id)
    append(
        db,
        meeting.body_id,
        "speaker_request",
        req.id,
        s.speaker_request_data(req),
        scope,
        scope_id,
        mid,
    )


def publish_conclusion(db: Session, meeting: m.Meeting, con: m.Conclusion) -> None:
    scope, scope_id, mid = _item_scope(meeting, con.agenda_item_id)
    append(db, meeting.body_id, "conclusion", con.id, s.conclusion_data(con), scope, scope_id, mid)


def publish_result(db: Session, res: m.Result) -> None:
    if res.agenda_item_id:
        item = db.get(m.AgendaItem, res.agenda_item_id)
        meeting = db.get(m.Meeting, item.meeting_id) if item else None
        scope, scope_id, mid = (
            _item_scope(meeting, res.agenda_item_id) if meeting else ("secretariat", None, None)
        )
    else:
        scope, scope_id, mid = "ballot", res.ballot_id, None
    append(db, res.body_id, "result", res.id, s.result_data(res), scope, scope_id, mid)


def publish_annotation(db: Session, body_id: str, ann: m.Annotation) -> None:
    """Private notes go to the author only; shared ones to the office or to the meeting.

    An audience that saw the note before but no longer may (it was made private again, or
    deleted) gets a deletion, so nobody keeps a copy they should not have.
    """
    Scope = tuple[str, str | None, str | None]
    current: list[Scope] = []
    if not ann.deleted:
        current.append(
            ("own" if ann.shared == Sharing.SECRETARIAT else "private", ann.author_id, None)
        )
        version = db.get(m.DocumentVersion, ann.document_version_id)
        doc = db.get(m.Document, version.document_id) if version else None
        if ann.shared == Sharing.MEETING and doc is not None:
            current.append(_document_scope(db, doc))
    earlier: list[Scope] = [
        (row[0], row[1], row[2])
        for row in db.execute(
            select(m.Change.scope, m.Change.scope_id, m.Change.meeting_id).where(
                m.Change.type == "annotation", m.Change.object_id == ann.id
            )
        ).all()
    ]
    # Deletions first: a viewer in both an old and a current audience (the author, who
    # also sees the meeting's shared notes) must end with the note, not without it.
    for scope, scope_id, mid in earlier:
        if (scope, scope_id, mid) not in current:
            append(db, body_id, "annotation", ann.id, None, scope, scope_id, mid)
    data = s.annotation_data(ann)
    for scope, scope_id, mid in current:
        append(db, body_id, "annotation", ann.id, data, scope, scope_id, mid)
    if ann.deleted and not earlier:
        append(db, body_id, "annotation", ann.id, None, "private", ann.author_id, None)


# --- who sees what ------------------------------------------------------------------------


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


def audience_for(db: Session, user: m.User) -> Audience:
    roles = set(user.roles or ())
    any_ids: set[str] = set()
    full_ids: set[str] = set()
    guest_items: set[str] = set()
    rows = db.execute(
        select(m.Invitation, m.Meeting.status)
        .join(m.Meeting, m.Meeting.id == m.Invitation.meeting_id)
        .where(m.Invitation.user_id == user.id, m.Meeting.status != MeetingStatus.DRAFT)
    ).all()
    for inv, _status in rows:
        any_ids.add(inv.meeting_id)
        if inv.kind == InvitationKind.GUEST and inv.agenda_item_ids:
            guest_items.update(inv.agenda_item_ids)
        else:
            full_ids.add(inv.meeting_id)
    chaired = db.scalars(
        select(m.Meeting.id).where(
            m.Meeting.chair_id == user.id, m.Meeting.status != MeetingStatus.DRAFT
        )
    ).all()
    any_ids.update(chaired)
    full_ids.update(chaired)
    ballots = set()
    for ballot in db.scalars(
        select(m.Ballot).where(
            m.Ballot.body_id == user.body_id, m.Ballot.status != BallotStatus.DRAFT
        )
    ).all():
        if user.id in (ballot.voter_ids or ()) or ballot.chair_id == user.id:
            ballots.add(ballot.id)
    return Audience(
        user_id=user.id,
        body_id=user.body_id,
        secretariat=Role.SECRETARIAT.value in roles,
        chair=Role.CHAIR.value in roles,
        meetings_any=frozenset(any_ids),
        meetings_full=frozenset(full_ids),
        guest_items=frozenset(guest_items),
        ballots=frozenset(ballots),
    )


def visibility_filter(aud: Audience) -> ColumnElement[bool]:
    c = m.Change
    mine = and_(c.scope.in_(("private", "own", "personal")), c.scope_id == aud.user_id)
    if aud.secretariat:
        return and_(c.body_id == aud.body_id, or_(c.scope != "private", mine))
    clauses = [c.scope == "body", mine]
    if aud.chair:
        clauses.append(c.scope == "personal")
    if aud.meetings_any:
        clauses.append(and_(c.scope == "meeting", c.scope_id.in_(aud.meetings_any)))
    item_clauses = []
    if aud.meetings_full:
        item_clauses.append(c.meeting_id.in_(aud.meetings_full))
    if aud.guest_items:
        item_clauses.append(c.scope_id.in_(aud.guest_items))
    if item_clauses:
        clauses.append(and_(c.scope == "item", or_(*item_clauses)))
    if aud.ballots:
        clauses.append(and_(c.scope == "ballot", c.scope_id.in_(aud.ballots)))
    return and_(c.body_id == aud.body_id, or_(*clauses) if clauses else false())


def may_see(
    aud: Audience, body_id: str, scope: str, scope_id: str | None, meeting_id: str | None
) -> bool:
    """``visibility_filter`` for one row in memory (the live stream's filter); the two must
    agree on every scope, which tests/server/test_events_audience.py checks."""
    if body_id != aud.body_id:
        return False
    mine = scope in ("private", "own", "personal") and scope_id == aud.user_id
    if aud.secretariat:
        return scope != "private" or mine
    if scope == "body" or mine or (aud.chair and scope == "personal"):
        return True
    if scope == "meeting":
        return scope_id in aud.meetings_any
    if scope == "item":
        return meeting_id in aud.meetings_full or scope_id in aud.guest_items
    if scope == "ballot":
        return scope_id in aud.ballots
    return False

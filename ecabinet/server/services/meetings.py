"""Meetings: create, edit, invite, publish, start, close, record who is present, import whole.

Each function checks, changes, publishes to the feed and writes the audit entry in the
caller's transaction; the caller commits. Request worker threads and the command line.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ecabinet.domain import InvitationKind, MeetingStatus, VoteStatus
from ecabinet.manifest import ImportProblems, Problem
from ecabinet.server import audit, feed
from ecabinet.server import models as m
from ecabinet.server.errors import ApiError
from ecabinet.server.services import roll_call
from ecabinet.server.services.actor import Actor, record
from ecabinet.server.services.documents import new_version
from ecabinet.server.services.lookups import body_holds_blob, check_body_users, get_meeting
from ecabinet.server.tally import quorum
from ecabinet.wire.agenda import AgendaImport
from ecabinet.wire.meetings import AttendancePut, InvitationIn, MeetingCreate, MeetingUpdate

# Each act that moves a meeting on: the states it may start from and the state it reaches.
_TRANSITIONS = {
    "publish": ({MeetingStatus.DRAFT}, MeetingStatus.PUBLISHED),
    "start": ({MeetingStatus.PUBLISHED}, MeetingStatus.IN_PROGRESS),
    "close": ({MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS}, MeetingStatus.CLOSED),
}


def _replace_invitations(
    db: Session, actor: Actor, meeting: m.Meeting, invitations: list[InvitationIn]
) -> None:
    check_body_users(db, actor, [i.user_id for i in invitations])
    items = set(db.scalars(select(m.AgendaItem.id).where(m.AgendaItem.meeting_id == meeting.id)))
    strays = {item_id for i in invitations for item_id in i.agenda_item_ids} - items
    if strays:
        raise ApiError(
            422, "validation_error", f"Not items of this meeting: {', '.join(sorted(strays))}."
        )
    before = {
        i.user_id: _items_seen(i.kind, i.agenda_item_ids, items)
        for i in db.scalars(select(m.Invitation).where(m.Invitation.meeting_id == meeting.id))
    }
    db.execute(delete(m.Invitation).where(m.Invitation.meeting_id == meeting.id))
    db.flush()
    for inv in {i.user_id: i for i in invitations}.values():
        db.add(
            m.Invitation(
                meeting_id=meeting.id,
                user_id=inv.user_id,
                kind=inv.kind.value,
                agenda_item_ids=inv.agenda_item_ids,
            )
        )
    db.flush()
    if meeting.status == MeetingStatus.DRAFT:
        return
    after = {i.user_id: _items_seen(i.kind, i.agenda_item_ids, items) for i in invitations}
    for user_id, seen in before.items():
        if user_id not in after:
            feed.unpublish_meeting_for(db, meeting, user_id)
            continue
        for item_id in sorted(seen - after[user_id]):  # a guest's items narrowed
            feed.unpublish_item_for(db, meeting, item_id, user_id)


def _items_seen(kind: InvitationKind, chosen: Iterable[str], items: set[str]) -> set[str]:
    """The items an invitation shows: a guest's chosen ones, or (none chosen) all of them."""
    return set(chosen) & items if kind == InvitationKind.GUEST and chosen else items


def meetings_of(db: Session, actor: Actor) -> list[m.Meeting]:
    """The body's meetings, earliest first."""
    return list(
        db.scalars(
            select(m.Meeting)
            .where(m.Meeting.body_id == actor.body_id)
            .order_by(m.Meeting.starts_at)
        )
    )


def create_meeting(db: Session, actor: Actor, new: MeetingCreate) -> m.Meeting:
    """A draft meeting with its invitations."""
    if new.chair_id:
        check_body_users(db, actor, [new.chair_id])
    meeting = m.Meeting(
        body_id=actor.body_id,
        kind=new.kind.value,
        title=new.title,
        starts_at=new.starts_at,
        ends_at=new.ends_at,
        place=new.place,
        chair_id=new.chair_id,
        status=MeetingStatus.DRAFT.value,
    )
    db.add(meeting)
    db.flush()
    _replace_invitations(db, actor, meeting, new.invitations)
    feed.publish_meeting(db, meeting)
    record(db, actor, "meeting.create", "meeting", meeting.id, {"title": new.title})
    return meeting


def update_meeting(db: Session, actor: Actor, meeting_id: str, edit: MeetingUpdate) -> m.Meeting:
    meeting = get_meeting(db, actor, meeting_id)
    if meeting.status == MeetingStatus.CLOSED:
        raise ApiError(409, "invalid_state", "A closed meeting is part of the record.")
    changes = edit.changes()
    if changes.get("chair_id"):
        check_body_users(db, actor, [changes["chair_id"]])
    for field, value in changes.items():
        setattr(meeting, field, value)
    if meeting.ends_at is not None and meeting.ends_at < meeting.starts_at:
        raise ApiError(422, "validation_error", "The meeting would end before it starts.")
    feed.publish_meeting(db, meeting)
    detail = {k: str(v) for k, v in changes.items()}
    record(db, actor, "meeting.update", "meeting", meeting.id, detail)
    return meeting


def invite(
    db: Session, actor: Actor, meeting_id: str, invitations: list[InvitationIn]
) -> m.Meeting:
    """Replace who is invited; newly invited users receive the whole meeting."""
    meeting = get_meeting(db, actor, meeting_id)
    _replace_invitations(db, actor, meeting, invitations)
    feed.publish_meeting_tree(db, meeting)
    record(db, actor, "meeting.invite", "meeting", meeting.id, {"invited": len(invitations)})
    return meeting


def transition(db: Session, actor: Actor, meeting_id: str, action: str) -> m.Meeting:
    """``publish``, ``start`` or ``close`` the meeting (409 from any other state)."""
    allowed, target = _TRANSITIONS[action]
    meeting = get_meeting(db, actor, meeting_id)
    if meeting.status not in allowed:
        raise ApiError(
            409, "invalid_state", f"A meeting that is {meeting.status} cannot be {action}."
        )
    if target == MeetingStatus.CLOSED and db.scalar(
        select(m.AgendaItem.id).where(
            m.AgendaItem.meeting_id == meeting.id, m.AgendaItem.vote_status == VoteStatus.OPEN
        )
    ):
        raise ApiError(409, "vote_open", "Close the open vote before closing the meeting.")
    meeting.status = target
    if target == MeetingStatus.PUBLISHED:
        meeting.published_at = m.now()
    if target == MeetingStatus.IN_PROGRESS:
        meeting.started_at = m.now()  # the session was held: it will have minutes (rule 8)
    db.flush()
    feed.publish_meeting_tree(db, meeting)
    record(db, actor, f"meeting.{action}", "meeting", meeting.id)
    return meeting


def close(db: Session, actor: Actor, meeting_id: str, ca_for: audit.CaFor) -> m.Meeting:
    """Close the session and sign a checkpoint of the head of the body's audit chain, its
    closing included, with the body's CA (``ca_for``, pki.chain_ca): the minutes print it, so
    the record of the session is pinned outside the database."""
    meeting = transition(db, actor, meeting_id, "close")
    audit.checkpoint(db, ca_for(db.get(m.Body, meeting.body_id)), meeting.body_id)
    return meeting


def record_attendance(
    db: Session, actor: Actor, meeting_id: str, roll: AttendancePut
) -> tuple[int, int, int, bool]:
    """Who is present, as the office saw it; answers tally.quorum's (total, present, needed,
    reached)."""
    meeting = get_meeting(db, actor, meeting_id)
    check_body_users(db, actor, roll.present_user_ids + roll.absent_user_ids)
    roll_call.record_by_office(
        db, meeting, set(roll.present_user_ids), set(roll.absent_user_ids), m.now()
    )
    counted = quorum(db, meeting)
    _total, present, needed, _reached = counted
    detail = {"present": present, "needed": needed}
    record(db, actor, "meeting.attendance", "meeting", meeting.id, detail)
    return counted


def import_meeting(db: Session, actor: Actor, request: AgendaImport) -> m.Meeting:
    """The meeting, its items and documents, as a draft; every file must already be a stored
    blob (ImportProblems names those that are not)."""
    wanted = {d.sha256 for item in request.items for d in item.documents}
    stored = db.scalars(select(m.Blob).where(m.Blob.sha256.in_(wanted)))
    blobs = {b.sha256: b for b in stored if body_holds_blob(db, actor.body_id, b.sha256)}
    missing = sorted(
        d.filename for item in request.items for d in item.documents if d.sha256 not in blobs
    )
    if missing:
        raise ImportProblems(
            [Problem("not_uploaded", f"{name}: not uploaded", name) for name in missing]
        )
    meeting = m.Meeting(
        body_id=actor.body_id,
        kind=request.kind.value,
        title=request.title,
        starts_at=request.starts_at or m.now(),
        place=request.place,
        status=MeetingStatus.DRAFT.value,
    )
    db.add(meeting)
    db.flush()
    for position, entry in enumerate(request.items, start=1):
        item = m.AgendaItem(
            meeting_id=meeting.id,
            position=position,
            title=entry.title,
            presenter=entry.presenter,
            minutes_allotted=entry.minutes_allotted,
            paper_only=entry.paper_only,
        )
        db.add(item)
        db.flush()
        for number, file in enumerate(entry.documents, start=1):
            document = m.Document(
                body_id=actor.body_id,
                agenda_item_id=item.id,
                kind=file.kind.value,
                title=file.title,
                position=number,
            )
            db.add(document)
            db.flush()
            new_version(db, actor, document, blobs[file.sha256], file.filename)
    db.flush()
    # One publication of the whole tree: the documents were not published one by one.
    feed.publish_meeting_tree(db, meeting)
    detail = {"title": request.title, "items": len(request.items), "files": len(wanted)}
    record(db, actor, "meeting.import", "meeting", meeting.id, detail)
    return meeting

"""Appending changes to the feed when the truth changes.

Every write that a client must learn about calls one of the ``publish_*`` functions in the
same transaction as the write, so the feed and the tables never disagree. Each row is placed
in an audience (``Scope``; ``ecabinet.server.feed.audience`` says who each one admits).

A change that re-scopes an object (publishing, inviting) re-emits it; older rows of the same
object and audience are dropped, so the feed stays as small as the data it describes.
Runs in request worker threads and the command line, inside the caller's transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ecabinet.domain import BallotStatus, Role, Scope, Sharing
from ecabinet.server import append_lock
from ecabinet.server import models as m
from ecabinet.server import serialize as s
from ecabinet.server.feed.audience import Placement, document_scope, item_scope, meeting_scope
from ecabinet.server.live import pending as live


def append(
    db: Session,
    body_id: str,
    type_: str,
    object_id: str,
    data: dict[str, Any] | None,
    scope: Scope,
    scope_id: str | None = None,
    meeting_id: str | None = None,
) -> None:
    append_lock.hold(db, body_id)  # numbered and committed in one order (append_lock.py)
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


def publish_user(db: Session, user: m.User) -> None:
    # A system account (the document exchange's) is no person of the body: laptops never
    # learn of it (an older laptop would not know its role), and an account that became one
    # is withdrawn from them.
    data = None if Role.EXCHANGE.value in (user.roles or ()) else s.user_data(user)
    append(db, user.body_id, "user", user.id, data, Scope.BODY)
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
    scope, scope_id, mid = item_scope(meeting, item.id)
    append(
        db, meeting.body_id, "agenda_item", item.id, s.agenda_item_data(item), scope, scope_id, mid
    )


def publish_document(db: Session, doc: m.Document) -> None:
    scope, scope_id, mid = document_scope(db, doc)
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
        scope, scope_id = Scope.SECRETARIAT, None
    else:
        scope, scope_id = Scope.BALLOT, ballot.id
    append(db, ballot.body_id, "ballot", ballot.id, s.ballot_data(ballot), scope, scope_id)


def publish_ballot_tree(db: Session, ballot: m.Ballot) -> None:
    live.audiences_may_change(db, ballot.body_id)  # created or sent: its voters see it now
    publish_ballot(db, ballot)
    for doc in db.scalars(select(m.Document).where(m.Document.ballot_id == ballot.id)).all():
        publish_document(db, doc)


def unpublish_meeting_for(db: Session, meeting: m.Meeting, user_id: str) -> None:
    """Tell one user who is no longer invited to drop the meeting (and, locally, its tree)."""
    live.audiences_may_change(db, meeting.body_id)
    append(db, meeting.body_id, "meeting", meeting.id, None, Scope.PRIVATE, user_id, meeting.id)


def unpublish_item_for(db: Session, meeting: m.Meeting, item_id: str, user_id: str) -> None:
    """Tell one guest no longer invited to an item to drop it (and, locally, its papers)."""
    live.audiences_may_change(db, meeting.body_id)
    append(db, meeting.body_id, "agenda_item", item_id, None, Scope.PRIVATE, user_id, meeting.id)


# --- what members did ---------------------------------------------------------------------


def publish_position(db: Session, body_id: str, pos: m.Position, meeting_id: str) -> None:
    append(
        db,
        body_id,
        "position",
        pos.id,
        s.position_data(pos),
        Scope.PERSONAL,
        pos.user_id,
        meeting_id,
    )


def publish_vote(db: Session, body_id: str, vote: m.Vote, meeting_id: str) -> None:
    append(db, body_id, "vote", vote.id, s.vote_data(vote), Scope.OWN, vote.user_id, meeting_id)


def publish_ballot_response(db: Session, body_id: str, resp: m.BallotResponse) -> None:
    append(
        db,
        body_id,
        "ballot_response",
        resp.id,
        s.ballot_response_data(resp),
        Scope.OWN,
        resp.user_id,
    )


def publish_speaker_request(db: Session, meeting: m.Meeting, req: m.SpeakerRequest) -> None:
    scope, scope_id, mid = item_scope(meeting, req.agenda_item_id)
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
    scope, scope_id, mid = item_scope(meeting, con.agenda_item_id)
    append(db, meeting.body_id, "conclusion", con.id, s.conclusion_data(con), scope, scope_id, mid)


def publish_result(db: Session, res: m.Result) -> None:
    if res.agenda_item_id:
        item = db.get(m.AgendaItem, res.agenda_item_id)
        meeting = db.get(m.Meeting, item.meeting_id) if item else None
        scope, scope_id, mid = (
            item_scope(meeting, res.agenda_item_id) if meeting else (Scope.SECRETARIAT, None, None)
        )
    else:
        scope, scope_id, mid = Scope.BALLOT, res.ballot_id, None
    append(db, res.body_id, "result", res.id, s.result_data(res), scope, scope_id, mid)


def publish_annotation(db: Session, body_id: str, ann: m.Annotation) -> None:
    """Private notes go to the author only; shared ones to the office or to the meeting.

    An audience that saw the note before but no longer may (it was made private again, or
    deleted) gets a deletion, so nobody keeps a copy they should not have.
    """
    current: list[Placement] = []
    if not ann.deleted:
        current.append(
            (
                Scope.OWN if ann.shared == Sharing.SECRETARIAT else Scope.PRIVATE,
                ann.author_id,
                None,
            )
        )
        version = db.get(m.DocumentVersion, ann.document_version_id)
        doc = db.get(m.Document, version.document_id) if version else None
        if ann.shared == Sharing.MEETING and doc is not None:
            current.append(document_scope(db, doc))
    earlier: list[Placement] = [
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
        append(db, body_id, "annotation", ann.id, None, Scope.PRIVATE, ann.author_id, None)

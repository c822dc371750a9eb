"""The objects a request names, found within the actor's body, or a 404.

An object of another body answers exactly as one that does not exist: a caller learns
nothing of other bodies (the chair's guards are in ``chair``). Runs on
whichever thread calls the service.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.server import models as m
from ecabinet.server.errors import ApiError, not_found
from ecabinet.server.services.actor import Actor


def get_meeting(db: Session, actor: Actor, meeting_id: str) -> m.Meeting:
    meeting = db.get(m.Meeting, meeting_id)
    if meeting is None or meeting.body_id != actor.body_id:
        raise not_found("meeting")
    return meeting


def get_item(db: Session, actor: Actor, item_id: str) -> tuple[m.AgendaItem, m.Meeting]:
    item = db.get(m.AgendaItem, item_id)
    meeting = db.get(m.Meeting, item.meeting_id) if item else None
    if item is None or meeting is None or meeting.body_id != actor.body_id:
        raise not_found("agenda item")
    return item, meeting


def get_document(db: Session, actor: Actor, document_id: str) -> m.Document:
    doc = db.get(m.Document, document_id)
    if doc is None or doc.body_id != actor.body_id:
        raise not_found("document")
    return doc


def get_ballot(db: Session, actor: Actor, ballot_id: str) -> m.Ballot:
    ballot = db.get(m.Ballot, ballot_id)
    if ballot is None or ballot.body_id != actor.body_id:
        raise not_found("ballot")
    return ballot


def get_user(db: Session, actor: Actor, user_id: str) -> m.User:
    user = db.get(m.User, user_id)
    if user is None or user.body_id != actor.body_id:
        raise not_found("user")
    return user


def get_device(db: Session, actor: Actor, device_id: str) -> tuple[m.Device, m.User]:
    device = db.get(m.Device, device_id)
    owner = db.get(m.User, device.user_id) if device else None
    if device is None or owner is None or owner.body_id != actor.body_id:
        raise not_found("device")
    return device, owner


def get_blob(db: Session, sha256: str) -> m.Blob:
    blob = db.get(m.Blob, sha256)
    if blob is None:
        raise ApiError(404, "not_found", "Upload the file first (POST /api/v1/blobs).")
    return blob


def check_body_users(db: Session, actor: Actor, ids: Iterable[str]) -> None:
    """Every id names a user of the actor's body (422 otherwise)."""
    wanted = set(ids)
    known = set(
        db.scalars(select(m.User.id).where(m.User.body_id == actor.body_id, m.User.id.in_(wanted)))
    )
    unknown = wanted - known
    if unknown:
        raise ApiError(422, "validation_error", f"Unknown users: {', '.join(sorted(unknown))}.")

"""The objects a request names, found within the actor's body, or a 404.

An object of another body answers exactly as one that does not exist: a caller learns
nothing of other bodies (the chair's guards are in ``chair``). Runs on
whichever thread calls the service.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain.body_words import GOVERNMENT, DocumentWords, document_words
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


def body_holds_blob(db: Session, body_id: str, sha256: str) -> bool:
    """Whether the file is one of the body's: uploaded by it, a version of its documents, a
    reply to its ballots or a file it received through the exchange. A file two bodies both
    hold is theirs each; one only another body holds is not."""
    found = (
        select(m.BlobUpload.sha256).where(
            m.BlobUpload.sha256 == sha256, m.BlobUpload.body_id == body_id
        ),
        select(m.DocumentVersion.id)
        .join(m.Document, m.Document.id == m.DocumentVersion.document_id)
        .where(m.DocumentVersion.sha256 == sha256, m.Document.body_id == body_id),
        select(m.BallotResponse.id)
        .join(m.Ballot, m.Ballot.id == m.BallotResponse.ballot_id)
        .where(
            (m.BallotResponse.signed_pdf == sha256) | (m.BallotResponse.long_term_pdf == sha256),
            m.Ballot.body_id == body_id,
        ),
        select(m.IncomingAttachment.id)
        .join(m.IncomingDocument, m.IncomingDocument.id == m.IncomingAttachment.incoming_id)
        .where(m.IncomingAttachment.sha256 == sha256, m.IncomingDocument.body_id == body_id),
    )
    return any(db.scalar(query.limit(1)) is not None for query in found)


def get_blob(db: Session, actor: Actor, sha256: str) -> m.Blob:
    """A stored file of the actor's body; another body's answers as one never uploaded."""
    blob = db.get(m.Blob, sha256)
    if blob is None or not body_holds_blob(db, actor.body_id, sha256):
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


def body_words(db: Session, body_id: str) -> DocumentWords:
    """The words the texts of the body write of it ("thành viên Chính phủ", "thành viên Ủy ban
    nhân dân thành phố Hà Nội"), read from its name."""
    body = db.get(m.Body, body_id)
    return GOVERNMENT if body is None else document_words(body.code, body.name)

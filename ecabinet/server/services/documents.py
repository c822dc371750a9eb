"""Documents and their files: attach, replace (new versions keep the old), edit, who read
them, record an upload, and whether a user may fetch a file.

Each function that changes data publishes to the feed and writes the audit entry in the
caller's transaction; the caller commits. Request worker threads and the command line.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecabinet.domain import BallotStatus, Role
from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.blobstore import Blobs
from ecabinet.server.errors import ApiError
from ecabinet.server.services.actor import Actor, record
from ecabinet.server.services.lookups import (
    body_holds_blob,
    get_ballot,
    get_blob,
    get_document,
    get_item,
)
from ecabinet.wire.meetings import DocumentCreate, DocumentPublic, DocumentUpdate
from ecabinet.wire.sync import BlobInfo


def new_version(
    db: Session, actor: Actor, doc: m.Document, blob: m.Blob, filename: str
) -> m.DocumentVersion:
    """The document's next version, made current; not yet published."""
    last = (
        db.scalar(
            select(func.max(m.DocumentVersion.number)).where(
                m.DocumentVersion.document_id == doc.id
            )
        )
        or 0
    )
    version = m.DocumentVersion(
        document_id=doc.id,
        number=last + 1,
        sha256=blob.sha256,
        size=blob.size,
        pages=blob.pages,
        filename=filename,
        created_by=actor.user_id,
    )
    db.add(version)
    db.flush()
    doc.current_version_id = version.id
    return version


def add_version(
    db: Session, actor: Actor, doc: m.Document, sha256: str, filename: str
) -> m.DocumentVersion:
    """A new current version from an uploaded file, published."""
    version = new_version(db, actor, doc, get_blob(db, actor, sha256), filename)
    feed.publish_document(db, doc)
    return version


def add_document(
    db: Session, actor: Actor, item_id: str, new: DocumentCreate, origin: str = ""
) -> m.Document:
    """An uploaded PDF attached to an agenda item, after its other documents; ``origin`` says
    where a document received from a ministry came from."""
    item, _meeting = get_item(db, actor, item_id)
    if item.paper_only:
        raise ApiError(409, "paper_only", "This item is paper only: it carries no file.")
    return _append(db, actor, new, origin, agenda_item_id=item.id)


def add_ballot_document(
    db: Session, actor: Actor, ballot_id: str, new: DocumentCreate, origin: str = ""
) -> m.Document:
    """A PDF added to a written ballot still being prepared (its draft), after its others."""
    ballot = get_ballot(db, actor, ballot_id)
    if ballot.status != BallotStatus.DRAFT:
        raise ApiError(409, "ballot_sent", "The ballot was sent: its papers can no longer change.")
    return _append(db, actor, new, origin, ballot_id=ballot.id)


def _append(
    db: Session,
    actor: Actor,
    new: DocumentCreate,
    origin: str,
    agenda_item_id: str | None = None,
    ballot_id: str | None = None,
) -> m.Document:
    """The new document after the item's (or the ballot's) others, its file its version 1."""
    siblings = (
        m.Document.agenda_item_id == agenda_item_id
        if agenda_item_id
        else m.Document.ballot_id == ballot_id
    )
    position = (db.scalar(select(func.max(m.Document.position)).where(siblings)) or 0) + 1
    doc = m.Document(
        body_id=actor.body_id,
        agenda_item_id=agenda_item_id,
        ballot_id=ballot_id,
        kind=new.kind.value,
        title=new.title,
        allow_copy=new.allow_copy,
        position=position,
        origin=origin,
    )
    db.add(doc)
    db.flush()
    add_version(db, actor, doc, new.sha256, new.filename)
    record(db, actor, "document.add", "document", doc.id, {"title": doc.title})
    return doc


def replace_document(
    db: Session, actor: Actor, document_id: str, sha256: str, filename: str
) -> m.Document:
    doc = get_document(db, actor, document_id)
    version = add_version(db, actor, doc, sha256, filename)
    record(db, actor, "document.replace", "document", doc.id, {"version": version.number})
    return doc


def update_document(
    db: Session, actor: Actor, document_id: str, edit: DocumentUpdate
) -> m.Document:
    doc = get_document(db, actor, document_id)
    changes = edit.changes()
    for field, value in changes.items():
        setattr(doc, field, value)
    feed.publish_document(db, doc)
    record(db, actor, "document.update", "document", doc.id, changes)
    return doc


def document_public(db: Session, doc: m.Document) -> DocumentPublic:
    """The document as the Office's API answers it."""
    return DocumentPublic(
        id=doc.id,
        kind=doc.kind,
        title=doc.title,
        allow_copy=doc.allow_copy,
        current_version_id=doc.current_version_id,
        versions=version_numbers(db, doc),
        origin=doc.origin,
    )


def version_numbers(db: Session, doc: m.Document) -> list[int]:
    """The numbers of the document's versions, first first (old ones are kept)."""
    return list(
        db.scalars(
            select(m.DocumentVersion.number)
            .where(m.DocumentVersion.document_id == doc.id)
            .order_by(m.DocumentVersion.number)
        )
    )


def document_reads(db: Session, actor: Actor, document_id: str) -> list[tuple[m.DocumentRead, int]]:
    """Each read receipt with the number of the version read, first reads first."""
    doc = get_document(db, actor, document_id)
    rows = db.execute(
        select(m.DocumentRead, m.DocumentVersion.number)
        .join(m.DocumentVersion, m.DocumentVersion.id == m.DocumentRead.document_version_id)
        .where(m.DocumentVersion.document_id == doc.id)
        .order_by(m.DocumentRead.first_read_at, m.DocumentRead.user_id)
    )
    return [(read, number) for read, number in rows]


def stored_blob(db: Session, store: Blobs, actor: Actor, sha256: str) -> BlobInfo | None:
    """The stored file with this digest, if both its row and its file exist and it is the
    actor's body's (an upload of it is answered at once, without its bytes). Another body's
    file is not: its bytes prove the uploader holds it, and the answer is then a new file's,
    so that no upload tells whether another body holds a file."""
    blob = db.get(m.Blob, sha256)
    if blob is None or not body_holds_blob(db, actor.body_id, sha256) or not store.exists(sha256):
        return None
    return BlobInfo(sha256=blob.sha256, size=blob.size, pages=blob.pages)


def hold_blob(db: Session, body_id: str, sha256: str) -> None:
    """The body uploaded the stored file (its row added before, in this session or earlier)."""
    if db.get(m.BlobUpload, (sha256, body_id)) is None:
        db.add(m.BlobUpload(sha256=sha256, body_id=body_id))
        db.flush()


def record_upload(db: Session, actor: Actor, info: BlobInfo) -> None:
    """The stored file's row (unless it outlived a lost file), the body's hold on it and the
    audit entry."""
    if db.get(m.Blob, info.sha256) is None:
        db.add(
            m.Blob(sha256=info.sha256, size=info.size, pages=info.pages, uploaded_by=actor.user_id)
        )
    hold_blob(db, actor.body_id, info.sha256)
    detail = {"sha256": info.sha256, "size": info.size}
    record(db, actor, "blob.upload", "blob", info.sha256[:36], detail)


def may_see_blob(db: Session, user: m.User, sha256: str) -> bool:
    """Whether the user may fetch the file: the office any file of its body; others a file
    they uploaded, one of a document they may see, or their own signed ballot reply."""
    if Role.SECRETARIAT.value in (user.roles or ()):
        return body_holds_blob(db, user.body_id, sha256)
    blob = db.get(m.Blob, sha256)
    if blob is None:
        return False
    if blob.uploaded_by == user.id:
        return True
    audience = feed.audience_for(db, user)
    rows = db.execute(
        select(m.Document.agenda_item_id, m.Document.ballot_id, m.AgendaItem.meeting_id)
        .join(m.DocumentVersion, m.DocumentVersion.document_id == m.Document.id)
        .outerjoin(m.AgendaItem, m.AgendaItem.id == m.Document.agenda_item_id)
        .where(m.DocumentVersion.sha256 == sha256, m.Document.body_id == user.body_id)
    ).all()
    for item_id, ballot_id, meeting_id in rows:
        if item_id and meeting_id and audience.can_see_item(meeting_id, item_id):
            return True
        if ballot_id and audience.can_see_ballot(ballot_id):
            return True
    own_reply = db.scalar(
        select(m.BallotResponse.id).where(
            m.BallotResponse.signed_pdf == sha256, m.BallotResponse.user_id == user.id
        )
    )
    return own_reply is not None

"""Agenda items, their documents (new versions keep the old), conclusions, and read receipts.

Handlers are plain functions, so FastAPI runs them on its worker threads, one database session
each. Every act writes, publishes what changed to the feed and records an audit entry, then
commits once: a client never learns of half an act.
"""

from __future__ import annotations

from fastapi import APIRouter, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecabinet.domain import MeetingStatus
from ecabinet.server import audit, feed
from ecabinet.server import models as m
from ecabinet.server.api.deps import AuthContext, DbDep, Secretariat
from ecabinet.server.api.routes.meetings import get_meeting
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.errors import ApiError, not_found
from ecabinet.wire.meetings import (
    ConclusionCreate,
    ConclusionPublic,
    DocumentCreate,
    DocumentPublic,
    DocumentUpdate,
    ItemCreate,
    ItemOrder,
    ItemPublic,
    ItemUpdate,
    VersionCreate,
)
from ecabinet.wire.office import ReadPublic

router = APIRouter(tags=["agenda"], route_class=ReleasingRoute)


def get_item(db: Session, auth: AuthContext, item_id: str) -> tuple[m.AgendaItem, m.Meeting]:
    item = db.get(m.AgendaItem, item_id)
    meeting = db.get(m.Meeting, item.meeting_id) if item else None
    if item is None or meeting is None or meeting.body_id != auth.body_id:
        raise not_found("agenda item")
    return item, meeting


def _item_public(item: m.AgendaItem) -> ItemPublic:
    return ItemPublic.model_validate(item, from_attributes=True)


def _document_public(db: Session, doc: m.Document) -> DocumentPublic:
    numbers = db.scalars(
        select(m.DocumentVersion.number)
        .where(m.DocumentVersion.document_id == doc.id)
        .order_by(m.DocumentVersion.number)
    )
    return DocumentPublic(
        id=doc.id,
        kind=doc.kind,
        title=doc.title,
        allow_copy=doc.allow_copy,
        current_version_id=doc.current_version_id,
        versions=list(numbers),
    )


def _record(
    db: Session, auth: AuthContext, action: str, kind: str, object_id: str, **detail: object
) -> None:
    audit.record(
        db,
        action,
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type=kind,
        object_id=object_id,
        detail=detail,
    )


@router.post(
    "/meetings/{meeting_id}/items",
    status_code=201,
    response_model=ItemPublic,
    summary="Add an agenda item (at the end, or at a given position)",
)
def add_item(meeting_id: str, body: ItemCreate, auth: Secretariat, db: DbDep) -> ItemPublic:
    meeting = get_meeting(db, auth, meeting_id)
    if meeting.status == MeetingStatus.CLOSED:
        raise ApiError(409, "invalid_state", "The meeting is closed.")
    agenda = list(
        db.scalars(
            select(m.AgendaItem)
            .where(m.AgendaItem.meeting_id == meeting.id)
            .order_by(m.AgendaItem.position)
        )
    )
    position = min(body.position or len(agenda) + 1, len(agenda) + 1)
    item = m.AgendaItem(
        meeting_id=meeting.id, position=position, **body.model_dump(exclude={"position"})
    )
    db.add(item)
    db.flush()
    # Items after the new one move down a place; members' laptops learn their new positions.
    for later in agenda[position - 1 :]:
        later.position += 1
        feed.publish_item(db, meeting, later)
    feed.publish_item(db, meeting, item)
    _record(db, auth, "item.add", "agenda_item", item.id, title=item.title)
    db.commit()
    return _item_public(item)


@router.patch("/items/{item_id}", response_model=ItemPublic, summary="Edit an agenda item")
def update_item(item_id: str, body: ItemUpdate, auth: Secretariat, db: DbDep) -> ItemPublic:
    item, meeting = get_item(db, auth, item_id)
    changes = body.changes()
    has_docs = db.scalar(select(m.Document.id).where(m.Document.agenda_item_id == item.id))
    if changes.get("paper_only") and has_docs:
        raise ApiError(
            409,
            "paper_only",
            "Remove this item's documents before marking it "
            "paper only: a classified item carries no file.",
        )
    for field, value in changes.items():
        setattr(item, field, value)
    feed.publish_item(db, meeting, item)
    _record(db, auth, "item.update", "agenda_item", item.id, **changes)
    db.commit()
    return _item_public(item)


@router.delete(
    "/items/{item_id}",
    status_code=204,
    response_class=Response,
    summary="Remove an agenda item (only while the meeting is a draft)",
)
def delete_item(item_id: str, auth: Secretariat, db: DbDep) -> Response:
    item, meeting = get_item(db, auth, item_id)
    if meeting.status != MeetingStatus.DRAFT:
        raise ApiError(
            409, "invalid_state", "Items of a published meeting are closed, not removed."
        )
    if db.scalar(select(m.Document.id).where(m.Document.agenda_item_id == item.id)):
        raise ApiError(409, "invalid_state", "Remove the item's documents first.")
    db.delete(item)
    feed.append(db, meeting.body_id, "agenda_item", item_id, None, "secretariat", None, meeting.id)
    _record(db, auth, "item.delete", "agenda_item", item_id)
    db.commit()
    return Response(status_code=204)


@router.put(
    "/meetings/{meeting_id}/items/order",
    response_model=list[ItemPublic],
    summary="Reorder the agenda",
)
def reorder(meeting_id: str, body: ItemOrder, auth: Secretariat, db: DbDep) -> list[ItemPublic]:
    meeting = get_meeting(db, auth, meeting_id)
    items = {
        i.id: i
        for i in db.scalars(select(m.AgendaItem).where(m.AgendaItem.meeting_id == meeting.id))
    }
    if sorted(body.item_ids) != sorted(items):
        raise ApiError(422, "validation_error", "Give every item of the meeting exactly once.")
    for position, item_id in enumerate(body.item_ids, start=1):
        items[item_id].position = position
        feed.publish_item(db, meeting, items[item_id])
    _record(db, auth, "item.reorder", "meeting", meeting.id)
    db.commit()
    return [_item_public(items[i]) for i in body.item_ids]


def _blob(db: Session, sha256: str) -> m.Blob:
    blob = db.get(m.Blob, sha256)
    if blob is None:
        raise ApiError(404, "not_found", "Upload the file first (POST /api/v1/blobs).")
    return blob


def add_version(
    db: Session, auth: AuthContext, doc: m.Document, sha256: str, filename: str
) -> m.DocumentVersion:
    blob = _blob(db, sha256)
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
        created_by=auth.user_id,
    )
    db.add(version)
    db.flush()
    doc.current_version_id = version.id
    feed.publish_document(db, doc)
    return version


@router.post(
    "/items/{item_id}/documents",
    status_code=201,
    response_model=DocumentPublic,
    summary="Attach an uploaded PDF to an item as a new document",
)
def add_document(
    item_id: str, body: DocumentCreate, auth: Secretariat, db: DbDep
) -> DocumentPublic:
    item, _meeting = get_item(db, auth, item_id)
    if item.paper_only:
        raise ApiError(409, "paper_only", "This item is paper only: it carries no file.")
    position = (
        db.scalar(select(func.max(m.Document.position)).where(m.Document.agenda_item_id == item.id))
        or 0
    ) + 1
    doc = m.Document(
        body_id=auth.body_id,
        agenda_item_id=item.id,
        kind=body.kind.value,
        title=body.title,
        allow_copy=body.allow_copy,
        position=position,
    )
    db.add(doc)
    db.flush()
    add_version(db, auth, doc, body.sha256, body.filename)
    _record(db, auth, "document.add", "document", doc.id, title=doc.title)
    db.commit()
    return _document_public(db, doc)


def _document(db: Session, auth: AuthContext, document_id: str) -> m.Document:
    doc = db.get(m.Document, document_id)
    if doc is None or doc.body_id != auth.body_id:
        raise not_found("document")
    return doc


@router.post(
    "/documents/{document_id}/versions",
    status_code=201,
    response_model=DocumentPublic,
    summary="Replace a document with a new version; the old one stays",
)
def replace_document(
    document_id: str, body: VersionCreate, auth: Secretariat, db: DbDep
) -> DocumentPublic:
    doc = _document(db, auth, document_id)
    version = add_version(db, auth, doc, body.sha256, body.filename)
    _record(db, auth, "document.replace", "document", doc.id, version=version.number)
    db.commit()
    return _document_public(db, doc)


@router.patch(
    "/documents/{document_id}",
    response_model=DocumentPublic,
    summary="Edit a document's title, kind or copy permission",
)
def update_document(
    document_id: str, body: DocumentUpdate, auth: Secretariat, db: DbDep
) -> DocumentPublic:
    doc = _document(db, auth, document_id)
    changes = body.changes()
    for field, value in changes.items():
        setattr(doc, field, value)
    feed.publish_document(db, doc)
    _record(db, auth, "document.update", "document", doc.id, **changes)
    db.commit()
    return _document_public(db, doc)


@router.get(
    "/documents/{document_id}/reads",
    response_model=list[ReadPublic],
    summary="Who has opened which version",
)
def document_reads(document_id: str, auth: Secretariat, db: DbDep) -> list[ReadPublic]:
    doc = _document(db, auth, document_id)
    rows = db.execute(
        select(m.DocumentRead, m.DocumentVersion.number)
        .join(m.DocumentVersion, m.DocumentVersion.id == m.DocumentRead.document_version_id)
        .where(m.DocumentVersion.document_id == doc.id)
        .order_by(m.DocumentRead.first_read_at, m.DocumentRead.user_id)
    )
    return [
        ReadPublic(user_id=r.user_id, version_number=n, first_read_at=r.first_read_at)
        for r, n in rows
    ]


@router.post(
    "/items/{item_id}/conclusions",
    status_code=201,
    response_model=ConclusionPublic,
    summary="Record the chair's conclusion on an item",
)
def add_conclusion(
    item_id: str, body: ConclusionCreate, auth: Secretariat, db: DbDep
) -> ConclusionPublic:
    item, meeting = get_item(db, auth, item_id)
    conclusion = m.Conclusion(agenda_item_id=item.id, text=body.text, created_by=auth.user_id)
    db.add(conclusion)
    db.flush()
    feed.publish_conclusion(db, meeting, conclusion)
    _record(db, auth, "conclusion.add", "agenda_item", item.id)
    db.commit()
    return ConclusionPublic.model_validate(conclusion, from_attributes=True)

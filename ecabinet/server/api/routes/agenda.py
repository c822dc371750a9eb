"""Agenda items, their documents (new versions keep the old), conclusions, and read receipts.

Handlers are plain functions, so FastAPI runs them on its worker threads, one database session
each. The act itself is services.agenda's or services.documents'; the handler commits once
after it, so a client never learns of half an act.
"""

from __future__ import annotations

from fastapi import APIRouter, Response

from ecabinet.server import models as m
from ecabinet.server.api.deps import DbDep, Secretariat, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.interconnect.outbox import Organ
from ecabinet.server.services import agenda, documents, inbox
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


def _item_public(item: m.AgendaItem) -> ItemPublic:
    return ItemPublic.model_validate(item, from_attributes=True)


@router.post(
    "/meetings/{meeting_id}/items",
    status_code=201,
    response_model=ItemPublic,
    summary="Add an agenda item (at the end, or at a given position)",
)
def add_item(meeting_id: str, body: ItemCreate, auth: Secretariat, db: DbDep) -> ItemPublic:
    item = agenda.add_item(db, auth, meeting_id, body)
    db.commit()
    return _item_public(item)


@router.patch("/items/{item_id}", response_model=ItemPublic, summary="Edit an agenda item")
def update_item(item_id: str, body: ItemUpdate, auth: Secretariat, db: DbDep) -> ItemPublic:
    item = agenda.update_item(db, auth, item_id, body)
    db.commit()
    return _item_public(item)


@router.delete(
    "/items/{item_id}",
    status_code=204,
    response_class=Response,
    summary="Remove an agenda item (only while the meeting is a draft)",
)
def delete_item(item_id: str, auth: Secretariat, db: DbDep) -> Response:
    agenda.delete_item(db, auth, item_id)
    db.commit()
    return Response(status_code=204)


@router.put(
    "/meetings/{meeting_id}/items/order",
    response_model=list[ItemPublic],
    summary="Reorder the agenda",
)
def reorder(meeting_id: str, body: ItemOrder, auth: Secretariat, db: DbDep) -> list[ItemPublic]:
    items = agenda.reorder(db, auth, meeting_id, body.item_ids)
    db.commit()
    return [_item_public(item) for item in items]


@router.post(
    "/items/{item_id}/documents",
    status_code=201,
    response_model=DocumentPublic,
    summary="Attach an uploaded PDF to an item as a new document",
)
def add_document(
    item_id: str, body: DocumentCreate, auth: Secretariat, db: DbDep
) -> DocumentPublic:
    doc = documents.add_document(db, auth, item_id, body)
    db.commit()
    return documents.document_public(db, doc)


@router.post(
    "/documents/{document_id}/versions",
    status_code=201,
    response_model=DocumentPublic,
    summary="Replace a document with a new version; the old one stays",
)
def replace_document(
    document_id: str, body: VersionCreate, auth: Secretariat, db: DbDep
) -> DocumentPublic:
    doc = documents.replace_document(db, auth, document_id, body.sha256, body.filename)
    db.commit()
    return documents.document_public(db, doc)


@router.patch(
    "/documents/{document_id}",
    response_model=DocumentPublic,
    summary="Edit a document's title, kind or copy permission",
)
def update_document(
    document_id: str, body: DocumentUpdate, auth: Secretariat, db: DbDep
) -> DocumentPublic:
    doc = documents.update_document(db, auth, document_id, body)
    db.commit()
    return documents.document_public(db, doc)


@router.get(
    "/documents/{document_id}/reads",
    response_model=list[ReadPublic],
    summary="Who has opened which version",
)
def document_reads(document_id: str, auth: Secretariat, db: DbDep) -> list[ReadPublic]:
    rows = documents.document_reads(db, auth, document_id)
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
    item_id: str, body: ConclusionCreate, auth: Secretariat, db: DbDep, settings: SettingsDep
) -> ConclusionPublic:
    conclusion = agenda.add_conclusion(db, auth, item_id, body.text)
    inbox.item_decided(db, auth.body_id, Organ.of_body(db, settings, auth.body_id), [item_id])
    db.commit()
    return ConclusionPublic.model_validate(conclusion, from_attributes=True)

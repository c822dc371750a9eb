"""The Government Office's inbox of documents received through the national document exchange
("Văn bản đến"): list it, assign one to an agenda item or a written ballot (the document is
made as an upload's is, its origin kept, and status 04 queued for the sender), tell the sender
it is done (status 06) once the item it went to is decided, and list the outbound queue of
status packages. Shared by the routes and the command line; the caller
commits. Request worker threads and the command line.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.server import models as m
from ecabinet.server.errors import ApiError, not_found
from ecabinet.server.interconnect.outbox import Answered, Organ, queue_status
from ecabinet.server.interconnect.status import StatusCode
from ecabinet.server.services import documents
from ecabinet.server.services.actor import Actor, record
from ecabinet.wire.interconnect import (
    IncomingAssign,
    IncomingAttachmentPublic,
    IncomingPublic,
    OutboundStatusPublic,
)
from ecabinet.wire.meetings import DocumentCreate


def origin_of(incoming: m.IncomingDocument) -> str:
    """How members read where a document came from: "Tờ trình số 74/TTr-BTC ngày 10/11/2026
    của Bộ Tài chính" (parts the sender left out are left out)."""
    code = "/".join(p for p in (incoming.code_number, incoming.code_notation) if p)
    words = [incoming.type_name or "Văn bản"]
    if code:
        words.append(f"số {code}")
    if incoming.promulgation_date:
        words.append(f"ngày {incoming.promulgation_date:%d/%m/%Y}")
    words.append(f"của {incoming.from_organ_name}")
    return " ".join(words)[:500]


def inbox(db: Session, actor: Actor) -> list[IncomingPublic]:
    """The body's incoming documents, the latest received first."""
    rows = db.scalars(
        select(m.IncomingDocument)
        .where(m.IncomingDocument.body_id == actor.body_id)
        .order_by(m.IncomingDocument.received_at.desc(), m.IncomingDocument.id)
    ).all()
    files: dict[str, list[IncomingAttachmentPublic]] = {row.id: [] for row in rows}
    if files:
        for attachment in db.scalars(
            select(m.IncomingAttachment)
            .where(m.IncomingAttachment.incoming_id.in_(files))
            .order_by(m.IncomingAttachment.position)
        ):
            files[attachment.incoming_id].append(
                IncomingAttachmentPublic.model_validate(attachment, from_attributes=True)
            )
    return [
        IncomingPublic.model_validate(
            {
                **{c.key: getattr(row, c.key) for c in m.IncomingDocument.__table__.columns},
                "origin": origin_of(row),
                "attachments": files[row.id],
            }
        )
        for row in rows
    ]


def assign(db: Session, actor: Actor, us: Organ, order: IncomingAssign) -> m.Document:
    """The incoming document's PDF made a document of the item (or a draft of the ballot)."""
    incoming = db.get(m.IncomingDocument, order.incoming_id)
    if incoming is None or incoming.body_id != actor.body_id:
        raise not_found("incoming document")
    pdfs = list(
        db.scalars(
            select(m.IncomingAttachment)
            .where(m.IncomingAttachment.incoming_id == incoming.id, m.IncomingAttachment.kept)
            .order_by(m.IncomingAttachment.position)
        )
    )
    chosen = next((a for a in pdfs if order.attachment in (None, a.name)), None)
    if chosen is None:
        raise ApiError(
            409,
            "no_pdf",
            f"Văn bản đến không có tệp PDF {order.attachment or ''}".rstrip()
            + " để đưa vào. — The incoming document has no such PDF to assign.",
        )
    new = DocumentCreate(
        kind=order.kind,
        title=order.title or incoming.subject[:1000],
        sha256=chosen.sha256,
        filename=chosen.name,
    )
    origin = origin_of(incoming)
    if order.agenda_item_id is not None:
        doc = documents.add_document(db, actor, order.agenda_item_id, new, origin)
        item = db.get(m.AgendaItem, order.agenda_item_id)
        where = f"Phân công vào nội dung phiên họp: {item.title if item else ''}"
    else:
        assert order.ballot_id is not None  # IncomingAssign names exactly one
        doc = documents.add_ballot_document(db, actor, order.ballot_id, new, origin)
        ballot = db.get(m.Ballot, order.ballot_id)
        where = f"Phân công làm dự thảo của phiếu lấy ý kiến: {ballot.title if ballot else ''}"
    incoming.assigned_document_ids = [*incoming.assigned_document_ids, doc.id]
    queue_status(
        db,
        actor.body_id,
        us,
        Answered.of(incoming),
        StatusCode.ASSIGNED,
        where[:1000],
        incoming.id,
    )
    record(db, actor, "interconnect.assign", "incoming", incoming.id, {"document_id": doc.id})
    return doc


def item_decided(db: Session, body_id: str, us: Organ, item_ids: list[str]) -> None:
    """Status 06 "done" to the sender of each incoming document assigned to one of the items
    just decided (a conclusion recorded, a vote closed, the consent list adopted), in the
    caller's transaction; once per incoming document, however often its item is decided."""
    documents_of = {
        row.id: row.agenda_item_id
        for row in db.execute(
            select(m.Document.id, m.Document.agenda_item_id).where(
                m.Document.agenda_item_id.in_(item_ids), m.Document.origin != ""
            )
        )
    }
    if not documents_of:
        return  # nothing on these items came through the exchange: the usual case
    done = set(
        db.scalars(
            select(m.InterconnectStatus.incoming_id).where(
                m.InterconnectStatus.body_id == body_id,
                m.InterconnectStatus.status_code == StatusCode.DONE.value,
            )
        )
    )
    incoming_rows = db.scalars(
        select(m.IncomingDocument).where(m.IncomingDocument.body_id == body_id)
    ).all()
    for incoming in incoming_rows:
        assigned = [d for d in incoming.assigned_document_ids if d in documents_of]
        if not assigned or incoming.id in done:
            continue
        item = db.get(m.AgendaItem, documents_of[assigned[0]])
        meeting = db.get(m.Meeting, item.meeting_id) if item else None
        where = f"{item.title if item else ''} — {meeting.title if meeting else ''}"
        queue_status(
            db,
            body_id,
            us,
            Answered.of(incoming),
            StatusCode.DONE,
            f"Hoàn thành: nội dung đã được Chính phủ quyết định tại phiên họp: {where}"[:1000],
            incoming.id,
        )


def outbox(db: Session, actor: Actor, limit: int = 500) -> list[OutboundStatusPublic]:
    """The outbound packages of the body (statuses and results), the latest first."""
    rows = db.scalars(
        select(m.InterconnectStatus)
        .where(m.InterconnectStatus.body_id == actor.body_id)
        .order_by(m.InterconnectStatus.id.desc())
        .limit(limit)
    )
    return [outbound_public(row) for row in rows]


def outbound_public(row: m.InterconnectStatus) -> OutboundStatusPublic:
    return OutboundStatusPublic.model_validate(row, from_attributes=True).model_copy(
        update={"xml": row.xml if row.kind == "status" else ""}
    )

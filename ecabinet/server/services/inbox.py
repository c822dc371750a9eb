"""The Government Office's inbox of documents received through the national document exchange
("Văn bản đến"): list it, assign one to an agenda item or a written ballot (the document is
made as an upload's is, its origin kept, and status 04 queued for the sender), tell the sender
it is being handled (05: its session started, its ballot sent) and done (06: its item decided,
its ballot closed), and list the outbound queue. Shared by the routes and the command line;
the caller commits. Request worker threads and the command line.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ecabinet.domain.body_words import DocumentWords
from ecabinet.server import models as m
from ecabinet.server.errors import ApiError, not_found
from ecabinet.server.interconnect.outbox import Answered, Organ, queue_status
from ecabinet.server.interconnect.status import StatusCode
from ecabinet.server.services import documents
from ecabinet.server.services.actor import Actor, record
from ecabinet.server.services.lookups import body_words
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
            .where(
                m.IncomingAttachment.incoming_id == incoming.id,
                m.IncomingAttachment.kept,
                # Only a checked PDF has pages: another file stays with the incoming document.
                m.IncomingAttachment.pages > 0,
            )
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


def attachment_file(
    db: Session, actor: Actor, incoming_id: str, position: int
) -> m.IncomingAttachment:
    """One kept file of an incoming document (a PDF, or another file such as a .docx draft,
    which the Office reads but members never receive)."""
    incoming = db.get(m.IncomingDocument, incoming_id)
    row = db.scalar(
        select(m.IncomingAttachment).where(
            m.IncomingAttachment.incoming_id == incoming_id,
            m.IncomingAttachment.position == position,
            m.IncomingAttachment.kept,
        )
    )
    if incoming is None or incoming.body_id != actor.body_id or row is None:
        raise not_found("file of the incoming document")
    return row


def item_decided(db: Session, body_id: str, us: Organ, item_ids: list[str]) -> None:
    """Status 06 "done" to the sender of each incoming document assigned to one of the items
    just decided (a conclusion recorded, a vote closed, the consent list adopted), in the
    caller's transaction; once per incoming document, however often its item is decided."""
    _tell_senders(db, body_id, us, StatusCode.DONE, m.Document.agenda_item_id.in_(item_ids))


def session_started(db: Session, body_id: str, us: Organ, meeting_id: str) -> None:
    """Status 05 "being handled" to the sender of each incoming document assigned to an item
    of the session that has just started."""
    items = select(m.AgendaItem.id).where(m.AgendaItem.meeting_id == meeting_id)
    _tell_senders(db, body_id, us, StatusCode.HANDLING, m.Document.agenda_item_id.in_(items))


def ballot_moved(db: Session, body_id: str, us: Organ, ballot_id: str, code: StatusCode) -> None:
    """Status 05 when the ballot a received draft went to is sent to the members, 06 when it
    is closed."""
    _tell_senders(db, body_id, us, code, m.Document.ballot_id == ballot_id)


_SAID = {
    StatusCode.HANDLING: "Đang xử lý: {where}",
    StatusCode.DONE: "Hoàn thành: {where}",
}


def _tell_senders(
    db: Session, body_id: str, us: Organ, code: StatusCode, documents_where: ColumnElement[bool]
) -> None:
    """``code`` to the sender of each incoming document of which a document matching
    ``documents_where`` was made, once per incoming document and code."""
    made = {
        row.id: (row.agenda_item_id, row.ballot_id)
        for row in db.execute(
            select(m.Document.id, m.Document.agenda_item_id, m.Document.ballot_id).where(
                documents_where, m.Document.origin != ""
            )
        )
    }
    if not made:
        return  # nothing there came through the exchange: the usual case
    told = set(
        db.scalars(
            select(m.InterconnectStatus.incoming_id).where(
                m.InterconnectStatus.body_id == body_id,
                m.InterconnectStatus.status_code == code.value,
            )
        )
    )
    incoming_rows = db.scalars(
        select(m.IncomingDocument).where(m.IncomingDocument.body_id == body_id)
    ).all()
    words = body_words(db, body_id)
    for incoming in incoming_rows:
        assigned = [d for d in incoming.assigned_document_ids if d in made]
        if not assigned or incoming.id in told:
            continue
        item_id, ballot_id = made[assigned[0]]
        where = _where(db, item_id, ballot_id, code, words)
        description = _SAID[code].format(where=where)[:1000]
        queue_status(db, body_id, us, Answered.of(incoming), code, description, incoming.id)


def _where(
    db: Session, item_id: str | None, ballot_id: str | None, code: StatusCode, body: DocumentWords
) -> str:
    if item_id is not None:
        item = db.get(m.AgendaItem, item_id)
        meeting = db.get(m.Meeting, item.meeting_id) if item else None
        at = f"{item.title if item else ''} — {meeting.title if meeting else ''}"
        if code == StatusCode.DONE:
            return f"nội dung đã được {body.subject} quyết định tại phiên họp: {at}"
        return f"nội dung đang được {body.subject} xem xét tại phiên họp: {at}"
    ballot = db.get(m.Ballot, ballot_id) if ballot_id else None
    title = ballot.title if ballot else ""
    if code == StatusCode.DONE:
        return f"đã kết thúc lấy ý kiến thành viên {body.subject}: {title}"
    return f"đang lấy ý kiến thành viên {body.subject} bằng phiếu: {title}"


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

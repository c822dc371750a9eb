"""Results leaving through the document exchange: the Government Office issues the conclusion
notice of a decided agenda item ("Thông báo kết luận") or the summary of a closed written
ballot, a PDF it has signed, as an edXML package to the presenting ministry; the package is
signed with the body's key and queued for the delivery adapter (interconnect.delivery).

The presenting ministry is the sender of a document of the item (or ballot) that came through
the exchange; else the organ the item's presenter names ("Bộ Tài chính", the organs table);
else the one the Office names. The PDF must carry one valid signature chaining to the body's
CA (or a configured national CA), as a signed ballot reply must. The caller commits. Request
worker threads.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import BallotStatus
from ecabinet.domain.body_words import document_words
from ecabinet.domain.organs import organ_name, organ_named_in
from ecabinet.official_time import official
from ecabinet.server import models as m
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.core.config import Settings
from ecabinet.server.errors import ApiError, not_found
from ecabinet.server.interconnect.outbox import Organ
from ecabinet.server.interconnect.result import (
    Answering,
    ResultDocument,
    document_id_for,
    result_package,
)
from ecabinet.server.interconnect.xmlsig import sign_package
from ecabinet.server.pki import body_ca, trust_roots
from ecabinet.server.services.actor import Actor, record
from ecabinet.server.services.lookups import get_ballot, get_item
from ecabinet.signing.pades import check_signed_pdf
from ecabinet.wire.interconnect import ResultIssue

# A conclusion notice or a summary is a few pages; anything near this is not one.
RESULT_MAX_BYTES = 50 * 1024 * 1024


def issue(
    db: Session, actor: Actor, settings: Settings, order: ResultIssue
) -> m.InterconnectStatus:
    body = db.get(m.Body, actor.body_id)
    assert body is not None  # every account belongs to a body
    us = Organ.of(settings, body)
    if not us.id:
        raise ApiError(
            409,
            "not_on_exchange",
            f"{body.name} chưa có mã định danh trên trục liên thông văn bản. — {body.name} has "
            "no organ id on the document exchange: ask the server's administrator to give it one.",
        )
    # The Government's own words, or a People's Committee's (its name; the notation UBND),
    # read from the body's name: a Committee may be the server's configured body.
    words = document_words(body.code, body.name)
    issuer = words.subject
    if order.agenda_item_id is not None:
        item, meeting = get_item(db, actor, order.agenda_item_id)
        if not _decided(db, item.id):
            raise ApiError(
                409,
                "not_decided",
                "Nội dung chưa có kết luận hoặc kết quả biểu quyết. — The item is not decided "
                "yet: record its conclusion or close its vote first.",
            )
        documents = select(m.Document.id).where(m.Document.agenda_item_id == item.id)
        named = organ_named_in(item.presenter)
        presenter = named.code if named else None
        subject = order.subject or f"Thông báo kết luận của {issuer} về {item.title}"
        kind, type_code, type_name = "item", "TB", "Thông báo"
    else:
        assert order.ballot_id is not None  # ResultIssue names exactly one
        ballot = get_ballot(db, actor, order.ballot_id)
        if ballot.status != BallotStatus.CLOSED:
            raise ApiError(
                409,
                "not_decided",
                "Phiếu lấy ý kiến chưa kết thúc. — Close the ballot before issuing its summary.",
            )
        documents = select(m.Document.id).where(m.Document.ballot_id == ballot.id)
        presenter = None
        subject = order.subject or f"Tổng hợp ý kiến {words.members}: {ballot.title}"
        kind, type_code, type_name = "ballot", "BC", "Báo cáo"
    notation = words.result_notation(kind == "item")
    answering = _incoming_of(db, actor.body_id, set(db.scalars(documents)))
    to_id = order.to_organ_id or (answering.organ_id if answering else None) or presenter
    if not to_id or organ_name(to_id) is None:
        raise ApiError(
            409,
            "no_presenting_organ",
            "Không xác định được cơ quan trình: hãy chọn cơ quan nhận trong danh sách cơ quan "
            "liên thông. — The presenting organ is not known: name it (to_organ_id) from the "
            "organs of the exchange.",
        )
    pdf = _signed_pdf(db, settings, body, order.signed_pdf)
    today = official(m.now()).date()
    code_notation = order.code_notation or notation
    code = f"{order.code_number}/{code_notation}"
    document_id = document_id_for(us.id, today, code)
    if db.scalar(
        select(m.InterconnectStatus.id).where(
            m.InterconnectStatus.body_id == actor.body_id,
            m.InterconnectStatus.kind == "result",
            m.InterconnectStatus.response_for == document_id,
        )
    ):
        raise ApiError(
            409,
            "already_issued",
            f"Văn bản số {code} đã được gửi. — A document numbered {code} was already issued.",
        )
    xml = result_package(
        ResultDocument(
            from_organ=(us.id, us.name),
            to_organ=(to_id, organ_name(to_id) or ""),
            document_id=document_id,
            code_number=order.code_number,
            code_notation=code_notation,
            place=words.place,
            promulgated=today,
            type_code=type_code,
            type_name=type_name,
            subject=subject[:2000],
            signer_competence=order.signer_position,
            signer_position=order.signer_position,
            signer_name=order.signer_name,
            file_name=f"{code.replace('/', '-')}.pdf",
            pdf=pdf,
            answering=answering,
        )
    )
    ca = body_ca(settings, body)
    # The issuing body's own CA key seals the package: the ministry checks it against that
    # body's certificate (GET /pki/ca/{code}.pem).
    signed = sign_package(xml, ca._private_key(), ca.certificate)
    row = m.InterconnectStatus(
        body_id=actor.body_id,
        kind="result",
        agenda_item_id=order.agenda_item_id,
        ballot_id=order.ballot_id,
        to_organ_id=to_id,
        response_for=document_id,
        status_code="",
        description=f"Số {code}: {subject}"[:1000],
        xml=signed.decode("utf-8"),
        created_at=m.now(),
    )
    db.add(row)
    db.flush()
    detail = {
        "to": to_id,
        "document_id": document_id,
        "package": row.id,
        "sha256": order.signed_pdf,
    }
    # Named by what it is the result of: the record reads the item's or the ballot's title.
    of = order.agenda_item_id or order.ballot_id or ""
    record(
        db, actor, "interconnect.issue", "agenda_item" if kind == "item" else "ballot", of, detail
    )
    return row


def _decided(db: Session, item_id: str) -> bool:
    concluded = db.scalar(
        select(m.Conclusion.id).where(m.Conclusion.agenda_item_id == item_id).limit(1)
    )
    counted = db.scalar(select(m.Result.id).where(m.Result.agenda_item_id == item_id).limit(1))
    return concluded is not None or counted is not None


def _incoming_of(db: Session, body_id: str, document_ids: set[str]) -> Answering | None:
    """The earliest received ministry's document of which one of ``document_ids`` was made."""
    if not document_ids:
        return None
    for incoming in db.scalars(
        select(m.IncomingDocument)
        .where(m.IncomingDocument.body_id == body_id)
        .order_by(m.IncomingDocument.received_at)
    ):
        if document_ids.intersection(incoming.assigned_document_ids):
            code = "/".join(p for p in (incoming.code_number, incoming.code_notation) if p)
            return Answering(
                incoming.from_organ_id, incoming.document_id, code, incoming.promulgation_date
            )
    return None


def _signed_pdf(db: Session, settings: Settings, body: m.Body, sha256: str) -> bytes:
    blob = db.get(m.Blob, sha256)
    if blob is None:
        raise not_found("signed PDF (upload it first)")
    if blob.size > RESULT_MAX_BYTES:
        raise ApiError(422, "invalid_signature", "The file is far too large to be a result.")
    data = b"".join(open_blob_store(settings).read(sha256))
    check = check_signed_pdf(data, trust_roots(settings, body))
    if not check.valid:
        raise ApiError(
            422,
            "invalid_signature",
            f"Tệp PDF chưa được ký số hợp lệ. — The PDF is not validly signed: {check.reason}.",
        )
    return data

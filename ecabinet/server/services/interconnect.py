"""Receiving an edXML package from a ministry: read it (interconnect.edxml), check its XML
signature when it carries one, or must (interconnect.xmlsig), check whom it is from and for,
check each PDF attachment exactly as an upload is (the same pool of PDF checks, the same
verdicts), then store it whole in one transaction, every file as a blob by sha256, with its
status packages 01 received and 03 accepted queued for the sender. A file that is not a PDF
(a .docx draft beside the signed PDF) is kept with the incoming document and listed, never
made a member's document: members read PDFs only.

A refused package stores nothing of itself: only, when its sender is a known organ, the status
packages 01 and 02 (refused, with the reason) and an audit entry. Files are moved into the
blob store only after every check passed. Runs on a request's worker thread (the exchange's
POST) or the folder watcher's (``ecabinet-server interconnect watch``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ecabinet.domain.organs import organ_name
from ecabinet.server import models as m
from ecabinet.server.blobstore import Blobs, open_blob_store
from ecabinet.server.core.config import Settings
from ecabinet.server.errors import ApiError
from ecabinet.server.interconnect.edxml import Attachment, Package, PackageRefused, read_package
from ecabinet.server.interconnect.outbox import Answered, Organ, queue_status
from ecabinet.server.interconnect.status import StatusCode
from ecabinet.server.interconnect.xmlsig import check_package_signature, trusted_keys
from ecabinet.server.pdf_checks import PdfChecks, busy, refusal
from ecabinet.server.services.actor import Actor, record
from ecabinet.server.services.documents import record_upload
from ecabinet.wire.sync import BlobInfo

_STATUS_OF = {"too_large": 413, "server_busy": 503}


@dataclass(frozen=True)
class Receiver:
    """What a receipt needs besides the database: the blob store, the PDF checks, each body's
    organ on the exchange and the largest file an upload may be."""

    store: Blobs
    checks: PdfChecks
    # The organ of a body (by id): a package is for the body of the account that delivers it.
    organ_of: Callable[[Session, str], Organ]
    blob_max_bytes: int
    # The keys a package may be signed with (xmlsig), and whether it must be signed.
    trusted: tuple[x509.Certificate, ...] = ()
    require_signature: bool = False

    @classmethod
    def of(cls, settings: Settings, checks: PdfChecks) -> Receiver:
        return cls(
            open_blob_store(settings),
            checks,
            lambda db, body_id: Organ.of_body(db, settings, body_id),
            settings.blob_max_bytes,
            tuple(trusted_keys(settings.exchange_trust)),
            settings.exchange_require_signature,
        )


@dataclass(frozen=True)
class _Checked:
    attachment: Attachment
    sha256: str
    pages: int
    temp: Path | None  # the checked PDF, waiting to be moved into the store


def receive(db: Session, actor: Actor, receiver: Receiver, path: Path) -> tuple[str, bool]:
    """(the incoming document's id, whether it is new) for the package in ``path``; an
    ApiError (problem+json: Vietnamese, then English) when refused."""
    checked: list[_Checked] = []
    package: Package | None = None
    us = receiver.organ_of(db, actor.body_id)
    try:
        try:
            package = read_package(path)
            check_package_signature(path, list(receiver.trusted), receiver.require_signature)
            _check_organs(package, us)
            known = _already_received(db, actor, package)
            if known is not None:
                return known, False
            # No transaction held while the PDFs are checked: on SQLite it would hold the
            # write lock, and every member's vote would wait for the checks.
            db.commit()
            checked = _check_attachments(package, receiver)
        except PackageRefused as refused:
            if package is not None:
                refused.sender, refused.document_id = package.from_organ_id, package.document_id
            _refuse(db, actor, us, refused)
            raise _problem(refused) from None
        incoming = _store(db, actor, us, package, checked)
        for one in checked:
            if one.temp is not None:
                receiver.store.commit(one.temp, one.sha256)
        try:
            db.commit()
        except IntegrityError:  # the same package, delivered twice at the same moment
            db.rollback()
            known = _already_received(db, actor, package)
            if known is None:
                raise
            return known, False
        return incoming.id, True
    finally:
        for one in checked:
            if one.temp is not None:
                one.temp.unlink(missing_ok=True)


def _check_organs(package: Package, us: Organ) -> None:
    if organ_name(package.from_organ_id) is None:
        raise PackageRefused(
            "unknown_organ",
            f"Gói tin bị từ chối: cơ quan gửi có mã {package.from_organ_id[:50]} không có "
            "trong danh sách cơ quan liên thông.",
            f"The package was refused: the sending organ {package.from_organ_id[:50]} is "
            "not a known organ of the exchange.",
        )
    if not us.id:
        raise PackageRefused(
            "wrong_recipient",
            f"Gói tin bị từ chối: {us.name} chưa có mã định danh trên trục liên thông.",
            f"The package was refused: {us.name} has no organ id on the exchange.",
        )
    if us.id not in package.to_organ_ids:
        raise PackageRefused(
            "wrong_recipient",
            f"Gói tin bị từ chối: gói tin không gửi đến {us.name} (mã {us.id}).",
            f"The package was refused: it is not addressed to {us.name} ({us.id}).",
        )


def _already_received(db: Session, actor: Actor, package: Package) -> str | None:
    return db.scalar(
        select(m.IncomingDocument.id).where(
            m.IncomingDocument.body_id == actor.body_id,
            m.IncomingDocument.from_organ_id == package.from_organ_id,
            m.IncomingDocument.document_id == package.document_id,
        )
    )


def _check_attachments(package: Package, receiver: Receiver) -> list[_Checked]:
    """Each PDF written to a temporary file of the store and checked; the first that fails
    refuses the package, named. The caller removes the temporary files."""
    checked: list[_Checked] = []
    try:
        for attachment in package.attachments:
            checked.append(_check_one(attachment, receiver))
    except BaseException:
        for one in checked:
            if one.temp is not None:
                one.temp.unlink(missing_ok=True)
        raise
    return checked


def _check_one(attachment: Attachment, receiver: Receiver) -> _Checked:
    name, data = attachment.name, attachment.data
    sha = hashlib.sha256(data).hexdigest()
    if len(data) > receiver.blob_max_bytes:
        limit = receiver.blob_max_bytes // (1024 * 1024)
        raise PackageRefused(
            "too_large",
            f"Gói tin bị từ chối: tệp đính kèm {name} lớn hơn giới hạn {limit} MB.",
            f"The package was refused: the attachment {name} is larger than {limit} MB.",
        )
    fh, temp = receiver.store.temp_file()
    try:
        fh.write(data)
        fh.flush()
        # Another file is kept as it came, for the Office: no PDF check applies to it.
        check = receiver.checks.check(temp) if attachment.is_pdf else None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        fh.close()
    if not attachment.is_pdf:
        return _Checked(attachment, sha, 0, temp)
    if check is None:
        temp.unlink(missing_ok=True)
        raise busy(receiver.checks)
    refused = refusal(check)
    if refused is not None:
        temp.unlink(missing_ok=True)
        raise PackageRefused(
            refused.code,
            f"Gói tin bị từ chối: tệp đính kèm {name} không qua được kiểm tra tệp PDF (không "
            "phải PDF, bị mã hóa, bị hỏng hoặc chứa nội dung có thể tự chạy).",
            f"The package was refused: the attachment {name}: {refused.detail}",
        )
    return _Checked(attachment, sha, check.pages, temp)


def _store(
    db: Session, actor: Actor, us: Organ, package: Package, checked: list[_Checked]
) -> m.IncomingDocument:
    incoming = m.IncomingDocument(
        body_id=actor.body_id,
        from_organ_id=package.from_organ_id,
        # The table's name, not the package's: the inbox names organs as the Office does.
        from_organ_name=organ_name(package.from_organ_id) or package.from_organ_name[:200],
        document_id=package.document_id,
        code_number=package.code_number,
        code_notation=package.code_notation,
        place=package.place,
        promulgation_date=package.promulgation_date,
        type_code=package.type_code,
        type_name=package.type_name,
        subject=package.subject,
        content=package.content,
        signer_competence=package.signer_competence,
        signer_position=package.signer_position,
        signer_name=package.signer_name,
        due_date=package.due_date,
        priority=package.priority,
        received_by=actor.user_id,
    )
    db.add(incoming)
    db.flush()
    for position, one in enumerate(checked, start=1):
        kept = one.temp is not None  # always, now; rows of earlier versions may say not
        db.add(
            m.IncomingAttachment(
                incoming_id=incoming.id,
                position=position,
                name=one.attachment.name,
                content_type=one.attachment.content_type[:100],
                sha256=one.sha256,
                size=len(one.attachment.data),
                pages=one.pages,
                kept=kept,
            )
        )
        if kept and one.attachment.is_pdf:
            record_upload(
                db,
                actor,
                BlobInfo(sha256=one.sha256, size=len(one.attachment.data), pages=one.pages),
            )
    answered = Answered.of(incoming)
    queue_status(db, actor.body_id, us, answered, StatusCode.RECEIVED, "Đã đến.", incoming.id)
    queue_status(db, actor.body_id, us, answered, StatusCode.ACCEPTED, "Đã tiếp nhận.", incoming.id)
    detail = {"from": incoming.from_organ_id, "document_id": incoming.document_id}
    record(db, actor, "interconnect.receive", "incoming", incoming.id, detail)
    return incoming


def _refuse(db: Session, actor: Actor, us: Organ, refused: PackageRefused) -> None:
    """The refusal's trace: statuses 01 and 02 for a known sender, and an audit entry."""
    db.rollback()
    detail = {"code": refused.code, "from": refused.sender[:50], "reason": refused.en}
    if refused.sender and organ_name(refused.sender) is not None and refused.document_id:
        answered = Answered(refused.sender, refused.document_id[:100])
        queue_status(db, actor.body_id, us, answered, StatusCode.RECEIVED, "Đã đến.")
        queue_status(db, actor.body_id, us, answered, StatusCode.REFUSED, refused.vi)
    record(db, actor, "interconnect.refuse", "package", "", detail)
    db.commit()


def _problem(refused: PackageRefused) -> ApiError:
    return ApiError(_STATUS_OF.get(refused.code, 422), refused.code, refused.detail)

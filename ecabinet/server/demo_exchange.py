"""The demo's documents from the national document exchange: three ministries' packages in the
Government Office's inbox ("Văn bản đến"), built as edXML by the production builder
(interconnect.result) and received exactly as the exchange's adapter delivers one (the same
service, services.interconnect.receive: read, PDF checks, status packages 01 and 03 queued);
the first is then assigned to an agenda item, as the Office does, so the outbound list shows
its status 04 too. Runs once, in the demo's seeding, on the seeding thread.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import DocumentKind
from ecabinet.domain.organs import organ
from ecabinet.official_time import official
from ecabinet.pdf.compose import DocumentSpec, Section, compose
from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.server.demo_content.texts import dated
from ecabinet.server.interconnect.outbox import Organ
from ecabinet.server.interconnect.result import ResultDocument, document_id_for, result_package
from ecabinet.server.pdf_checks import PdfChecks
from ecabinet.server.services import inbox
from ecabinet.server.services.actor import CommandLine
from ecabinet.server.services.interconnect import Receiver, receive
from ecabinet.wire.interconnect import IncomingAssign


@dataclass(frozen=True)
class _Sent:
    sender: str  # the organ's name
    number: str
    type_code: str
    type_name: str
    subject: str
    signer: str
    days_ago: int
    # The agenda item (by title) the Office has already assigned it to, with the kind.
    assigned_to: str = ""
    kind: DocumentKind = DocumentKind.REPORT


SENT = (
    _Sent(
        "Bộ Tư pháp",
        "215",
        "BC",
        "Báo cáo",
        "Báo cáo thẩm định dự thảo Nghị định quy định chi tiết Luật Dữ liệu",
        "Nguyễn Hải Ninh",
        3,
        assigned_to="Dự thảo Nghị định quy định chi tiết Luật Dữ liệu",
    ),
    _Sent(
        "Bộ Y tế",
        "88",
        "TTr",
        "Tờ trình",
        "Tờ trình dự thảo Nghị định quy định về khám bệnh, chữa bệnh từ xa",
        "Đào Hồng Lan",
        2,
    ),
    _Sent(
        "Ngân hàng Nhà nước Việt Nam",
        "41",
        "BC",
        "Báo cáo",
        "Báo cáo tình hình thực hiện chính sách tiền tệ và hoạt động ngân hàng tháng 10",
        "Nguyễn Thị Hồng",
        1,
    ),
)

_PARAGRAPHS = (
    "Thực hiện chỉ đạo của Chính phủ, cơ quan đã tổ chức nghiên cứu, tổng hợp ý kiến của các "
    "bộ, ngành, địa phương và đối tượng chịu sự tác động.",
    "Nội dung văn bản phù hợp với chủ trương, đường lối của Đảng, bảo đảm tính hợp hiến, hợp "
    "pháp, tính thống nhất của hệ thống pháp luật và tính khả thi.",
    "Kính đề nghị Chính phủ xem xét, cho ý kiến tại phiên họp gần nhất.",
)


def _pdf(sent: _Sent, notation: str, issued: date) -> bytes:
    return compose(
        DocumentSpec(
            title=f"{sent.type_name.upper()}\n{sent.subject.removeprefix(sent.type_name + ' ')}",
            issuer=sent.sender.upper(),
            number=f"Số: {sent.number}/{notation}",
            dated=dated(issued),
            subtitle="Kính gửi: Chính phủ",
            sections=[
                Section(head, _PARAGRAPHS, 0)
                for head in ("I. CĂN CỨ", "II. NỘI DUNG CHỦ YẾU", "III. KIẾN NGHỊ")
            ],
            footer=f"{sent.number}/{notation}",
        )
    )


def seed_incoming(db: Session, settings: Settings, body: m.Body) -> None:
    """The three packages received, the first assigned; commits."""
    actor = CommandLine(body.id)  # the exchange's folder watcher receives as this too
    receiver = Receiver.of(settings, PdfChecks.for_settings(settings))
    us = Organ.of(settings, body)
    today = official(m.now()).date()
    with tempfile.TemporaryDirectory() as folder:
        for index, sent in enumerate(SENT):
            sender = organ(sent.sender)
            notation = f"{sent.type_code}-{sender.notation}"
            issued = today - timedelta(days=sent.days_ago)
            code = f"{sent.number}/{notation}"
            package = result_package(
                ResultDocument(
                    from_organ=(sender.code, sender.name),
                    to_organ=(us.id, us.name),
                    document_id=document_id_for(sender.code, issued, code),
                    code_number=sent.number,
                    code_notation=notation,
                    place="Hà Nội",
                    promulgated=issued,
                    type_code=sent.type_code,
                    type_name=sent.type_name,
                    subject=sent.subject,
                    signer_competence="KT. " + sender.head.upper(),
                    signer_position="Thứ trưởng" if index < 2 else "Phó Thống đốc",
                    signer_name=sent.signer,
                    file_name=f"{code.replace('/', '-')}.pdf",
                    pdf=_pdf(sent, notation, issued),
                )
            )
            path = Path(folder) / f"{index}.edxml"
            path.write_bytes(package)
            incoming_id, _new = receive(db, actor, receiver, path)
            item_id = db.scalar(
                select(m.AgendaItem.id).where(m.AgendaItem.title == sent.assigned_to).limit(1)
            )
            if sent.assigned_to and item_id is not None:
                order = IncomingAssign(
                    incoming_id=incoming_id, agenda_item_id=item_id, kind=sent.kind
                )
                inbox.assign(db, actor, us, order)
                db.commit()

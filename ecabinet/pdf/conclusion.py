"""The conclusion notice of an agenda item ("Thông báo kết luận"), as a PDF to be signed by the
Government Office and sent to the presenting ministry through the document exchange. Pure; any
thread (built on the network lane or the command line, never the GUI thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ecabinet.domain.body_words import GOVERNMENT, DocumentWords
from ecabinet.pdf.compose import DocumentSpec, Section, compose


@dataclass(frozen=True)
class ConclusionNotice:
    number: str  # "123/TB-VPCP"
    issued: date
    item_title: str
    meeting_title: str
    meeting_date: date | None
    presiding: str  # "Thủ tướng Chính phủ Phạm Minh Chính"
    conclusions: tuple[str, ...]
    presenter: str = ""  # "Bộ Tài chính"
    place: str = "Hà Nội"
    body: DocumentWords = GOVERNMENT  # whose conclusion: the Government's, a Committee's


def conclusion_notice_pdf(notice: ConclusionNotice) -> bytes:
    body = notice.body
    held = f" ngày {notice.meeting_date:%d/%m/%Y}" if notice.meeting_date else ""
    opening = (
        f"Tại {notice.meeting_title}{held}, {body.subject} đã thảo luận {notice.item_title}"
        + (f" do {notice.presenter} trình" if notice.presenter else "")
        + f". Sau khi nghe ý kiến các {body.members}, {notice.presiding} kết luận như sau:"
    )
    conclusions = [f"{n}. {text}" for n, text in enumerate(notice.conclusions, start=1)]
    sections = [Section("", [opening, *conclusions])]
    if notice.presenter:
        sections.append(
            Section("", [f"{body.office} thông báo để {notice.presenter} biết, thực hiện."])
        )
    return compose(
        DocumentSpec(
            title="THÔNG BÁO",
            issuer=body.letterhead,
            number=f"Số: {notice.number}",
            subtitle=f"Kết luận của {body.subject} về {notice.item_title}",
            dated=f"{notice.place}, ngày {notice.issued.day:02d} tháng "
            f"{notice.issued.month:02d} năm {notice.issued.year}",
            sections=sections,
            footer="Thông báo kết luận",
        )
    )

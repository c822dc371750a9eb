"""The member's reply form to a written ballot ("Phiếu lấy ý kiến thành viên Chính phủ", or of
a People's Committee: the body's words, ecabinet.domain.body_words).

The form is made on the laptop, offline, then signed (ecabinet.signing.pades). Besides the
printed text, it carries its answer as JSON in the document information dictionary, which the
signature covers, so the server can check that the signed choice is the choice sent.
Pure core; any thread.
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass
from datetime import datetime

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from ecabinet.domain.body_words import GOVERNMENT, DocumentWords
from ecabinet.official_time import official, official_text
from ecabinet.pdf.fonts import new_document

INFO_KEY = "/ECabinetReply"

CHOICE_LABELS = {"agree": "Đồng ý", "disagree": "Không đồng ý", "other": "Ý kiến khác"}
TICKED, UNTICKED = "☑", "☐"  # DejaVu Sans has both ballot-box glyphs
# The form is dated in Hanoi time (Vietnam keeps UTC+7 all year): a reply signed at 23:30 UTC
# is dated the next day there.


@dataclass(frozen=True)
class ReplyFields:
    ballot_id: str
    user_id: str
    choice: str
    comment: str


@dataclass(frozen=True)
class ReplyForm:
    fields: ReplyFields
    ballot_title: str
    question: str
    member_name: str
    member_title: str
    signed_on: datetime
    place: str = "Hà Nội"
    deadline: datetime | None = None  # printed in official time (rule 7)
    body: DocumentWords = GOVERNMENT  # the member's body: the Government's, a Committee's


def build_reply_form(form: ReplyForm) -> bytes:
    """The unsigned form as PDF bytes; ``form.signed_on`` must carry a time zone."""
    pdf = new_document()
    pdf.set_title(f"Phiếu lấy ý kiến - {form.ballot_title}")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 12)
    pdf.cell(0, 7, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 11)
    pdf.cell(0, 7, "Độc lập - Tự do - Hạnh phúc", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("DejaVu", "B", 14)
    # A Committee's name is long: the heading wraps rather than runs off the page.
    heading = f"PHIẾU LẤY Ý KIẾN {form.body.members.upper()}"
    pdf.multi_cell(0, 9, heading, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 12)
    pdf.multi_cell(0, 7, form.ballot_title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.multi_cell(0, 7, f"Nội dung xin ý kiến: {form.question}", new_x="LMARGIN", new_y="NEXT")
    if form.deadline is not None:
        pdf.cell(
            0, 7, f"Hạn trả lời: {official_text(form.deadline)}", new_x="LMARGIN", new_y="NEXT"
        )
    pdf.ln(4)
    pdf.multi_cell(0, 7, f"{form.body.members}: {form.member_name}", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 7, f"Chức vụ: {form.member_title}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.cell(0, 7, "Ý kiến:", new_x="LMARGIN", new_y="NEXT")
    for choice, label in CHOICE_LABELS.items():
        box = TICKED if choice == form.fields.choice else UNTICKED
        pdf.cell(0, 8, f"    {box}  {label}", new_x="LMARGIN", new_y="NEXT")
    if form.fields.comment:
        pdf.ln(2)
        pdf.cell(0, 7, "Ý kiến cụ thể:", new_x="LMARGIN", new_y="NEXT")
        # Line by line, as the member wrote it (an opinion from notes has one line per note),
        # each wrapped within the margins and set a little apart; the words are not changed.
        for line in form.fields.comment.split("\n"):
            pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    pdf.ln(8)
    day = official(form.signed_on)
    pdf.cell(
        0,
        7,
        f"{form.place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
        align="R",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.cell(
        0, 7, f"Thời điểm ký: {official_text(form.signed_on)}", align="R", new_x="LMARGIN",
        new_y="NEXT",
    )  # fmt: skip
    pdf.cell(0, 7, "(Ký số)", align="R", new_x="LMARGIN", new_y="NEXT")
    writer = PdfWriter(clone_from=io.BytesIO(bytes(pdf.output())))
    writer.add_metadata(
        {INFO_KEY: json.dumps(asdict(form.fields), ensure_ascii=False, sort_keys=True)}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read_reply_fields(data: bytes) -> ReplyFields | None:
    """The answer embedded in a form, or None if there is none or it is malformed."""
    try:
        info = PdfReader(io.BytesIO(data)).metadata
        raw = info.get(INFO_KEY) if info else None
        if not isinstance(raw, str):
            return None
        values = json.loads(raw)
        return ReplyFields(
            **{k: str(values[k]) for k in ("ballot_id", "user_id", "choice", "comment")}
        )
    except (PyPdfError, ValueError, KeyError, TypeError):
        return None

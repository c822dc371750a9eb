"""The minutes, the conclusion notice, the reply form and the ballot summary speak of the body
that made them: Hà Nội's People's Committee's say "Thành viên Ủy ban nhân dân thành phố Hà Nội"
and never "Chính phủ"; the Government's read exactly as before."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from ecabinet.domain.body_words import GOVERNMENT, DocumentWords, document_words
from ecabinet.pdf.conclusion import ConclusionNotice, conclusion_notice_pdf
from ecabinet.pdf.fonts import new_document
from ecabinet.pdf.minutes import minutes_pdf
from ecabinet.pdf.reply_form import ReplyFields, ReplyForm, build_reply_form
from ecabinet.pdf.summary import summary_pdf
from ecabinet.pdf.text_layout import page_texts
from ecabinet.wire.minutes import Minutes
from ecabinet.wire.summary import BallotSummary

HANOI = "Ủy ban nhân dân thành phố Hà Nội"
HANOI_WORDS = document_words("hanoi", HANOI)
AT = datetime(2026, 3, 16, 1, 30, tzinfo=UTC)


def text(pdf: bytes) -> str:
    """The words of every page, each run of spaces and line breaks one space."""
    return " ".join(" ".join(page.text for page in page_texts(pdf)).split())


def minutes(body: DocumentWords) -> str:
    vote = {"full_name": "A", "choice": "agree", "received_at": AT + timedelta(minutes=15)}
    result = {"agree": 1, "disagree": 0, "abstain": 0, "not_voted": 0, "total_members": 3,
              "passed": False}  # fmt: skip
    record = Minutes(
        meeting_id=str(uuid.uuid4()), title="Phiên họp thường kỳ tháng 3", kind="regular",
        status="closed", starts_at=AT, chair="Nguyễn Văn A", total_members=3, quorum_needed=2,
        present=["A", "B"],
        items=[{"position": 1, "title": "Nội dung", "status": "closed", "votes": [vote],
                "result": result}],
    )  # fmt: skip
    return text(minutes_pdf(record, body))


def conclusion(body: DocumentWords) -> str:
    notice = ConclusionNotice(
        number=f"12/{body.result_notation(True)}",
        issued=date(2026, 3, 20),
        item_title="Đề án phát triển giao thông",
        meeting_title="Phiên họp thường kỳ tháng 3",
        meeting_date=date(2026, 3, 16),
        presiding=body.head,
        conclusions=("Thống nhất thông qua.",),
        presenter="Sở Xây dựng",
        place=body.place,
        body=body,
    )
    return text(conclusion_notice_pdf(notice))


def reply_form(body: DocumentWords) -> str:
    fields = ReplyFields("b", "u", "agree", "")
    form = ReplyForm(fields, "Phiếu", "Đồng ý?", "Trần Văn B", "Giám đốc Sở Tài chính", AT,
                     place=body.place, body=body)  # fmt: skip
    return text(build_reply_form(form))


def summary(body: DocumentWords) -> str:
    counted = BallotSummary(
        ballot_id=str(uuid.uuid4()), title="Phiếu", question="?", status="closed",
        deadline=AT, total_members=3, agree=2, disagree=0, other=0, not_answered=1, late=0,
        passed=True,
    )  # fmt: skip
    return text(summary_pdf(counted, body))


DOCUMENTS = [minutes, conclusion, reply_form, summary]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_committee_s_documents_name_the_committee(document: object) -> None:
    said = document(HANOI_WORDS)  # type: ignore[operator]
    assert f"Thành viên {HANOI}".upper() in said.upper()
    assert "Chính phủ".upper() not in said.upper() and "VPCP" not in said


def test_a_committee_s_documents_say_each_of_its_words() -> None:
    assert f"BIÊN BẢN PHIÊN HỌP {HANOI.upper()}" in minutes(HANOI_WORDS)
    assert f"trên tổng số 3 Thành viên {HANOI}. Kết quả" in minutes(HANOI_WORDS)
    said = conclusion(HANOI_WORDS)
    # The heading's two columns, read line by line: the Committee over its Office, the motto.
    assert said.startswith("UBND THÀNH PHỐ HÀ NỘI CỘNG HÒA") and "VIỆT NAM VĂN PHÒNG Độc" in said
    assert "Số: 12/TB-UBND" in said
    assert f"{HANOI} đã thảo luận" in said and f"Kết luận của {HANOI} về" in said
    assert f"Văn phòng {HANOI} thông báo để Sở Xây dựng" in said
    assert f"Chủ tịch {HANOI} kết luận" in said and "Hà Nội, ngày 20 tháng 03 năm 2026" in said
    form = reply_form(HANOI_WORDS)
    assert f"PHIẾU LẤY Ý KIẾN THÀNH VIÊN {HANOI.upper()}" in form
    assert f"Thành viên {HANOI}: Trần Văn B" in form
    assert f"quá nửa tổng số Thành viên {HANOI} đồng ý" in summary(HANOI_WORDS)


def test_the_government_s_documents_read_as_before() -> None:
    said = minutes(GOVERNMENT)
    assert "BIÊN BẢN PHIÊN HỌP CHÍNH PHỦ" in said and "VĂN PHÒNG CHÍNH PHỦ" in said
    assert "Có mặt 2/3 Thành viên Chính phủ (cần 2 để biểu quyết)" in said
    assert "trên tổng số 3 Thành viên Chính phủ. Kết quả" in said
    said = conclusion(GOVERNMENT)
    assert "Số: 12/TB-VPCP" in said and "Kết luận của Chính phủ về Đề án" in said
    assert "Phiên họp thường kỳ tháng 3 ngày 16/03/2026, Chính phủ đã thảo luận" in said
    assert "Sau khi nghe ý kiến các Thành viên Chính phủ, Thủ tướng Chính phủ kết luận" in said
    assert "Văn phòng Chính phủ thông báo để Sở Xây dựng biết, thực hiện." in said
    form = reply_form(GOVERNMENT)
    assert "PHIẾU LẤY Ý KIẾN THÀNH VIÊN CHÍNH PHỦ" in form
    assert "Thành viên Chính phủ: Trần Văn B" in form
    said = summary(GOVERNMENT)
    assert "BÁO CÁO TỔNG HỢP Ý KIẾN THÀNH VIÊN CHÍNH PHỦ" in said
    assert "Tổng số Thành viên Chính phủ: 3." in said
    assert "Kết quả theo quy định (quá nửa tổng số Thành viên Chính phủ đồng ý)" in said


@pytest.mark.parametrize("name", [HANOI, "Ủy ban nhân dân Thành phố Hồ Chí Minh"])
def test_a_committee_s_letterhead_fits_its_column(name: str) -> None:
    """The issuer's column is 90 mm wide (compose._heading): each line of the letterhead,
    set in its bold, fits it rather than running under the national motto."""
    pdf = new_document()
    pdf.set_font("DejaVu", "B", 12)
    for line in document_words("x", name).letterhead.split("\n"):
        assert pdf.get_string_width(line) <= 90, line
    pdf.add_page()
    pdf.output()  # fpdf2 lets go of its fonts' files once it has written them

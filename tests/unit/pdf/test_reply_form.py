"""The member's reply form: readable Vietnamese for people, embedded fields for the server."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader, PdfWriter

from ecabinet.pdf.reply_form import (
    INFO_KEY,
    TICKED,
    UNTICKED,
    ReplyFields,
    ReplyForm,
    build_reply_form,
    read_reply_fields,
)
from tests.pdfs import make_pdf

FIELDS = ReplyFields("b-1", "u-1", "other", "Đề nghị bổ sung Điều 7 về nguồn vốn.")


def form(fields: ReplyFields = FIELDS, **changes: object) -> ReplyForm:
    values: dict[str, object] = {
        "fields": fields,
        "ballot_title": "Dự thảo Nghị định quy định chi tiết Luật Đầu tư công",
        "question": "Đồng chí có đồng ý thông qua dự thảo Nghị định?",
        "member_name": "Trần Thị Lan",
        "member_title": "Bộ trưởng Bộ Tư pháp",
        "signed_on": datetime(2026, 3, 14, 23, 30, tzinfo=UTC),
    }
    values.update(changes)
    return ReplyForm(**values)  # type: ignore[arg-type]


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_form_reads_as_the_paper_one_did() -> None:
    pdf = build_reply_form(form())
    reader = PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 2
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4
    text = text_of(pdf)
    for expected in (
        "PHIẾU LẤY Ý KIẾN THÀNH VIÊN CHÍNH PHỦ",
        "Dự thảo Nghị định quy định chi tiết Luật Đầu tư công",
        "Đồng chí có đồng ý thông qua dự thảo Nghị định?",
        "Trần Thị Lan",
        "Bộ trưởng Bộ Tư pháp",
        "Đồng ý",
        "Không đồng ý",
        "Đề nghị bổ sung Điều 7 về nguồn vốn.",
        # 23:30 UTC on the 14th is the 15th in Hanoi.
        "Hà Nội, ngày 15 tháng 03 năm 2026",
        "Thời điểm ký: 15/03/2026 06:30 (giờ Hà Nội)",
    ):
        assert expected in text, expected


@pytest.mark.parametrize(
    ("choice", "label"),
    [("agree", "Đồng ý"), ("disagree", "Không đồng ý"), ("other", "Ý kiến khác")],
)
def test_exactly_the_chosen_box_is_ticked(choice: str, label: str) -> None:
    text = text_of(build_reply_form(form(ReplyFields("b", "u", choice, ""))))
    ticked = [line for line in text.splitlines() if TICKED in line]
    assert len(ticked) == 1 and ticked[0].strip().endswith(label)
    assert text.count(UNTICKED) == 2


def test_the_embedded_fields_read_back() -> None:
    assert read_reply_fields(build_reply_form(form())) == FIELDS


def test_a_long_comment_still_fits_two_pages() -> None:
    fields = ReplyFields("b", "u", "other", "Cần làm rõ phạm vi điều chỉnh. " * 60)
    pdf = build_reply_form(form(fields))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2
    assert read_reply_fields(pdf) == fields


def _with_info(value: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf(1)))
    writer.add_metadata({INFO_KEY: value})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        make_pdf(1),  # no fields at all
        _with_info("not json"),
        _with_info('{"ballot_id": "b"}'),  # fields missing
        _with_info("[1, 2]"),
        b"not a pdf",
        b"",
    ],
)
def test_anything_else_reads_as_none(data: bytes) -> None:
    assert read_reply_fields(data) is None

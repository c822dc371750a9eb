"""Notes written into the PDF as real annotation objects; XFDF out and back; the watermark."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pypdfium2
import pytest
from pypdf import PdfReader

from ecabinet.pdf.annotate import watermarked, with_annotations
from ecabinet.pdf.text_layout import page_texts, text_rects
from ecabinet.pdf.xfdf import from_xfdf, to_xfdf
from ecabinet.pdf.xfdf_problems import XfdfError, XfdfProblem
from ecabinet.wire.objects import AnnotationData
from tests.pdfs import make_pdf

MOMENT = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
AUTHOR = "11111111-1111-4111-8111-111111111111"


def note(kind: str, page: int = 0, **fields: object) -> AnnotationData:
    return AnnotationData.model_validate(
        {
            "id": f"00000000-0000-4000-8000-00000000000{len(kind) % 10}",
            "author_id": AUTHOR,
            "document_version_id": "22222222-2222-4222-8222-222222222222",
            "page": page,
            "kind": kind,
            "created_at": MOMENT,
            "updated_at": MOMENT,
            **fields,
        }
    )


def test_text_boxes_sit_on_the_words() -> None:
    data = make_pdf(1, "Dự thảo Nghị quyết ngân sách")
    (page,) = page_texts(data)
    at = page.text.index("ngân sách")
    (box,) = text_rects(data, 0, at, len("ngân sách"))
    x0, y0, x1, y1 = box
    assert 0 < x0 < x1 < page.width and 0 < y0 < y1 < 100  # near the top, origin top left


def test_every_kind_becomes_a_pdf_annotation_another_reader_sees() -> None:
    data = make_pdf(2)
    notes = [
        note("highlight", rects=[(50, 40, 200, 55)], text="Xem lại", color="#ff0000"),
        note("underline", rects=[(50, 60, 200, 75)]),
        note("strikeout", rects=[(50, 80, 200, 95)]),
        note("note", page=1, rects=[(300, 300, 320, 320)], text="Ghi chú dán"),
        note("ink", points=[[(10, 10), (40, 60), (80, 20)]]),
        note("freetext", rects=[(100, 500, 300, 540)], text="Ý kiến"),
    ]
    out = with_annotations(data, notes, {AUTHOR: "Nguyễn Văn A"})
    reader = PdfReader(io.BytesIO(out))
    first = [a.get_object() for a in reader.pages[0].annotations]
    subtypes = sorted(str(a["/Subtype"]) for a in first)
    assert subtypes == ["/FreeText", "/Highlight", "/Ink", "/StrikeOut", "/Underline"]
    highlight = next(a for a in first if a["/Subtype"] == "/Highlight")
    height = float(reader.pages[0].mediabox.top)
    quads = [float(v) for v in highlight["/QuadPoints"]]
    assert quads[:2] == [50, pytest.approx(height - 40)]  # upper left, flipped to PDF's origin
    assert highlight["/T"] == "Nguyễn Văn A" and highlight["/Contents"] == "Xem lại"
    assert [float(c) for c in highlight["/C"]] == [1.0, 0.0, 0.0]
    (sticky,) = [a.get_object() for a in reader.pages[1].annotations]
    assert sticky["/Subtype"] == "/Text" and sticky["/Contents"] == "Ghi chú dán"
    # pdfium, the engine of other readers, sees the same objects.
    document = pypdfium2.PdfDocument(out)
    page = document[0]  # kept alive while its raw handle is used
    assert pypdfium2.raw.FPDFPage_GetAnnotCount(page.raw) == 5
    page.close()
    document.close()


def test_notes_go_out_as_xfdf_and_come_back() -> None:
    heights = [841.89, 841.89]
    notes = [
        note("highlight", rects=[(50, 40, 200, 55), (50, 56, 120, 70)], text="Xem lại"),
        note("ink", page=1, points=[[(10, 10), (40, 60)]]),
    ]
    data = to_xfdf(notes, heights, {AUTHOR: "Nguyễn Văn A"}, "du-thao.pdf")
    assert b"<highlight" in data and b'title="Nguy' in data
    back = from_xfdf(data, heights)
    assert [n.kind for n in back] == ["highlight", "ink"]
    assert back[0].id == notes[0].id  # importing again updates, never duplicates
    assert back[0].rects == [pytest.approx(r) for r in notes[0].rects]
    assert back[0].text == "Xem lại"
    assert back[1].points == [[pytest.approx(p) for p in notes[1].points[0]]]
    assert back[1].width == notes[1].width


@pytest.mark.parametrize(
    ("data", "words", "problem"),
    [
        (b"not xml", "not XML", XfdfProblem.NOT_XML),
        (b"<html/>", "not an XFDF", XfdfProblem.NOT_XFDF),
        (b'<xfdf xmlns="http://ns.adobe.com/xfdf/"><annots><highlight page="9" rect="0,0,1,1"/>'
         b"</annots></xfdf>", "page 10", XfdfProblem.NO_SUCH_PAGE),
        (b'<xfdf xmlns="http://ns.adobe.com/xfdf/"><annots><highlight page="0" rect="a,b"/>'
         b"</annots></xfdf>", "numbers", XfdfProblem.DAMAGED),
    ],
)  # fmt: skip
def test_a_bad_xfdf_is_refused_in_words(data: bytes, words: str, problem: XfdfProblem) -> None:
    with pytest.raises(XfdfError, match=words) as refused:
        from_xfdf(data, [841.89])
    assert refused.value.problem == problem
    assert refused.value.page == (10 if problem == XfdfProblem.NO_SUCH_PAGE else 0)


def test_every_page_carries_the_watermark() -> None:
    data = make_pdf(3)
    line = "Bản của Nguyễn Văn A — 22/11/2026 09:30"
    out = watermarked(data, line)
    pages = page_texts(out)
    assert len(pages) == 3
    assert all("Nguyễn Văn A" in page.text for page in pages)
    assert all("Dự thảo Nghị quyết" in page.text for page in pages)  # the draft is still there

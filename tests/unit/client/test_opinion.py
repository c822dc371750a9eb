"""A formal opinion composed from a member's notes, on a real draft with articles and clauses:
page order, the article and clause above each note, its quote and its words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ecabinet.client.opinion import article_above, compose_opinion
from ecabinet.pdf.quotes import find_words, quote_at
from ecabinet.pdf.text_layout import index_at_height, page_texts
from ecabinet.wire.objects import AnnotationData
from tests.pdfs import make_draft

DRAFT = make_draft()
PAGES = [p.text for p in page_texts(DRAFT)]
MOMENT = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def _note(page: int, words: str = "", text: str = "", n: int = 0, **more: object) -> AnnotationData:
    fields: dict[str, object] = {"text": text, **more}
    if words:
        found = find_words(PAGES[page], words)
        assert found is not None, words
        quote = quote_at(PAGES[page], *found)
        fields.update(quote=quote.quote, prefix=quote.prefix, suffix=quote.suffix)
    return AnnotationData.model_validate(
        {
            "id": f"00000000-0000-0000-0000-{n:012d}",
            "author_id": "00000000-0000-0000-0000-0000000000aa",
            "document_version_id": "00000000-0000-0000-0000-0000000000bb",
            "page": page,
            "kind": "highlight" if words else "note",
            "created_at": MOMENT + timedelta(minutes=n),
            "updated_at": MOMENT,
            **fields,
        }
    )


def test_each_note_is_a_line_with_its_page_article_clause_and_quote_in_page_order() -> None:
    notes = [
        # Made first but stands last in the draft: the opinion follows the draft, not the clock.
        _note(1, "mười năm", "đề nghị quy định năm năm", n=1),
        _note(0, "Đơn vị sự nghiệp công lập", "đề nghị làm rõ phạm vi", n=2),
        _note(0, "quản lý tài sản công.", "", n=3),  # marked, nothing written: the quote alone
        _note(1, "Tổ chức chính trị - xã hội", "bỏ", n=4),  # khoản 3 of Điều 2, on page 2
    ]
    assert compose_opinion(notes, PAGES).splitlines() == [
        "Trang 1, Điều 1: “quản lý tài sản công.”",
        "Trang 1, Điều 2, khoản 2: “Đơn vị sự nghiệp công lập” — đề nghị làm rõ phạm vi",
        "Trang 2, Điều 2, khoản 3: “Tổ chức chính trị - xã hội” — bỏ",
        "Trang 2, Điều 3, khoản 2: “mười năm” — đề nghị quy định năm năm",
    ]


def test_a_note_on_a_heading_cites_that_article_and_one_above_every_article_cites_none() -> None:
    notes = [_note(1, "Điều 3. Giải thích", "đổi tên điều", n=1), _note(0, "NGHỊ ĐỊNH", "", n=2)]
    assert compose_opinion(notes, PAGES).splitlines() == [
        "Trang 1: “NGHỊ ĐỊNH”",
        "Trang 2, Điều 3: “Điều 3. Giải thích” — đổi tên điều",
    ]


def test_a_sticky_note_is_placed_by_its_height_and_a_drawing_without_words_is_left_out() -> None:
    # A sticky note beside the line "1. Tài sản công là..." of Điều 3 (the fourth line of page 2).
    height = (10 + 3 * 8 + 4) * 72 / 25.4  # fpdf2: lines of 8 mm under a 10 mm top margin
    sticky = _note(1, "", "cần định nghĩa rõ hơn", n=1, rects=[(500.0, height, 520.0, height + 20)])
    ink = _note(1, "", "", n=2, kind="ink", points=[[(10.0, 10.0), (20.0, 20.0)]])
    anchors = {sticky.id: index_at_height(DRAFT, 1, height)}
    assert compose_opinion([sticky, ink], PAGES, anchors) == (
        "Trang 2, Điều 3, khoản 1: cần định nghĩa rõ hơn"
    )


def test_the_article_above_ignores_a_reference_that_wraps_onto_a_new_line() -> None:
    text = "Điều 4. Nguyên tắc\n1. Công khai.\n2. Theo quy định tại\nĐiều 5 của Luật này, và"
    assert article_above(text) == "Điều 4, khoản 2"
    assert article_above("Điều 12a: Sửa đổi\nnội dung") == "Điều 12a"
    assert article_above("Lời nói đầu") == ""


def test_a_long_quote_is_cut_and_its_line_breaks_become_spaces() -> None:
    long = _note(0, "", "xem lại", n=1, quote="chữ\n" * 200, prefix="", suffix="")
    (line,) = compose_opinion([long], PAGES).splitlines()
    assert line.startswith("Trang 1") and line.endswith("…” — xem lại")
    assert len(line) < 400

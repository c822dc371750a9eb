"""Ranking, quotes, prefixes, filters and paging on a small real index in a laptop's store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from ecabinet.client.paths import Profile
from ecabinet.client.search import SearchIndex
from ecabinet.client.store import LocalStore
from ecabinet.domain import DocumentKind
from tests.pdfs import make_pdf
from tests.search_library import Library

# What the landed search ranked first: "nghi" inside "nghiệp", "để" far from it.
NOISE = (
    "Nghiêm cấm mọi hành vi lợi dụng để trục lợi. Doanh nghiệp có trách nhiệm "
    "báo cáo về hoạt động nghiệp vụ để cơ quan quản lý theo dõi. " * 3
)
REQUEST = "Bộ Tài chính đề nghị Chính phủ xem xét, thông qua dự thảo Nghị định."
NEAR_BY = "Cơ quan ngang bộ, Ngân hàng Nhà nước, thực hiện chính sách tiền tệ quốc gia."
BUDGET = "Dự toán ngân sách nhà nước năm 2026 được lập theo quy định của Luật."


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    store = LocalStore(Profile.open(tmp_path / "p"), os.urandom(32))
    yield Library(store)
    store.close()


def titles(library: Library, query: str, **filters: object) -> list[str]:
    return [hit.document_title for hit in library.index.search(query, **filters)]  # type: ignore[arg-type]


def test_de_nghi_ranks_the_request_above_nghiem_cam_de_and_nghiep(library: Library) -> None:
    library.document("Báo cáo nghiệp vụ", [NOISE], kind=DocumentKind.REPORT)
    library.document("Tờ trình", [REQUEST], kind=DocumentKind.SUBMISSION)
    assert titles(library, "de nghi") == ["Tờ trình", "Báo cáo nghiệp vụ"]
    assert titles(library, "đề nghị") == ["Tờ trình", "Báo cáo nghiệp vụ"]
    hit = library.index.search("de nghi")[0]
    assert hit.page == 1
    assert "«đề nghị»" in hit.marked()


def test_ngan_sach_ranks_the_budget_above_ngang_bo(library: Library) -> None:
    library.document("Báo cáo ngân hàng", [NEAR_BY])
    library.document("Dự toán", [BUDGET])
    assert titles(library, "ngan sach") == ["Dự toán", "Báo cáo ngân hàng"]


def test_the_issue_s_two_queries_over_real_pdfs(library: Library) -> None:
    """The same two cases on PDFs whose text pypdf extracts, as a synced laptop indexes them."""
    noise = library.pdf("Báo cáo nghiệp vụ", make_pdf(1, NOISE), kind=DocumentKind.REPORT)
    request = library.pdf("Tờ trình", make_pdf(1, REQUEST), kind=DocumentKind.SUBMISSION)
    library.pdf("Báo cáo ngân hàng", make_pdf(1, NEAR_BY))
    budget = library.pdf("Dự toán", make_pdf(1, BUDGET))
    assert library.index.index_new_documents() == 4
    found = library.index.search("de nghi")
    assert [(hit.document_id, hit.page) for hit in found] == [(request, 1), (noise, 1)]
    assert "«đề nghị»" in found[0].marked()
    assert "«nghiệp»" not in found[0].marked()
    found = library.index.search("ngan sach")
    assert [hit.document_title for hit in found] == ["Dự toán", "Báo cáo ngân hàng"]
    assert (found[0].document_id, found[0].page) == (budget, 1)
    assert "«ngân sách»" in found[0].marked()


def test_near_ranks_between_the_phrase_and_apart(library: Library) -> None:
    far = "ngân " + "lời văn " * 30 + "sách"
    library.document("Xa nhau", [far])
    library.document("Gần nhau", ["ngân hàng và chính sách"])
    library.document("Liền nhau", [BUDGET])
    assert titles(library, "ngan sach") == ["Liền nhau", "Gần nhau", "Xa nhau"]


def test_a_long_query_lists_each_page_once_and_still_ranks_near(library: Library) -> None:
    """Twelve words: a phrase FTS5 does not count as NEAR(…, 10) once came again as loose."""
    query = "du toan ngan sach nha nuoc nam 2026 duoc lap theo quy dinh"
    library.document("Liền nhau", [BUDGET])
    library.document("Gần nhau", ["Năm 2026, dự toán ngân sách nhà nước được lập theo quy định."])
    far = "Dự toán ngân sách nhà nước năm 2026 " + "lời văn " * 30 + "được lập theo quy định."
    library.document("Xa nhau", [far])
    found = library.index.find(query)
    assert [hit.document_title for hit in found.hits] == ["Liền nhau", "Gần nhau", "Xa nhau"]
    assert found.total == 3


def test_only_the_last_word_is_a_prefix(library: Library) -> None:
    library.document("Dự toán", [BUDGET])
    assert titles(library, "ngan sac") == ["Dự toán"]  # still typing "sách"
    assert titles(library, "nga sach") == []  # "nga" is a whole word: not "ngân"
    assert titles(library, "ngan sac ") == []  # a space: "sac" is finished


def test_quotes_ask_for_the_exact_phrase(library: Library) -> None:
    library.document("Báo cáo ngân hàng", [NEAR_BY])
    library.document("Dự toán", [BUDGET])
    assert titles(library, '"ngan sach"') == ["Dự toán"]
    assert titles(library, '"ngan sach nha nuoc"') == ["Dự toán"]
    assert titles(library, '"nha nuoc ngan sach"') == []


def test_a_query_with_diacritics_ranks_its_own_spelling_first(library: Library) -> None:
    library.document("Nghỉ", ["Cán bộ được để nghỉ phép theo quy định."])
    library.document("Đề nghị", ["Cán bộ được đề nghị khen thưởng theo quy định."])
    assert set(titles(library, "de nghi")) == {"Nghỉ", "Đề nghị"}
    assert titles(library, "đề nghị") == ["Đề nghị", "Nghỉ"]
    assert titles(library, "để nghỉ") == ["Nghỉ", "Đề nghị"]


def test_filters_by_meeting_and_by_kind(library: Library) -> None:
    november = library.meeting("Phiên họp thường kỳ tháng 11")
    december = library.meeting("Phiên họp thường kỳ tháng 12")
    first = library.item(november, "Dự án Luật Ngân sách nhà nước (sửa đổi)")
    second = library.item(december, "Dự toán ngân sách năm 2027")
    library.document("Tờ trình 11", [BUDGET], item_id=first, kind=DocumentKind.SUBMISSION)
    library.document("Dự thảo 11", [BUDGET], item_id=first, kind=DocumentKind.DRAFT)
    library.document("Tờ trình 12", [BUDGET], item_id=second, kind=DocumentKind.SUBMISSION)
    assert sorted(titles(library, "ngan sach", meeting_id=november)) == [
        "Dự thảo 11",
        "Tờ trình 11",
    ]
    assert sorted(titles(library, "ngan sach", kind=DocumentKind.SUBMISSION)) == [
        "Tờ trình 11",
        "Tờ trình 12",
    ]
    assert titles(library, "ngan sach", meeting_id=december, kind=DocumentKind.DRAFT) == []
    hit = library.index.search("ngan sach", meeting_id=december)[0]
    assert (hit.meeting_title, hit.item_position, hit.item_title) == (
        "Phiên họp thường kỳ tháng 12",
        1,
        "Dự toán ngân sách năm 2027",
    )
    assert hit.kind == DocumentKind.SUBMISSION


def test_results_come_in_pages_with_no_cap(library: Library) -> None:
    pages = [f"{BUDGET} Trang số {n}." for n in range(120)]
    library.document("Dự toán dài", pages)
    index = library.index
    first = index.find("ngan sach")
    assert (len(first.hits), first.total, first.more) == (50, 120, True)
    second = index.find("ngan sach", offset=50)
    last = index.find("ngan sach", offset=100)
    assert (len(last.hits), last.more) == (20, False)
    seen = [hit.page for hit in first.hits + second.hits + last.hits]
    assert sorted(seen) == list(range(1, 121))  # every page once, none repeated
    assert index.find("ngan sach", offset=200).hits == []


def test_an_index_from_the_previous_version_is_remade_from_the_kept_text(
    library: Library,
) -> None:
    library.document("Dự toán", [BUDGET])
    with library.store.engine.begin() as conn:
        conn.execute(text("DROP TABLE page_index"))
        conn.execute(
            text(
                "CREATE VIRTUAL TABLE page_index USING fts5(version_id UNINDEXED, "
                "page UNINDEXED, folded, tokenize='unicode61')"
            )
        )
    assert SearchIndex(library.store).search("ngân sách")[0].document_title == "Dự toán"


def test_an_index_made_without_its_table_of_rows_is_remade_and_finds_the_same(
    library: Library,
) -> None:
    """A laptop indexed by an earlier version has no page_rows: the index is remade from the
    kept text at the next start, no document read again, and finds what it found before."""
    meeting = library.meeting("Phiên họp Chính phủ thường kỳ tháng 11 năm 2026")
    item = library.item(meeting, "Dự toán ngân sách")
    library.document("Dự toán", [NOISE, BUDGET], item_id=item)
    before = [(h.document_title, h.page) for h in library.index.search("ngan sach")]
    with library.store.engine.begin() as conn:
        conn.execute(text("DROP TABLE page_rows"))
    remade = SearchIndex(library.store)
    assert (
        [(h.document_title, h.page) for h in remade.search("ngan sach")]
        == before
        == [("Dự toán", 2)]
    )
    with library.store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM page_rows")).scalar() == 2


def test_a_version_indexed_by_two_runs_at_once_is_kept_once(library: Library) -> None:
    """A sync's indexing and a search's may both read a version as not yet indexed: the
    second to write keeps nothing, so no page is found twice."""
    meeting = library.meeting("Phiên họp Chính phủ thường kỳ tháng 11 năm 2026")
    item = library.item(meeting, "Dự toán ngân sách")
    library.document("Dự toán", [NOISE, BUDGET], item_id=item)
    with library.store.engine.connect() as conn:
        version_id = conn.execute(text("SELECT version_id FROM indexed_versions")).scalar_one()
    library.index._keep(version_id, [NOISE, BUDGET])  # the second run's write
    assert [(h.document_title, h.page) for h in library.index.search("ngan sach")] == [
        ("Dự toán", 2)
    ]

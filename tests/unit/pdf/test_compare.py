"""Comparing two versions of a draft: changes told on the page where they are."""

from __future__ import annotations

from ecabinet.pdf.compare import DELETED, EQUAL, INSERTED, compare_pages


def test_a_changed_word_is_told_on_its_page_and_moved_text_is_not_a_change() -> None:
    old = ["Điều 1. Phạm vi điều chỉnh.", "Điều 2. Ngân sách trung ương hỗ trợ."]
    new = ["Trang bìa.", "Điều 1. Phạm vi điều chỉnh.", "Điều 2. Ngân sách địa phương hỗ trợ."]
    pages = compare_pages(old, new)
    assert [p.page for p in pages] == [0, 1, 2]
    assert pages[0].pieces == [(INSERTED, "Trang bìa.")]
    assert pages[1].changes == 0  # only moved to the next page
    assert pages[2].pieces == [
        (EQUAL, "Điều 2. Ngân sách"),
        (DELETED, "trung ương"),
        (INSERTED, "địa phương"),
        (EQUAL, "hỗ trợ."),
    ]


def test_words_removed_at_the_end_are_told_on_the_last_page() -> None:
    pages = compare_pages(["Một hai ba bốn"], ["Một hai"])
    assert pages[0].pieces == [(EQUAL, "Một hai"), (DELETED, "ba bốn")]
    assert compare_pages(["x"], []) == []

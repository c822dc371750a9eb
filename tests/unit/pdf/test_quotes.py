"""A note keeps its words across versions: the text-quote selector finds where they went."""

from __future__ import annotations

from ecabinet.pdf.quotes import Quote, find_words, quote_at, relocate

OLD = [
    "Điều 1. Phạm vi điều chỉnh. Nghị định này quy định về ngân sách nhà nước.",
    "Điều 2. Đối tượng áp dụng. Các bộ, cơ quan ngang bộ.",
]


def test_the_quote_keeps_its_context() -> None:
    at = OLD[0].index("ngân sách")
    quote = quote_at(OLD[0], at, len("ngân sách"), context=10)
    assert quote == Quote("ngân sách", "y định về ", " nhà nước.")


def test_words_moved_to_another_page_are_found_there() -> None:
    at = OLD[1].index("cơ quan ngang bộ")
    selector = quote_at(OLD[1], at, len("cơ quan ngang bộ"))
    new = ["Trang bìa mới.", "Điều 1 được viết lại.", OLD[1]]
    place = relocate(selector, 1, new)
    assert place is not None
    assert (place.page, new[place.page][place.start : place.start + place.length]) == (
        2,
        "cơ quan ngang bộ",
    )
    assert place.exact


def test_of_two_places_the_one_whose_context_matches_wins() -> None:
    text = "Khoản 1: ngân sách trung ương. Khoản 2: ngân sách địa phương."
    at = text.index("ngân sách", text.index("Khoản 2"))
    selector = quote_at(text, at, len("ngân sách"))
    place = relocate(selector, 0, [text])
    assert place is not None and place.start == at


def test_retyped_words_are_found_loosely_and_gone_words_are_not() -> None:
    selector = Quote("ngân sách nhà nước", "quy định về ", ".")
    retyped = ["Nghị định này quy định về NGÂN  SÁCH\r\nnhà nước và đầu tư."]
    place = relocate(selector, 0, retyped)
    assert place is not None and not place.exact
    assert retyped[0][place.start : place.start + place.length] == "NGÂN  SÁCH\r\nnhà nước"
    assert relocate(selector, 0, ["Điều này đã bị bỏ."]) is None
    assert relocate(Quote("", "", ""), 0, OLD) is None


def test_typed_words_are_found_as_typed_or_across_a_line_break() -> None:
    page = "Điều 5. Ngân sách\r\nnhà nước được chi cho ngân sách nhà nước"
    assert find_words(page, "ngân sách nhà nước") == (len(page) - 18, 18)  # as typed first
    at, length = find_words(page, "Ngân sách nhà  nước") or (0, 0)
    assert page[at : at + length] == "Ngân sách\r\nnhà nước"
    assert find_words(page, "Ngân sách\nnhà") == (page.index("Ngân"), 14)
    assert find_words(page, "sách nhà nước năm") is None
    assert find_words(page, "") is None and find_words(page, " \n") is None

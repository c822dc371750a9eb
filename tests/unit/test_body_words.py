"""The body's words on its documents: the Government's exactly as they always read, a People's
Committee's with its whole name, whatever its code, and however the name's tone mark is set."""

from __future__ import annotations

import pytest

from ecabinet.domain.body_words import GOVERNMENT, document_words, english_office, parse_body

HANOI = "Ủy ban nhân dân thành phố Hà Nội"


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("gov", "Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("", ""),  # a laptop signed in before servers held several bodies
        ("vn", "Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"),  # another code
    ],
)
def test_the_government_s_words_are_its_own(code: str, name: str) -> None:
    words = document_words(code, name)
    assert words == GOVERNMENT
    assert (words.subject, words.members, words.office) == (
        "Chính phủ",
        "Thành viên Chính phủ",
        "Văn phòng Chính phủ",
    )
    assert (words.result_notation(True), words.result_notation(False)) == ("TB-VPCP", "BC-VPCP")
    assert words.signer == "KT. Bộ trưởng, Chủ nhiệm"
    assert (words.head, words.letterhead, words.place) == (
        "Thủ tướng Chính phủ",
        "VĂN PHÒNG CHÍNH PHỦ",
        "Hà Nội",
    )


@pytest.mark.parametrize(
    "name",
    [
        HANOI,
        "Uỷ ban nhân dân  thành phố Hà Nội",  # the other tone mark, a double space
        "UBND thành phố Hà Nội",  # the abbreviation documents write
    ],
)
@pytest.mark.parametrize("code", ["hanoi", "gov"])  # the name decides, not the code
def test_a_committee_s_words_name_it(code: str, name: str) -> None:
    words = document_words(code, name)
    assert (words.subject, words.members, words.office) == (
        HANOI,
        f"Thành viên {HANOI}",
        f"Văn phòng {HANOI}",
    )
    assert (words.result_notation(True), words.result_notation(False)) == ("TB-UBND", "BC-UBND")
    assert words.signer == "KT. Chánh Văn phòng"
    assert (words.head, words.letterhead, words.place) == (
        f"Chủ tịch {HANOI}",
        "UBND THÀNH PHỐ HÀ NỘI\nVĂN PHÒNG",
        "Hà Nội",
    )
    assert "Chính phủ" not in repr(words)


def test_a_city_named_after_a_person_is_dated_with_its_whole_name() -> None:
    words = document_words("hcm", "Ủy ban nhân dân Thành phố Hồ Chí Minh")
    assert words.place == "Thành phố Hồ Chí Minh"
    assert words.members == "Thành viên Ủy ban nhân dân Thành phố Hồ Chí Minh"


def test_another_body_is_named_as_it_names_itself() -> None:
    words = document_words("btc", "Bộ Tài chính")
    assert (words.subject, words.office, words.result_notation(True)) == (
        "Bộ Tài chính",
        "Văn phòng Bộ Tài chính",
        "TB-VP",
    )
    assert words.place == "Hà Nội"


def test_the_name_is_read_once_for_documents_and_screens() -> None:
    body = parse_body(" HaNoi ", "Uỷ ban nhân dân   tỉnh Bắc Ninh")
    assert (body.code, body.name, body.unit, body.government) == (
        "hanoi",
        "Ủy ban nhân dân tỉnh Bắc Ninh",
        "tỉnh Bắc Ninh",
        False,
    )
    # "Ủy ban nhân dân" with nothing after it names no province: not read as a Committee.
    assert parse_body("x", "Ủy ban nhân dân").unit is None
    assert parse_body("", "").government


@pytest.mark.parametrize(
    ("code", "name", "office"),
    [
        ("gov", "Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam", "the Government Office"),
        ("", "", "the Government Office"),
        ("hanoi", "UBND thành phố Hà Nội", "the Office of the People's Committee of Hà Nội City"),
        ("bacninh", "Ủy ban nhân dân tỉnh Bắc Ninh", "the Office of the People's Committee of "
         "Bắc Ninh Province"),
        ("btc", "Bộ Tài chính", "the Office of Bộ Tài chính"),
    ],
)  # fmt: skip
def test_the_server_s_english_names_each_body_s_office(code: str, name: str, office: str) -> None:
    assert english_office(code, name) == office

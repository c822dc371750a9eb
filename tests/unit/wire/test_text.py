"""The rule for a member's free text: what is refused, what is removed, what is kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecabinet.wire.sync import PositionSet
from ecabinet.wire.text import (
    Unsafe,
    UnsafeText,
    check_member_text,
    clean_member_text,
    plain_quote,
)

ITEM = "7b0c1c3e-6a1f-4f35-9c1e-2d8a3b4c5d6e"


@pytest.mark.parametrize(
    ("text", "kind", "position"),
    [
        ("Đồng ý \u202eđiều 5", Unsafe.BIDI, 8),  # right-to-left override
        ("a\u202ab", Unsafe.BIDI, 2),
        ("a\u2067b\u2069", Unsafe.BIDI, 2),  # isolates
        ("chuông\x07", Unsafe.CONTROL, 7),
        ("a\x1bb", Unsafe.CONTROL, 2),
        ("a\x85b", Unsafe.CONTROL, 2),  # C1
        ("a\x7f", Unsafe.CONTROL, 2),
        ("a\ufdd0", Unsafe.NONCHARACTER, 2),
        ("a\uffff", Unsafe.NONCHARACTER, 2),
        ("a\U0010fffe", Unsafe.NONCHARACTER, 2),
        ("x\ud800y", Unsafe.SURROGATE, 2),
        ("\udfff", Unsafe.SURROGATE, 1),
    ],
)
def test_what_is_refused_on_both_sides(text: str, kind: Unsafe, position: int) -> None:
    with pytest.raises(UnsafeText) as refused:
        clean_member_text(text)
    assert (refused.value.kind, refused.value.position) == (kind, position)
    # Vietnamese first, then English; the code point named in both.
    words = str(refused.value)
    assert words.startswith("Văn bản có ký tự") and "remove it" in words
    assert words.count(f"U+{ord(text[position - 1]):04X}") == 2
    with pytest.raises(UnsafeText):
        check_member_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Về\u200b Điều 5", "Về Điều 5"),  # zero-width space
        ("\ufeffTờ trình", "Tờ trình"),  # byte-order mark
        ("a\u2060b\u200ec\u200fd", "abcd"),  # word joiner, direction marks
        ("ẩn\U000e0041\U000e0042", "ẩn"),  # tag characters hide text
        ("\u200dĐiều", "Điều"),  # a joiner with nothing to join
        ("Điều \u200c5", "Điều 5"),
        ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),  # a family emoji stays whole
        ("می\u200cخواهم", "می\u200cخواهم"),  # Persian needs its non-joiner
        ("dòng 1\r\ndòng 2\rdòng 3\u2028dòng 4", "dòng 1\ndòng 2\ndòng 3\ndòng 4"),
        ("Tab\tand\nnewline", "Tab\tand\nnewline"),
    ],
)
def test_the_laptop_removes_invisible_characters(text: str, kept: str) -> None:
    assert clean_member_text(text) == kept
    assert check_member_text(kept) == kept


def test_the_server_refuses_what_the_laptop_would_have_removed() -> None:
    with pytest.raises(UnsafeText) as refused:
        check_member_text("Về\u200b Điều 5")
    assert (refused.value.kind, refused.value.position) == (Unsafe.INVISIBLE, 3)
    with pytest.raises(UnsafeText):
        check_member_text("a\r\nb")


def test_a_push_model_refuses_it_as_a_validation_error() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as refused:
        PositionSet.model_validate(
            {"agenda_item_id": ITEM, "position": "object", "comment": "Đồng ý \u202e5"}
        )
    assert "direction" in str(refused.value)
    assert PositionSet.model_validate(
        {"agenda_item_id": ITEM, "position": "object", "comment": "Về Điều 5"}
    )


def test_a_documents_words_are_kept_as_far_as_they_may_be_shown() -> None:
    assert plain_quote("nội\x00 dung\u202e\u200b\r\n") == "nội dung\n"


@given(st.text(st.characters(exclude_categories=())))
def test_any_text_is_either_cleaned_into_what_the_server_takes_or_refused(text: str) -> None:
    try:
        cleaned = clean_member_text(text)
    except UnsafeText:
        return
    assert check_member_text(cleaned) == cleaned
    assert clean_member_text(cleaned) == cleaned

"""Folding Vietnamese for search, and snippets cut from the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ecabinet.client.search import make_snippet
from ecabinet.client.search_query import parse
from ecabinet.client.search_text import fold, terms


def test_typing_without_diacritics_matches_accented_words() -> None:
    assert fold("Nghị định về Đất đai ở Huế") == "nghi dinh ve dat dai o hue"
    assert terms('"Chuyển đổi" số; OR*') == ["chuyen", "doi", "so", "or"]


@given(st.text())
def test_folding_keeps_positions(text: str) -> None:
    import unicodedata

    assert len(fold(text)) == len(unicodedata.normalize("NFC", text))


def test_the_snippet_is_the_original_text_with_the_match_marked() -> None:
    body = "Điều 5. Trách nhiệm của Bộ Tư pháp\ntrong việc thẩm định dự thảo Nghị định."
    snippet, marks = make_snippet(body, parse("tham dinh"))
    marked = "".join(snippet[a:b] for a, b in marks)
    assert "thẩm" in marked
    assert "định" in marked
    assert "\n" not in snippet
    # The phrase is one mark, as the reader looks for it, and where it is, nothing else is.
    assert [snippet[a:b] for a, b in marks] == ["thẩm định"]


def test_only_the_last_word_is_marked_as_a_prefix() -> None:
    body = "Nghiêm cấm để lộ. Bộ Tài chính đề nghị Chính phủ xem xét, nghiệp vụ."
    snippet, marks = make_snippet(body, parse("de nghi"))
    assert [snippet[a:b] for a, b in marks] == ["đề nghị"]
    snippet, marks = make_snippet(body, parse("nghiem de"))
    assert [snippet[a:b] for a, b in marks][:2] == ["Nghiêm", "để"]

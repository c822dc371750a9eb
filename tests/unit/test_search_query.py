"""The search box's words as FTS5 expressions: units, the prefix, quotes, tiers, accents."""

from __future__ import annotations

from ecabinet.client.search_query import expressions, parse


def test_only_the_last_word_is_a_prefix() -> None:
    query = parse("de nghi")
    assert [(u.words, u.prefix) for u in query.units] == [(("de",), False), (("nghi",), True)]
    assert expressions(query) == [
        '(folded : "de nghi"*)',
        '(folded : NEAR("de" "nghi"*, 10)) NOT (folded : "de nghi"*)',
        '(folded : "de" AND folded : "nghi"*) NOT (folded : "de nghi"*) '
        'NOT (folded : NEAR("de" "nghi"*, 10))',
    ]
    # The words between the first and the last are the query's own: the slack stays 10.
    assert 'NEAR("du" "toan" "ngan"*, 11)' in expressions(parse("du toan ngan"))[1]


def test_a_space_after_the_last_word_says_it_is_finished() -> None:
    assert not parse("ngan sach ").prefix
    assert parse("ngan sach").prefix


def test_quotes_ask_for_the_phrase_and_an_open_quote_is_still_being_typed() -> None:
    closed = parse('"ngan sach" nha nuoc')
    assert [(u.words, u.quoted, u.prefix) for u in closed.units] == [
        (("ngan", "sach"), True, False),
        (("nha",), False, False),
        (("nuoc",), False, True),
    ]
    assert expressions(parse('"ngan sach"')) == ['(folded : "ngan sach")']
    assert expressions(parse('"ngan sa')) == ['(folded : "ngan sa"*)']


def test_a_query_with_diacritics_ranks_its_own_spelling_first_in_each_tier() -> None:
    arms = expressions(parse("đề nghị"))
    assert len(arms) == 6
    assert arms[0] == '((folded : "de nghi"*)) AND (exact : "đề" AND exact : "nghị"*)'
    assert arms[1] == '((folded : "de nghi"*)) NOT (exact : "đề" AND exact : "nghị"*)'
    # Words typed without accents are not required as typed.
    assert 'exact : "ngân"' in expressions(parse("ngân sach"))[0]
    assert 'exact : "sach"' not in expressions(parse("ngân sach"))[0]


def test_nothing_typed_is_fts_syntax() -> None:
    assert expressions(parse('"; DROP TABLE page_text; -- NEAR( OR*')) == [
        '(folded : "drop table page_text near or"*)'.replace("page_text", "page text")
    ]
    assert expressions(parse('  " " ')) == []

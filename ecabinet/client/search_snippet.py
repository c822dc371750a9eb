"""Snippets of a page for a search result: the original text around the best match, marked.

The index says which pages match; this finds where on the page, in the same way: whole words,
only the query's last word as a prefix, the whole query as one phrase when it is there (that
window is shown, and the phrase is marked as one span, so the reader can look for it as it
is spelled in the document). Folding keeps positions, so a match found in the folded text is
cut from the original with its accents. Pure functions; any thread.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ecabinet.client.search_query import Query, Unit
from ecabinet.client.search_text import fold

SNIPPET_RADIUS = 70
_MAX_MATCHES = 500  # a page that says a word a thousand times needs no more to place a window

Span = tuple[int, int]


@lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...], prefix: bool) -> re.Pattern[str]:
    body = r"\W+".join(re.escape(word) for word in words)
    return re.compile(r"(?<!\w)" + body + (r"\w*" if prefix else r"(?!\w)"))


def _spans(pattern: re.Pattern[str], text: str) -> list[Span]:
    spans = []
    for match in pattern.finditer(text):
        spans.append(match.span())
        if len(spans) >= _MAX_MATCHES:
            break
    return spans


def _centre(folded: str, query: Query) -> int:
    """Where the window goes: the whole query as a phrase, else where most of it is close."""
    whole = _spans(_pattern(tuple(query.words), query.prefix), folded)
    if whole:
        return whole[0][0]
    found = [
        (start, n) for n, unit in enumerate(query.units) for start, _ in _unit_spans(unit, folded)
    ]
    if not found:
        return 0

    def covered(at: int) -> int:
        return len({n for start, n in found if abs(start - at) <= SNIPPET_RADIUS})

    return max(sorted(found), key=lambda hit: covered(hit[0]))[0]


def _unit_spans(unit: Unit, folded: str) -> list[Span]:
    return _spans(_pattern(unit.words, unit.prefix), folded)


def make_snippet(body: str, query: Query) -> tuple[str, tuple[Span, ...]]:
    """A window of the original text around the best match, with every match in it marked."""
    # One line, in NFC: fold() keeps positions aligned with NFC text.
    original = unicodedata.normalize("NFC", " ".join(body.split()))
    folded = fold(original)
    if not query:
        return original[: 2 * SNIPPET_RADIUS], ()
    first = _centre(folded, query)
    start = max(0, first - SNIPPET_RADIUS)
    end = min(len(original), first + SNIPPET_RADIUS)
    # Whole words only: the window never starts or ends inside one.
    while start > 0 and original[start - 1].isalnum():
        start -= 1
    while end < len(original) and original[end].isalnum():
        end += 1
    window_folded = folded[start:end]
    marks = _spans(_pattern(tuple(query.words), query.prefix), window_folded)
    # Where the phrase is, it alone is marked: "nghi" also starting "nghiệp" nearby is noise.
    for unit in query.units if not marks else ():
        marks += [
            span
            for span in _unit_spans(unit, window_folded)
            if not any(a < span[1] and span[0] < b for a, b in marks)
        ]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(original) else ""
    shift = len(prefix)
    return (
        prefix + original[start:end] + suffix,
        tuple((a + shift, b + shift) for a, b in sorted(marks)),
    )

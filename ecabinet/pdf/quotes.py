"""Keeping a note on its words when the draft changes: the text-quote selector.

Like the W3C Web Annotation TextQuoteSelector, a note keeps the words it marks (the quote) and
some words before and after (prefix and suffix). On a new version each place where the quote
appears is scored by how much of its context still matches and how near it is to the old
page; the best place wins. A quote that no longer appears is looked for again with spacing
and diacritics ignored (a retyped line); if it is still not there, the note "could not be
placed" and stays with the old version, never lost. Pure functions; any thread.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CONTEXT = 32  # characters of prefix and suffix kept with a quote


@dataclass(frozen=True)
class Quote:
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Placement:
    page: int
    start: int
    length: int
    exact: bool  # the quote itself was found, not only its letters


def quote_at(text: str, start: int, length: int, context: int = CONTEXT) -> Quote:
    return Quote(
        text[start : start + length],
        text[max(0, start - context) : start],
        text[start + length : start + length + context],
    )


def find_words(text: str, words: str) -> tuple[int, int] | None:
    """Where words a person typed are in a page's text, as (start, length): as typed, or else
    with any run of spaces and line breaks between two words matching another, since a phrase
    that wraps onto the next line has a line break where the person typed a space."""
    at = text.find(words) if words else -1
    if at >= 0:
        return at, len(words)
    parts = words.split()
    if not parts:
        return None
    match = re.search(r"\s+".join(re.escape(part) for part in parts), text)
    return (match.start(), match.end() - match.start()) if match else None


def _common_suffix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def relocate(selector: Quote, old_page: int, pages: list[str]) -> Placement | None:
    """The best place of a quote in a new version's pages, or None if it is gone."""
    if not selector.quote.strip():
        return None
    best: tuple[float, Placement] | None = None
    for page, text in enumerate(pages):
        at = text.find(selector.quote)
        while at >= 0:
            before = text[max(0, at - CONTEXT) : at]
            after = text[at + len(selector.quote) : at + len(selector.quote) + CONTEXT]
            score = (
                _common_suffix(before, selector.prefix)
                + _common_prefix(after, selector.suffix)
                - 0.5 * abs(page - old_page)
            )
            if best is None or score > best[0]:
                best = (score, Placement(page, at, len(selector.quote), True))
            at = text.find(selector.quote, at + 1)
    if best is not None:
        return best[1]
    return _relocate_loosely(selector.quote, old_page, pages)


def _loose(text: str) -> tuple[str, list[int]]:
    """Letters and digits only, folded, with where each came from in ``text``."""
    kept, where = [], []
    for index, char in enumerate(text):
        base = unicodedata.normalize("NFD", char)[0].lower()
        if char in "đĐ":
            base = "d"
        if base.isalnum():
            kept.append(base)
            where.append(index)
    return "".join(kept), where


def _relocate_loosely(quote: str, old_page: int, pages: list[str]) -> Placement | None:
    needle, _ = _loose(quote)
    if len(needle) < 3:
        return None
    order = sorted(range(len(pages)), key=lambda p: abs(p - old_page))
    for page in order:
        haystack, where = _loose(pages[page])
        match = re.search(re.escape(needle), haystack)
        if match:
            start = where[match.start()]
            end = where[match.end() - 1] + 1
            return Placement(page, start, end - start, False)
    return None

"""Vietnamese-aware folding for search: "nghi dinh" finds "Nghị định".

Folding works character by character on NFC text, so a position in the folded text is the
same position in the original: snippets are cut from the original, accents and all.
Pure functions; any thread.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters that are not a base letter plus combining marks, so NFD leaves them whole.
_SPECIAL = {"đ": "d", "Đ": "d"}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    base = "".join(
        c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
    ).lower()
    return base if len(base) == 1 else char.lower()[:1] or " "


class _Folding(dict[int, str]):
    """A str.translate table that learns each character the first time it meets it: folding a
    page is then one C loop, not a Python call per character."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLDING = _Folding()


def fold(text: str) -> str:
    """Lower case, without diacritics, the same length as ``unicodedata.normalize('NFC',
    text)``."""
    return unicodedata.normalize("NFC", text).translate(_FOLDING)


def terms(query: str) -> list[str]:
    """The words of a query, folded; punctuation and FTS syntax are dropped."""
    cleaned = "".join(c if c.isalnum() else " " for c in fold(query))
    return [t for t in cleaned.split() if t]


def fold_chars(text: str) -> str:
    """Fold character by character without normalising first: the result has exactly the
    length of ``text``, so a match's position is a position in the text as a PDF gave it."""
    return text.translate(_FOLDING)

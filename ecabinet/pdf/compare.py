"""What changed between two versions of a draft, word by word, shown page by page.

The words of both versions are compared as one stream (a sentence that moved to the next page
is not a change), then every insertion and deletion is told on the page of the new version
where it is, or would have been. Pure core; any thread (a long draft takes a moment: workers).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

EQUAL, INSERTED, DELETED = "equal", "inserted", "deleted"


@dataclass
class PageChanges:
    page: int  # of the new version, 0-based
    pieces: list[tuple[str, str]] = field(default_factory=list)  # (EQUAL|INSERTED|DELETED, text)

    @property
    def changes(self) -> int:
        return sum(1 for kind, _ in self.pieces if kind != EQUAL)


def _words(pages: list[str]) -> tuple[list[str], list[int]]:
    words, where = [], []
    for page, text in enumerate(pages):
        for word in text.split():
            words.append(word)
            where.append(page)
    return words, where


def compare_pages(old: list[str], new: list[str]) -> list[PageChanges]:
    """One entry per page of the new version, with its text cut into equal, inserted and
    deleted runs of words."""
    old_words, _ = _words(old)
    new_words, new_where = _words(new)
    out = [PageChanges(page) for page in range(len(new))]
    if not out:
        return out
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            # Told where the words were taken out: the page of the next word that stayed.
            page = new_where[b0] if b0 < len(new_where) else len(new) - 1
            _add(out, page, DELETED, " ".join(old_words[a0:a1]))
        if tag in ("equal", "insert", "replace"):
            kind = EQUAL if tag == "equal" else INSERTED
            for index in range(b0, b1):
                _add(out, new_where[index], kind, new_words[index])
    return out


def _add(out: list[PageChanges], page: int, kind: str, text: str) -> None:
    if not text:
        return
    pieces = out[page].pieces
    if pieces and pieces[-1][0] == kind:
        pieces[-1] = (kind, f"{pieces[-1][1]} {text}")
    else:
        pieces.append((kind, text))

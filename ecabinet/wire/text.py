"""Text that means what it shows: the rule for every free text a member writes (a note, a
comment on a position, a vote or a ballot reply), shared by the laptop and the server.

Refused: the bidirectional overrides, embeddings and isolates (U+202A-202E, U+2066-2069),
which make words display in an order other than the one they are stored and signed in;
control characters (C0 and C1) but the newline and the tab; Unicode noncharacters; lone
surrogates, which no encoding can carry.

Invisible characters are removed on the laptop (``clean_member_text``) before the member's
act is written or signed, and refused by the server (``MemberText``): a server that removed
them itself would change words the member signed. Removed: the zero-width space, the word
joiner and the other invisible operators, the byte-order mark, the left-to-right and
right-to-left marks, the Arabic letter mark, the Mongolian vowel separator, the Hangul
fillers and the tag characters (which hide text: the flags of England, Scotland and Wales
become a black flag, a price we accept). The zero-width joiner and non-joiner are kept where
they matter, between two visible letters, marks or symbols: they join emoji (a family, a
profession) and shape Persian and Indic words; anywhere else they only hide something. The
laptop also turns Windows line ends and the Unicode line and paragraph separators into
newlines. Pure functions; any thread.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

MAX_MEMBER_TEXT = 20_000

ZWNJ, ZWJ = "\u200c", "\u200d"
_BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_INVISIBLE = frozenset(
    chr(c)
    for c in (
        0x061C,  # Arabic letter mark
        0x180E,  # Mongolian vowel separator
        0x200B,  # zero-width space
        0x200E,  # left-to-right mark
        0x200F,  # right-to-left mark
        *range(0x2060, 0x2065),  # word joiner, invisible operators
        0x3164,  # Hangul filler
        0xFEFF,  # byte-order mark, zero-width no-break space
        0xFFA0,  # halfwidth Hangul filler
        *range(0xE0000, 0xE0080),  # tag characters
    )
)
_LINE_ENDS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n"}


class Unsafe(StrEnum):
    BIDI = "bidi"
    CONTROL = "control"
    NONCHARACTER = "noncharacter"
    SURROGATE = "surrogate"
    INVISIBLE = "invisible"


# What each kind is called in the refusal, Vietnamese then English: the server's detail and
# the command line show it as it is (the desktop words it itself, ui/labels.py).
_WHAT = {
    Unsafe.BIDI: (
        "ký tự ẩn làm đảo chiều hiển thị của chữ",
        "a hidden character that changes the direction of the words after it",
    ),
    Unsafe.CONTROL: ("ký tự điều khiển ẩn", "a control character"),
    Unsafe.NONCHARACTER: (
        "ký tự không hợp lệ",
        "a character Unicode reserves and never assigns",
    ),
    Unsafe.SURROGATE: ("ký tự bị hỏng", "a broken character, half of a UTF-16 pair,"),
    Unsafe.INVISIBLE: ("ký tự vô hình", "an invisible character"),
}


class UnsafeText(ValueError):
    """The text holds a character that would make it show something other than it says."""

    def __init__(self, kind: Unsafe, position: int, char: str) -> None:
        self.kind, self.position, self.code_point = kind, position, f"U+{ord(char):04X}"
        vi, en = _WHAT[kind]
        super().__init__(
            f"Văn bản có {vi} ({self.code_point}) ở ký tự thứ {position}; hãy xoá ký tự đó "
            f"rồi lưu lại. The text has {en} ({self.code_point}) at character {position}; "
            "remove it and save again."
        )


def unsafe_kind(char: str) -> Unsafe | None:
    """Why a character may not be in a member's text; None when it may."""
    code = ord(char)
    if char in "\n\t":
        return None
    if code < 0x20 or 0x7F <= code <= 0x9F or char in "\u2028\u2029":
        return Unsafe.CONTROL
    if char in _BIDI:
        return Unsafe.BIDI
    if 0xD800 <= code <= 0xDFFF:
        return Unsafe.SURROGATE
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return Unsafe.NONCHARACTER
    if char in _INVISIBLE:
        return Unsafe.INVISIBLE
    return None


def _visible(char: str | None) -> bool:
    return char is not None and unicodedata.category(char)[0] in "LMS"


def strip_invisible(text: str) -> str:
    """``text`` without invisible characters, ZWJ and ZWNJ kept only between two visible
    letters, marks or symbols."""
    kept: list[str] = []
    for at, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        if char in (ZWJ, ZWNJ):
            after = next((c for c in text[at + 1 :] if c not in _INVISIBLE), None)
            if not (kept and _visible(kept[-1]) and _visible(after)):
                continue
        kept.append(char)
    return "".join(kept)


def first_unsafe(text: str) -> UnsafeText | None:
    """The first refused character of ``text`` (invisible ones included), if any."""
    for at, char in enumerate(text, start=1):
        kind = unsafe_kind(char)
        if kind is not None:
            return UnsafeText(kind, at, char)
    return None


def clean_member_text(text: str) -> str:
    """What the laptop keeps and signs: line ends made newlines, invisible characters removed.
    Raises UnsafeText, in words, for anything else it may not hold."""
    for old, new in _LINE_ENDS.items():
        text = text.replace(old, new)
    text = strip_invisible(text)
    problem = first_unsafe(text)
    if problem is not None:
        raise problem
    return text


def plain_quote(text: str) -> str:
    """Words taken from a document (a note's quote and its context): the member cannot
    change them, so what may not be kept is dropped rather than refused."""
    for old, new in _LINE_ENDS.items():
        text = text.replace(old, new)
    return "".join(c for c in strip_invisible(text) if unsafe_kind(c) is None)


def check_member_text(text: str) -> str:
    """The server's check: the text exactly as the laptop must have cleaned it."""
    problem = first_unsafe(text)
    kept = strip_invisible(text)
    if problem is None and kept != text:
        at = next(i for i, char in enumerate(text) if i >= len(kept) or kept[i] != char)
        problem = UnsafeText(Unsafe.INVISIBLE, at + 1, text[at])
    if problem is not None:
        raise problem
    return text


OTHER_NEEDS_TEXT = (
    "Trả lời “Ý kiến khác” cần ghi rõ ý kiến: hãy viết ý kiến của mình. "
    "A reply “Ý kiến khác” (other) needs its text: write your opinion."
)
"""The rule the window, the command line and the server share: "other" is an opinion, and the
summary of replies must carry its words."""


MemberText = Annotated[
    str, StringConstraints(max_length=MAX_MEMBER_TEXT), AfterValidator(check_member_text)
]
"""A free text a member sends (the push models): refused unless clean."""

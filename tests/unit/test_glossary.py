"""The interface words (docs: domain.md, "Interface words") hold everywhere: no banned word in
the Vietnamese strings of the desktop, in the texts the server writes (minutes, summaries,
forms, the demo's papers) or in the Vietnamese guides, and the meeting statuses are exactly
the four the Government Office uses."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ecabinet.domain import MeetingStatus
from ui.labels import MEETING_STATUSES

ROOT = Path(__file__).resolve().parents[2]
# "Chủ tọa" (either accent placement): the PM presides, "Chủ trì"; "Ô chữ" is a crossword,
# the tool is "Hộp văn bản"; a meeting is never "phát hành" (published), its papers are sent.
BANNED = re.compile(r"Chủ t[oọ][aạ]|Ô chữ|phát hành", re.IGNORECASE)


def _vietnamese_strings() -> list[str]:
    tree = ET.parse(ROOT / "resources" / "translations" / "ecabinet_en.ts")
    return [message.findtext("source") or "" for message in tree.iter("message")]


def _server_texts() -> list[Path]:
    return sorted(
        [*(ROOT / "ecabinet" / "pdf").rglob("*.py"), *(ROOT / "ecabinet" / "server").rglob("*.py")]
    )


def test_the_banned_words_catch_what_they_should() -> None:
    for bad in ("Chủ tọa", "Chủ toạ", "chủ tọa phiên họp", "Ô chữ", "Đã phát hành"):
        assert BANNED.search(bad), bad
    for good in ("Chủ trì", "Hộp văn bản", "Đã gửi tài liệu", "Chủ tịch", "Chủ nhiệm"):
        assert not BANNED.search(good), good


def test_no_banned_word_in_the_vietnamese_interface() -> None:
    strings = _vietnamese_strings()
    assert len(strings) > 500
    assert [s for s in strings if BANNED.search(s)] == []


@pytest.mark.parametrize("path", _server_texts(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_banned_word_in_what_the_server_writes(path: Path) -> None:
    found = [line for line in path.read_text(encoding="utf-8").splitlines() if BANNED.search(line)]
    assert found == []


def test_no_banned_word_in_the_vietnamese_guides() -> None:
    guides = [*(ROOT / "docs").glob("*.vi.md"), ROOT / "README.md", ROOT / "docs" / "desktop.md"]
    found = {
        str(p.relative_to(ROOT)): m.group(0)
        for p in guides
        if p.exists()
        for m in [BANNED.search(p.read_text(encoding="utf-8"))]
        if m
    }
    assert found == {}


def test_the_meeting_statuses_are_the_four_words() -> None:
    assert [MEETING_STATUSES[s] for s in MeetingStatus] == [
        "Đang chuẩn bị",
        "Đã gửi tài liệu",
        "Đang họp",
        "Đã kết thúc",
    ]

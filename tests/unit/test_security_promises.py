"""Every test SECURITY.md names exists: each ``tests/...py`` file (and the CI scripts under
``.ci/``), and each ``::test_...`` after it is a test defined in the file named last before it
on the same line. A promise whose test was renamed or removed fails here, not silently."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECURITY = ROOT / "SECURITY.md"

# A path of the repository (tests/..., .ci/...), or a ``::test_...`` that belongs to the last
# one (``QPdfView::mouseReleaseEvent`` is Qt's, not a test).
_NAMED = re.compile(r"(?P<path>(?:tests/[\w/]+\.py)|(?:\.ci/\w+))|::(?P<name>test_\w+)")


def named_tests(text: str) -> list[tuple[str, str]]:
    """(path, test name or "") for each test the text names, in the order written."""
    named: list[tuple[str, str]] = []
    for line in text.splitlines():
        current = ""
        for match in _NAMED.finditer(line):
            if match["path"]:
                current = match["path"]
                named.append((current, ""))
            else:
                assert current, f"::{match['name']} names no file before it: {line[:80]}"
                named.append((current, match["name"]))
    return named


def missing(named: list[tuple[str, str]]) -> list[str]:
    """Those of ``named`` that are not in the repository."""
    absent = []
    for path, name in named:
        source = ROOT / path
        if not source.is_file():
            absent.append(path)
        elif name and not re.search(rf"^\s*(?:async )?def {name}\(", source.read_text(), re.M):
            absent.append(f"{path}::{name}")
    return absent


def test_every_test_security_md_names_exists() -> None:
    named = named_tests(SECURITY.read_text(encoding="utf-8"))
    assert len(named) > 40 and sum(1 for _, name in named if name) > 10  # the table was read
    assert missing(named) == []


def test_a_test_renamed_or_removed_is_caught() -> None:
    text = (
        "| a | b | `tests/unit/test_security_promises.py::test_not_there`,"
        " `::test_a_test_renamed_or_removed_is_caught`; `tests/nowhere.py` |"
    )
    assert missing(named_tests(text)) == [
        "tests/unit/test_security_promises.py::test_not_there",
        "tests/nowhere.py",
    ]

"""The README's Quick start is what CI runs: two lines, the second one verbatim in .ci/run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def quick_start_lines() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1]
    block = re.search(r"```[a-z]*\n(.*?)```", section, re.S)
    assert block is not None, "Quick start has no fenced code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_has_exactly_two_lines() -> None:
    lines = quick_start_lines()
    assert len(lines) == 2
    assert "main.py --demo" in lines[0]
    assert "pytest" in lines[1]


def test_ci_runs_the_quick_start_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start_lines()[1] in ci

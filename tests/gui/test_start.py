"""The window starts without the heavy modules: the reader with QtPdf, pyHanko, fpdf and pypdf are
imported when first needed, not when the window is (docs/benchmarks.md, "Start time")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFERRED = (
    "ui.reader.reader",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "pyhanko",
    "fpdf",
    "fontTools",
    "pypdf",
)
PROBE = f"""
import sys
import ui.main_window
print(sorted(m for m in sys.modules if m.split(".")[0] in {{"pyhanko", "fpdf", "fontTools", "pypdf"}}
             or m in {DEFERRED!r}))
"""


def test_importing_the_window_leaves_the_reader_and_the_pdf_libraries_for_later() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_the_reader_comes_when_first_asked_for() -> None:
    probe = PROBE.replace("import ui.main_window", "import ui.reader.reader")
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert "PySide6.QtPdf" in out.stdout  # the probe sees a module when it is imported

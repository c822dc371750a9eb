"""The fonts shipped in resources/fonts, which carry every Vietnamese glyph."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def new_document(cls: type[FPDF] = FPDF) -> FPDF:
    """An A4 fpdf2 document with DejaVu Sans (regular and bold) registered as "DejaVu"."""
    pdf = cls(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_font("DejaVu", size=12)
    return pdf

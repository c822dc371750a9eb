"""The fonts shipped in resources/fonts, which carry every Vietnamese glyph."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def new_document(
    cls: type[FPDF] = FPDF, format: str | tuple[float, float] = "A4", unit: str = "mm"
) -> FPDF:
    """An fpdf2 document (A4 unless told) with DejaVu Sans, regular and bold, as "DejaVu"."""
    pdf = cls(format=format, unit=unit)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_font("DejaVu", size=12)
    return pdf

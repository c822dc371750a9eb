"""Real PDFs for tests, written with fpdf2 and a font that has Vietnamese glyphs."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "DejaVuSans.ttf"


def make_pdf(pages: int = 2, text: str = "Dự thảo Nghị quyết của Chính phủ") -> bytes:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=12)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.multi_cell(0, 8, f"{text}\nTrang {number}")
    return bytes(pdf.output())

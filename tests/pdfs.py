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


DRAFT_PAGES = (
    "NGHỊ ĐỊNH\nQuy định về quản lý tài sản công\n"
    "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định việc quản lý tài sản công.\n"
    "Điều 2. Đối tượng áp dụng\n1. Cơ quan nhà nước.\n2. Đơn vị sự nghiệp công lập.",
    "3. Tổ chức chính trị - xã hội.\n"
    "Điều 3. Giải thích từ ngữ\nTrong Nghị định này, các từ ngữ dưới đây được hiểu như sau:\n"
    "1. Tài sản công là tài sản thuộc sở hữu toàn dân.\n"
    "2. Thời hạn sử dụng là mười năm kể từ ngày bàn giao, theo Điều 5 của Luật này.",
)


def make_draft(pages: tuple[str, ...] = DRAFT_PAGES) -> bytes:
    """A draft decree with articles (Điều) and clauses (khoản), one string per page; an
    article may continue on the next page."""
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())

"""Composing readable PDFs (drafts, summaries, minutes) with fpdf2 and Vietnamese fonts.

A document is a title block and a list of sections; each section becomes an entry of the PDF
outline (bookmarks), and every page carries its number. Pure core; any thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from fpdf import FPDF

from ecabinet.pdf.fonts import new_document


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: Sequence[str] = ()
    level: int = 0  # 0: Chương, 1: Điều


@dataclass(frozen=True)
class DocumentSpec:
    title: str
    issuer: str = "CHÍNH PHỦ"
    number: str = ""
    subtitle: str = ""
    dated: str = ""  # the place and date line under the motto: "Hà Nội, ngày 20 tháng 11 năm 2026"
    sections: Sequence[Section] = field(default_factory=tuple)
    footer: str = ""


class _Paged(FPDF):
    """Pages with a numbered footer, and a fast path for long runs of body text."""

    footer_text = ""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._widths: dict[tuple[str, float, str], float] = {}

    def word_width(self, word: str) -> float:
        key = (self.font_family + self.font_style, self.font_size_pt, word)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = self.get_string_width(word)
        return width

    def paragraph(self, text: str, line_height: float) -> None:
        """Greedy line breaking with cached word widths: fpdf2's own multi_cell re-measures
        each line character by character, which made a 100-page draft take seconds."""
        space = self.word_width(" ")
        limit = self.w - self.l_margin - self.r_margin
        line: list[str] = []
        used = 0.0
        for word in text.split():
            width = self.word_width(word)
            if line and used + space + width > limit:
                self.cell(0, line_height, " ".join(line), new_x="LMARGIN", new_y="NEXT")
                line, used = [], 0.0
            used += width + (space if line else 0.0)
            line.append(word)
        if line:
            self.cell(0, line_height, " ".join(line), new_x="LMARGIN", new_y="NEXT")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 6, f"{self.footer_text}    {self.page_no()}/{{nb}}", align="C")


def _heading(pdf: FPDF, spec: DocumentSpec) -> None:
    """The two columns over the title: the issuer and the number on the left, the national
    motto and the place and date on the right. An issuer may take two lines, as a provincial
    department's does ("UBND THÀNH PHỐ HÀ NỘI" over "SỞ TÀI CHÍNH"); the number then moves
    down beside the date."""
    issuer = spec.issuer.split("\n")
    left = [(line, "B") for line in issuer] + [(spec.number, "")]
    right = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "B"), ("Độc lập - Tự do - Hạnh phúc", "")]
    if spec.dated:
        right.append((spec.dated, ""))
    rows = max(len(left), len(right))
    left += [("", "")] * (rows - len(left))
    right += [("", "")] * (rows - len(right))
    for (left_text, left_style), (right_text, right_style) in zip(left, right, strict=True):
        pdf.set_font("DejaVu", left_style, 12 if left_style else 10)
        pdf.cell(90, 6, left_text, align="C")
        pdf.set_font("DejaVu", right_style, 12 if right_style else 10)
        pdf.cell(0, 6, right_text, align="C", new_x="LMARGIN", new_y="NEXT")


def compose(spec: DocumentSpec) -> bytes:
    pdf = new_document(_Paged)
    assert isinstance(pdf, _Paged)
    pdf.footer_text = spec.footer or spec.title[:80]
    pdf.set_title(spec.title)
    pdf.set_author(spec.issuer)
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    _heading(pdf, spec)
    pdf.ln(10)
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, spec.title, align="C", new_x="LMARGIN", new_y="NEXT")
    if spec.subtitle:
        pdf.set_font("DejaVu", "", 12)
        pdf.multi_cell(0, 7, spec.subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    for section in spec.sections:
        # A heading may run on two lines ("Chương I" over its name); the outline has one.
        pdf.start_section(section.heading.replace("\n", ". "), level=section.level)
        pdf.set_font("DejaVu", "B", 13 if section.level == 0 else 11)
        pdf.multi_cell(
            0,
            7,
            section.heading,
            align="C" if section.level == 0 else "L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font("DejaVu", "", 11)
        for paragraph in section.paragraphs:
            pdf.paragraph(paragraph, 6)
            pdf.ln(1.5)
        pdf.ln(2)
    return bytes(pdf.output())

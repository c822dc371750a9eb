"""Where the text of a PDF is: each page's characters and the boxes they occupy (pdfium).

The same engine as the reader's QtPdf, so a character's index here is its index there: a note
anchored on the laptop's screen and one made from the command line point at the same letters.
Boxes are in PDF points with the origin at the page's top left, as the reader draws them.
Pure core; any thread (each call opens its own document).
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 from the top left, in points


@dataclass(frozen=True)
class PageText:
    text: str
    width: float
    height: float


def page_texts(data: bytes) -> list[PageText]:
    document = pypdfium2.PdfDocument(data)
    try:
        out = []
        for page in document:
            textpage = page.get_textpage()
            width, height = page.get_size()
            out.append(PageText(textpage.get_text_range(), width, height))
            textpage.close()
            page.close()
        return out
    finally:
        document.close()


def text_rects(data: bytes, page_index: int, start: int, length: int) -> list[Rect]:
    """One box per line of the characters ``start .. start+length`` of a page."""
    document = pypdfium2.PdfDocument(data)
    try:
        page = document[page_index]
        height = page.get_size()[1]
        textpage = page.get_textpage()
        lines: list[list[float]] = []
        for index in range(start, min(start + length, textpage.count_chars())):
            # Loose boxes span the line's full height, so a marked line is one even band.
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            if right <= left or top <= bottom:
                continue  # a line break has no box worth drawing
            box = [left, height - top, right, height - bottom]
            last = lines[-1] if lines else None
            if last is not None and box[1] < last[3] and box[3] > last[1]:  # overlap: same line
                last[0], last[1] = min(last[0], box[0]), min(last[1], box[1])
                last[2], last[3] = max(last[2], box[2]), max(last[3], box[3])
            else:
                lines.append(box)
        textpage.close()
        page.close()
        return [(a, b, c, d) for a, b, c, d in lines]
    finally:
        document.close()


def index_at_height(data: bytes, page_index: int, y: float) -> int:
    """The index of the first character on a page whose line reaches down to ``y`` (points
    from the top), or the page's length when no line does: what text a note at that height
    stands beside."""
    document = pypdfium2.PdfDocument(data)
    try:
        page = document[page_index]
        height = page.get_size()[1]
        textpage = page.get_textpage()
        count: int = textpage.count_chars()
        found = count
        for index in range(count):
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            if right > left and height - bottom >= y:
                found = index
                break
        textpage.close()
        page.close()
        return found
    finally:
        document.close()

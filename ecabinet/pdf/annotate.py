"""A member's notes written into the PDF as real annotations, and a watermark on every page.

Highlight, Underline, StrikeOut, Text (a sticky note), Ink and FreeText dictionaries as ISO
32000-1 §12.5.6 describes them, so any reader shows them and can edit them; each carries its
author (/T), its note text (/Contents), its id (/NM) and when it was changed (/M). Our geometry
has its origin at the page's top left; PDF's at the bottom left, flipped here. The watermark
names the member and the moment, so a leaked copy says whose it was. Pure core; any thread.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from datetime import datetime

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from ecabinet.pdf.fonts import new_document
from ecabinet.wire.objects import AnnotationData

SUBTYPES = {
    "highlight": "/Highlight",
    "underline": "/Underline",
    "strikeout": "/StrikeOut",
    "note": "/Text",
    "ink": "/Ink",
    "freetext": "/FreeText",
}
NOTE_SIZE = 20.0  # a sticky note's icon, in points


def rgb(color: str) -> ArrayObject:
    return ArrayObject(FloatObject(int(color[i : i + 2], 16) / 255) for i in (1, 3, 5))


def pdf_date(moment: datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%S") + "Z"


def _numbers(values: Iterable[float]) -> ArrayObject:
    return ArrayObject(FloatObject(round(v, 3)) for v in values)


def annotation_dictionary(
    note: AnnotationData, page_height: float, author: str
) -> DictionaryObject:

    def flip(y: float) -> float:
        return page_height - y

    box = note_bounds(note)
    entry = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject(SUBTYPES[note.kind]),
            NameObject("/Rect"): _numbers((box[0], flip(box[3]), box[2], flip(box[1]))),
            NameObject("/C"): rgb(note.color),
            NameObject("/Contents"): TextStringObject(note.text),
            NameObject("/T"): TextStringObject(author),
            NameObject("/NM"): TextStringObject(note.id),
            NameObject("/M"): TextStringObject(pdf_date(note.updated_at)),
            NameObject("/F"): NumberObject(4),  # print it
        }
    )
    if note.kind in ("highlight", "underline", "strikeout"):
        quads: list[float] = []
        for x0, y0, x1, y1 in note.rects:  # upper left, upper right, lower left, lower right
            quads += [x0, flip(y0), x1, flip(y0), x0, flip(y1), x1, flip(y1)]
        entry[NameObject("/QuadPoints")] = _numbers(quads)
        if note.kind == "highlight":
            entry[NameObject("/CA")] = FloatObject(0.4)
    elif note.kind == "ink":
        entry[NameObject("/InkList")] = ArrayObject(
            _numbers(v for x, y in stroke for v in (x, flip(y))) for stroke in note.points
        )
        entry[NameObject("/BS")] = DictionaryObject({NameObject("/W"): FloatObject(note.width)})
    elif note.kind == "note":
        entry[NameObject("/Name")] = NameObject("/Comment")
        entry[NameObject("/Open")] = BooleanObject(False)
    elif note.kind == "freetext":
        entry[NameObject("/DA")] = TextStringObject("/Helv 11 Tf 0 0 0 rg")
    return entry


def note_bounds(note: AnnotationData) -> tuple[float, float, float, float]:
    """The note's box, top-left origin: its rectangles, its strokes, or its point."""
    if note.rects:
        return (
            min(r[0] for r in note.rects),
            min(r[1] for r in note.rects),
            max(r[2] for r in note.rects),
            max(r[3] for r in note.rects),
        )
    points = [p for stroke in note.points for p in stroke]
    if points:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return (min(xs), min(ys), max(xs), max(ys))
    return (0.0, 0.0, NOTE_SIZE, NOTE_SIZE)


def with_annotations(
    data: bytes, notes: Iterable[AnnotationData], authors: Mapping[str, str]
) -> bytes:
    """The PDF with each note added to its page as an annotation object."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for note in notes:
        if not 0 <= note.page < len(writer.pages):
            continue  # a note of another version's page count; the caller placed it first
        page = writer.pages[note.page]
        height = float(page.mediabox.top)
        author = authors.get(note.author_id, "")
        writer.add_annotation(note.page, annotation_dictionary(note, height, author))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def watermarked(data: bytes, line: str) -> bytes:
    """Every page stamped with ``line`` (the member's name and the date and time)."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    stamps: dict[tuple[float, float], PageObject] = {}
    for page in writer.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        if size not in stamps:
            stamps[size] = _stamp(size, line)
        page.merge_page(stamps[size])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stamp(size: tuple[float, float], line: str) -> PageObject:
    width, height = size
    pdf = new_document(format=(width, height), unit="pt")
    pdf.add_page()
    pdf.set_auto_page_break(False)
    pdf.set_font("DejaVu", size=9)
    pdf.set_text_color(120, 120, 120)
    pdf.text(24, height - 12, line)  # along the foot of the page, where it prints
    with pdf.local_context(fill_opacity=0.12, text_color=(150, 150, 150)):
        pdf.set_font("DejaVu", size=28)
        with pdf.rotation(35, width / 2, height / 2):
            text_width = pdf.get_string_width(line)
            pdf.text(width / 2 - text_width / 2, height / 2, line)
    return PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0]

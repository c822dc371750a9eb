"""XFDF: a member's notes alone, in the XML format other PDF readers import (ISO 19444-1).

Export writes each note with its page, rectangle, colour, author, id and text in PDF
coordinates (origin at the bottom left); import reads them back into our geometry (origin at
the top left) for the caller to save as the member's notes. The file is untrusted input: its
size is bounded, and it is parsed with defusedxml, which refuses any document type, entity
declaration or external reference (a billion laughs, a file of the laptop pulled in by an
external entity) before anything is expanded; notes never need one. Pure core; any thread.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as defused
from defusedxml import DefusedXmlException

from ecabinet.pdf.annotate import note_bounds, pdf_date
from ecabinet.pdf.xfdf_problems import XfdfError, XfdfProblem
from ecabinet.wire.objects import AnnotationData

NS = "http://ns.adobe.com/xfdf/"
MAX_XFDF_BYTES = 10 * 1024 * 1024
ELEMENTS = {
    "highlight": "highlight",
    "underline": "underline",
    "strikeout": "strikeout",
    "note": "text",
    "ink": "ink",
    "freetext": "freetext",
}
KINDS = {element: kind for kind, element in ELEMENTS.items()}


@dataclass
class ImportedNote:
    id: str
    page: int
    kind: str
    color: str = "#ffd400"
    width: float = 2.0
    text: str = ""
    rects: list[tuple[float, float, float, float]] = field(default_factory=list)
    points: list[list[tuple[float, float]]] = field(default_factory=list)


def _csv(values: Iterable[float]) -> str:
    return ",".join(f"{v:.3f}" for v in values)


def to_xfdf(
    notes: Iterable[AnnotationData],
    page_heights: Sequence[float],
    authors: Mapping[str, str],
    filename: str,
) -> bytes:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}xfdf", {"xml:space": "preserve"})
    annots = ET.SubElement(root, f"{{{NS}}}annots")
    for note in notes:
        if not 0 <= note.page < len(page_heights):
            continue
        height = page_heights[note.page]
        x0, y0, x1, y1 = note_bounds(note)
        attributes = {
            "page": str(note.page),
            "rect": _csv((x0, height - y1, x1, height - y0)),
            "color": note.color.upper(),
            "name": note.id,
            "title": authors.get(note.author_id, ""),
            "date": pdf_date(note.updated_at),
        }
        if note.kind == "ink":
            attributes["width"] = f"{note.width:g}"
        if note.kind in ("highlight", "underline", "strikeout"):
            attributes["coords"] = _csv(
                v
                for a, b, c, d in note.rects
                for v in (a, height - b, c, height - b, a, height - d, c, height - d)
            )
        element = ET.SubElement(annots, f"{{{NS}}}{ELEMENTS[note.kind]}", attributes)
        if note.text:
            ET.SubElement(element, f"{{{NS}}}contents").text = note.text
        if note.kind == "ink":
            inklist = ET.SubElement(element, f"{{{NS}}}inklist")
            for stroke in note.points:
                gesture = ET.SubElement(inklist, f"{{{NS}}}gesture")
                gesture.text = ";".join(f"{x:.3f},{height - y:.3f}" for x, y in stroke)
    ET.SubElement(root, f"{{{NS}}}f", {"href": filename})
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def _floats(text: str) -> list[float]:
    try:
        return [float(v) for v in text.replace(";", ",").split(",") if v.strip()]
    except ValueError:
        raise XfdfError(XfdfProblem.DAMAGED, f"not a list of numbers: {text[:40]!r}") from None


def read_xfdf(path: Path) -> bytes:
    """A file's bytes, at most one more than ``from_xfdf`` accepts: a huge file is refused
    without being read whole into memory."""
    with path.open("rb") as fh:
        return fh.read(MAX_XFDF_BYTES + 1)


def from_xfdf(data: bytes, page_heights: Sequence[float]) -> list[ImportedNote]:
    if len(data) > MAX_XFDF_BYTES:
        raise XfdfError(
            XfdfProblem.TOO_LARGE, "the file is larger than any list of notes should be"
        )
    try:
        root = defused.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise XfdfError(
            XfdfProblem.ENTITIES,
            "the file declares a document type or XML entities, which a list of notes never "
            "needs and which can hide an attack; it was not read",
        ) from None
    except ET.ParseError as error:
        raise XfdfError(XfdfProblem.NOT_XML, f"not XML: {error}") from None
    if root.tag not in (f"{{{NS}}}xfdf", "xfdf"):
        raise XfdfError(XfdfProblem.NOT_XFDF, "not an XFDF file")
    notes = []
    for element in root.iter():
        kind = KINDS.get(element.tag.rsplit("}", 1)[-1])
        if kind is None or element.tag.endswith("}annots"):
            continue
        try:
            page = int(element.get("page", "-1"))
        except ValueError:
            raise XfdfError(XfdfProblem.DAMAGED, "a note names no page") from None
        if not 0 <= page < len(page_heights):
            raise XfdfError(
                XfdfProblem.NO_SUCH_PAGE,
                f"a note is on page {page + 1}, which this document does not have",
                page=page + 1,
            )
        height = page_heights[page]
        note = ImportedNote(_id(element.get("name", "")), page, kind)
        color = element.get("color", "#FFD400")
        if len(color) == 7 and color.startswith("#"):
            note.color = color.lower()
        contents = element.find(f"{{{NS}}}contents")
        note.text = (contents.text or "") if contents is not None else ""
        rect = _floats(element.get("rect", "0,0,0,0"))
        coords = _floats(element.get("coords", ""))
        if coords and len(coords) % 8 == 0:
            for i in range(0, len(coords), 8):
                xs, ys = coords[i : i + 8 : 2], coords[i + 1 : i + 8 : 2]
                note.rects.append((min(xs), height - max(ys), max(xs), height - min(ys)))
        elif len(rect) == 4:
            note.rects.append((rect[0], height - rect[3], rect[2], height - rect[1]))
        for gesture in element.iter(f"{{{NS}}}gesture"):
            values = _floats(gesture.text or "")
            note.points.append(
                [(values[i], height - values[i + 1]) for i in range(0, len(values) - 1, 2)]
            )
        if kind == "ink":
            note.rects = []
            note.width = min(20.0, max(0.5, (_floats(element.get("width", "2")) or [2.0])[0]))
        notes.append(note)
    return notes


def _id(name: str) -> str:
    """A note's own id when it is one of ours (re-importing updates, never duplicates)."""
    try:
        return str(uuid.UUID(name))
    except ValueError:
        return str(uuid.uuid4())

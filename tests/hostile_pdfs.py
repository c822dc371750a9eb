"""A generator of broken and hostile PDFs, each made by hand so its fault is exactly the one
named: what a careless tool, a damaged disk or an attacker might send as a "draft"."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable

from tests.pdfs import make_pdf


def _pdf(
    objects: list[bytes], root: int = 1, xref: bool = True, trailer_extra: bytes = b""
) -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct cross-reference table
    unless ``xref`` is False."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    if xref:
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for offset in offsets:
            out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, root, trailer_extra, start)
    )
    return out.getvalue()


def _page_tree(contents: bytes = b"", kids: bytes = b"[3 0 R]") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + kids + b" /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] " + contents + b">>",
    ]


def truncated() -> bytes:
    whole = make_pdf(3)
    return whole[: len(whole) // 3]


def cut_before_the_trailer() -> bytes:
    whole = make_pdf(2)
    return whole[: whole.rindex(b"trailer")]


def bad_cross_reference() -> bytes:
    """Every offset in the table points into the middle of nowhere, and the trailer's
    startxref past the end of the file."""
    good = _pdf(_page_tree())
    table = good.index(b"xref\n")
    broken = good[:table] + b"xref\n0 4\n" + b"9999999999 00000 n \n" * 4
    return broken + b"trailer\n<< /Size 4 >>\nstartxref\n99999999\n%%EOF\n"


def no_catalog() -> bytes:
    return _pdf([b"<< /Type /Font >>"], root=7)


def pages_that_contain_themselves() -> bytes:
    """The page tree's only kid is the tree itself: a walk of the pages never ends."""
    objects = _page_tree(kids=b"[2 0 R]")
    return _pdf(objects)


def parents_in_a_loop() -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
    ]
    return _pdf(objects)


def length_that_refers_to_itself() -> bytes:
    objects = _page_tree(contents=b"/Contents 4 0 R ")
    objects.append(b"<< /Length 4 0 R >>\nstream\nBT ET\nendstream")
    return _pdf(objects)


def huge_declared_stream() -> bytes:
    """A stream that says it is a terabyte long."""
    objects = _page_tree(contents=b"/Contents 4 0 R ")
    objects.append(b"<< /Length 1099511627776 >>\nstream\nBT ET\nendstream")
    return _pdf(objects)


def endless_stream() -> bytes:
    """A stream that never ends: no endstream, no endobj, no trailer."""
    head = _pdf(_page_tree(contents=b"/Contents 4 0 R "))
    head = head[: head.index(b"xref")]
    return head + b"4 0 obj\n<< >>\nstream\n" + b"q 1 0 0 1 0 0 cm Q\n" * 20_000


def decompression_bomb(megabytes: int = 200) -> bytes:
    compressor = zlib.compressobj(9)
    spaces = b" " * (1 << 20)
    raw = b"".join(compressor.compress(spaces) for _ in range(megabytes)) + compressor.flush()
    objects = _page_tree(contents=b"/Contents 4 0 R ")
    objects.append(
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(raw) + raw + b"\nendstream"
    )
    return _pdf(objects)


def deep_nesting(depth: int = 200_000) -> bytes:
    objects = _page_tree(contents=b"/Annots 4 0 R ")
    objects.append(b"[" * depth + b"]" * depth)
    return _pdf(objects)


def a_zip_named_pdf() -> bytes:
    """A real ZIP archive (a Word file looks like this) that holds a PDF inside."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("du-thao.pdf", make_pdf(1))
    return out.getvalue()


def a_pdf_header_on_a_zip() -> bytes:
    return b"%PDF-1.7\n" + a_zip_named_pdf()


HOSTILE: dict[str, Callable[[], bytes]] = {
    "truncated": truncated,
    "cut-before-the-trailer": cut_before_the_trailer,
    "bad-cross-reference": bad_cross_reference,
    "no-catalog": no_catalog,
    "pages-contain-themselves": pages_that_contain_themselves,
    "parents-in-a-loop": parents_in_a_loop,
    "length-refers-to-itself": length_that_refers_to_itself,
    "huge-declared-stream": huge_declared_stream,
    "endless-stream": endless_stream,
    "decompression-bomb": decompression_bomb,
    "deep-nesting": deep_nesting,
    "zip": a_zip_named_pdf,
    "pdf-header-on-a-zip": a_pdf_header_on_a_zip,
}

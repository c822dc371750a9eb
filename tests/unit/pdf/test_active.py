"""Active content and broken structure: each kind of file built with pypdf or by hand, checked
by check_pdf in a real child process; the walk's bounds checked on the walk itself."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecabinet.pdf import active
from ecabinet.pdf.validate import ACTIVE_CONTENT, NOT_A_PDF, REASON_DAMAGED, PdfCheck, check_pdf
from tests.active_pdfs import ACTIVE, web_link
from tests.hostile_pdfs import _page_tree, _pdf
from tests.pdfs import make_pdf

SECONDS, MEMORY_MB = 20.0, 768


def check(tmp_path: Path, data: bytes) -> PdfCheck:
    path = tmp_path / "upload.pdf"
    path.write_bytes(data)
    return check_pdf(path, seconds=SECONDS, memory_mb=MEMORY_MB)


@pytest.mark.parametrize("name", list(ACTIVE))
def test_a_pdf_that_could_run_something_is_refused_naming_it(tmp_path: Path, name: str) -> None:
    make, kind = ACTIVE[name]
    verdict = check(tmp_path, make())
    assert (verdict.ok, verdict.code, verdict.found) == (False, ACTIVE_CONTENT, (kind,))
    assert active.ENGLISH[kind] in verdict.reason


@pytest.mark.parametrize("address", ["https://chinhphu.vn/", "http://vanban.chinhphu.vn/x?id=1"])
def test_a_plain_file_with_a_web_link_is_accepted(tmp_path: Path, address: str) -> None:
    assert check(tmp_path, web_link(address)) == PdfCheck(True, 1)


def test_every_kind_found_is_named(tmp_path: Path) -> None:
    both = PdfReader(io.BytesIO(ACTIVE["launch"][0]()))
    assert active.active_content(both.trailer["/Root"]) == (active.LAUNCH,)
    assert active.described((active.JAVASCRIPT, active.LAUNCH)) == (
        "JavaScript and an action that starts a program (Launch)"
    )


def _pages_with_annotations(count: int, chained: bool) -> bytes:
    """One page with ``count`` link annotations; ``chained``: each also points at the next,
    the last back at the first (a cycle as long as the file)."""
    first = 4
    objects = _page_tree(
        contents=b"/Annots [" + b" ".join(b"%d 0 R" % (first + i) for i in range(count)) + b"] "
    )
    for i in range(count):
        following = first + (i + 1) % count
        extra = b" /Next %d 0 R" % following if chained else b""
        objects.append(b"<< /Type /Annot /Subtype /Link /Rect [0 0 1 1]%s >>" % extra)
    return _pdf(objects)


def test_a_cycle_of_references_ends_and_a_long_chain_is_not_too_deep(tmp_path: Path) -> None:
    assert check(tmp_path, _pages_with_annotations(2_000, chained=True)) == PdfCheck(True, 1)


def test_the_walk_stops_at_its_cap_on_objects() -> None:
    reader = PdfReader(io.BytesIO(_pages_with_annotations(50, chained=False)))
    with pytest.raises(active.TooComplex):
        active.active_content(reader.trailer["/Root"], max_objects=20)
    assert active.active_content(reader.trailer["/Root"], max_objects=1_000) == ()


def test_nesting_within_one_object_is_bounded() -> None:
    deep = b"[" * (active.MAX_NESTING + 5) + b"]" * (active.MAX_NESTING + 5)
    reader = PdfReader(io.BytesIO(_pdf(_page_tree(contents=b"/Extra 4 0 R ") + [deep])))
    with pytest.raises(active.TooComplex):
        active.active_content(reader.trailer["/Root"])


def _with_wrong_offsets() -> bytes:
    """A table whose entries for the catalog and the page tree are swapped: pypdf finds each
    object elsewhere and repairs the table as it goes."""
    good = _pdf(_page_tree())
    table = good.index(b"xref\n")
    head, rest = good[:table], good[table:]
    lines = rest.split(b"\n")
    lines[3], lines[4] = lines[4], lines[3]  # the entries of objects 1 and 2
    return head + b"\n".join(lines)


def _with_a_header_changed(header: bytes) -> bytes:
    """The catalog's entry points where it should, at a header that names another object, or
    no object (qpdf's issue-99b and bad27): pypdf reads what is there without a word."""
    good = _pdf(_page_tree())
    assert len(header) == len(b"1 0 obj")  # so that no offset moves
    return good.replace(b"1 0 obj", header, 1)


@pytest.mark.parametrize(
    "data",
    [
        _with_wrong_offsets(),
        _pdf(_page_tree(), xref=False),
        _with_a_header_changed(b"0 0 obj"),
        _with_a_header_changed(b"1 0 xbj"),
    ],
    ids=["wrong-offsets", "no-table-at-all", "another-object's-header", "not-an-object-header"],
)
def test_a_file_whose_cross_reference_had_to_be_repaired_is_refused(
    tmp_path: Path, data: bytes
) -> None:
    assert PdfReader(io.BytesIO(data)).pages  # pypdf on its own repairs it and reads it
    assert check(tmp_path, data) == PdfCheck(False, 0, NOT_A_PDF, REASON_DAMAGED)


@pytest.mark.parametrize(
    ("objects", "info"),
    [
        ([], b"/Info 9 0 R "),  # no such object
        ([b"42"], b"/Info 4 0 R "),  # not a dictionary
        (
            [b"<< /Title <FEFF00> /Author (\\377\\376 unclosed \\) /CreationDate 7 >>"],
            b"/Info 4 0 R ",
        ),
        ([b"<< /Length 5 >>\nstream\nxxxxx\nendstream"], b"/Info 4 0 R "),  # a stream
    ],
    ids=["missing", "a-number", "garbled-strings", "a-stream"],
)
def test_a_well_formed_file_with_unreadable_metadata_is_accepted(
    tmp_path: Path, objects: list[bytes], info: bytes
) -> None:
    data = _pdf(_page_tree() + objects, trailer_extra=info)
    assert check(tmp_path, data) == PdfCheck(True, 1)


def test_junk_before_the_header_is_not_a_repair(tmp_path: Path) -> None:
    assert check(tmp_path, b"Received: by relay\r\n" * 8 + make_pdf(2)) == PdfCheck(True, 2)

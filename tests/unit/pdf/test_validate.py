"""check_pdf: real files, good and hostile, checked in a real child process with real limits."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import EncodedStreamObject, NameObject

from ecabinet.pdf.validate import (
    CHILD_NICENESS,
    ENCRYPTED,
    NOT_A_PDF,
    REASON_DAMAGED,
    REASON_NO_PAGES,
    REASON_NOT_A_PDF,
    TOO_COMPLEX,
    PdfCheck,
    _lower_priority,
    check_pdf,
)
from tests.pdfs import make_pdf

SECONDS, MEMORY_MB = 20.0, 768


def written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    return written(writer)


def decompression_bomb(megabytes: int = 100) -> bytes:
    """One page, about 100 KB on disk, whose content stream inflates to ``megabytes``."""
    compressor = zlib.compressobj(9)
    spaces = b" " * (1 << 20)
    raw = b"".join(compressor.compress(spaces) for _ in range(megabytes)) + compressor.flush()
    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    stream = EncodedStreamObject()
    stream._data = raw  # as is: set_data() would compress it again
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    return written(writer)


def check(
    tmp_path: Path, data: bytes, seconds: float = SECONDS, memory_mb: int = MEMORY_MB
) -> PdfCheck:
    path = tmp_path / "upload.pdf"
    path.write_bytes(data)
    return check_pdf(path, seconds=seconds, memory_mb=memory_mb)


def test_a_good_pdf_passes_with_its_page_count(tmp_path: Path) -> None:
    assert check(tmp_path, make_pdf(3)) == PdfCheck(True, 3, "", "")


def test_a_header_after_a_little_junk_is_still_a_pdf(tmp_path: Path) -> None:
    assert check(tmp_path, b"X-Mailer: relay\r\n" * 10 + make_pdf(1)).ok


@pytest.mark.parametrize(
    ("data", "code", "reason"),
    [
        (b"Just a text file named draft.pdf", NOT_A_PDF, REASON_NOT_A_PDF),
        (b" " * 1024 + make_pdf(1), NOT_A_PDF, REASON_NOT_A_PDF),
        (b"%PDF-1.7\n" + b"\x00garbage" * 200, NOT_A_PDF, REASON_DAMAGED),
        (make_pdf(2)[:400], NOT_A_PDF, REASON_DAMAGED),
        (written(PdfWriter()), NOT_A_PDF, REASON_NO_PAGES),
        (encrypted_pdf(), ENCRYPTED, "encrypted"),
    ],
    ids=["text", "header-too-late", "garbage", "truncated", "no-pages", "encrypted"],
)
def test_files_that_are_not_readable_pdfs_are_refused_with_a_reason(
    tmp_path: Path, data: bytes, code: str, reason: str
) -> None:
    assert check(tmp_path, data) == PdfCheck(False, 0, code, reason)


def test_a_check_that_overruns_its_time_is_too_complex(tmp_path: Path) -> None:
    result = check(tmp_path, make_pdf(2), seconds=0.001)
    assert (result.ok, result.code) == (False, TOO_COMPLEX)


def test_a_child_starved_of_memory_is_too_complex_not_a_crash(tmp_path: Path) -> None:
    result = check(tmp_path, make_pdf(2), memory_mb=30)
    assert (result.ok, result.code) == (False, TOO_COMPLEX)


def test_a_decompression_bomb_is_too_complex(tmp_path: Path) -> None:
    result = check(tmp_path, decompression_bomb())
    assert (result.ok, result.code) == (False, TOO_COMPLEX)


def test_the_check_runs_at_a_low_cpu_priority() -> None:
    if not hasattr(os, "getpriority"):
        pytest.skip("no process priorities on this system")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _lower_priority(child.pid)
        assert os.getpriority(os.PRIO_PROCESS, child.pid) >= CHILD_NICENESS >= 10
    finally:
        child.kill()
        child.wait(10)

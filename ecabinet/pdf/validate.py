"""Checking untrusted PDFs in a child process with a time and memory limit.

pypdf has had denial-of-service bugs on crafted files (endless loops, memory blow-ups), so the
parse happens in a separate "spawn" process that the parent kills when it overruns, and whose
address space is capped. ``check_pdf`` is called from a server worker thread; it blocks that
thread (never the event loop) while the child runs. Pure core: no server imports, so the child
starts quickly and the client may use it too.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

NOT_A_PDF = "not_a_pdf"
ENCRYPTED = "encrypted"
TOO_COMPLEX = "too_complex"

# Reasons in plain words: the server puts them in the detail of its answer to the uploader.
REASON_NOT_A_PDF = "not a PDF"
REASON_NO_PAGES = "a PDF without pages"
REASON_ENCRYPTED = "encrypted"
REASON_DAMAGED = "damaged"
REASON_TOO_COMPLEX = "too complex to check safely"

# A PDF header may follow some junk (mail gateways add it); readers accept it within 1 KiB.
HEADER_WINDOW = 1024
# Deeper than this, nested arrays and dictionaries are an attack on the reader, not a paper.
MAX_NESTING = 100
# Other formats a "PDF" may really be; a file that is also a ZIP (a polyglot) is refused too.
_FOREIGN_STARTS = (
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\xd0\xcf\x11\xe0",
    b"MZ",
    b"\x7fELF",
    b"\x1f\x8b",
)


@dataclass(frozen=True)
class PdfCheck:
    """The verdict on one file: ``code`` is "" when ``ok``, else one of the constants above."""

    ok: bool
    pages: int = 0
    code: str = ""
    reason: str = ""


def _refused(code: str, reason: str) -> PdfCheck:
    return PdfCheck(False, 0, code, reason)


def _limit_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the time limit still applies
        return
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _cross_reference_found(path: str) -> bool:
    """Whether ``startxref`` points at a cross-reference table or stream. Readers rebuild a
    missing one by scanning the file for objects, and two readers may rebuild it differently
    (and show different pages): such a file is refused as damaged, not repaired."""
    with open(path, "rb") as fh:
        header_at = fh.read(HEADER_WINDOW).find(b"%PDF-")
        fh.seek(0, os.SEEK_END)
        fh.seek(max(0, fh.tell() - HEADER_WINDOW))
        tail = fh.read()
        marker = tail.rfind(b"startxref")
        if header_at < 0 or marker < 0:
            return False
        digits = tail[marker + len(b"startxref") :].split()
        if not digits or not digits[0].isdigit():
            return False
        fh.seek(header_at + int(digits[0]))
        at = fh.read(32).lstrip()
    return at.startswith(b"xref") or re.match(rb"\d+\s+\d+\s+obj", at) is not None


def _walk(node: object, depth: int = 0, seen: set[tuple[int, int]] | None = None) -> None:
    """Resolve every object reachable from ``node``, so that a hostile one fails here, under
    the limits, and not in a member's reader; loops are followed once."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen = set() if seen is None else seen
    if depth > MAX_NESTING:
        raise RecursionError("nested too deep")
    if isinstance(node, IndirectObject):
        key = (node.idnum, node.generation)
        if key in seen:
            return
        seen.add(key)
        node = node.get_object()
    if isinstance(node, DictionaryObject):
        for value in node.values():
            _walk(value, depth + 1, seen)
    elif isinstance(node, ArrayObject):
        for value in node:
            _walk(value, depth + 1, seen)


def _inspect(path: str) -> PdfCheck:
    """Parse the file with pypdf and resolve every object; runs inside the child only."""
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    try:
        if not _cross_reference_found(path):
            return _refused(NOT_A_PDF, REASON_DAMAGED)
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            return _refused(ENCRYPTED, REASON_ENCRYPTED)
        pages = len(reader.pages)
        if pages == 0:
            return _refused(NOT_A_PDF, REASON_NO_PAGES)
        # Decoding each page's content stream once, rather than only reading its length,
        # runs pypdf's decoders (where its denial-of-service bugs have been) here, under the
        # limits, and refuses decompression bombs; images, the bulk of a scan, stay encoded.
        for page in reader.pages:
            contents = page.get_contents()
            if contents is not None:
                contents.get_data()
        _walk(reader.trailer)
    except (MemoryError, RecursionError, LimitReachedError):
        return _refused(TOO_COMPLEX, REASON_TOO_COMPLEX)
    except Exception:  # any other parse failure means the file is damaged
        return _refused(NOT_A_PDF, REASON_DAMAGED)
    return PdfCheck(True, pages)


def _check_in_child(path: str, memory_mb: int, conn: multiprocessing.connection.Connection) -> None:
    _limit_memory(memory_mb)
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # the verdict says what went wrong
    result = _inspect(path)
    conn.send((result.ok, result.pages, result.code, result.reason))


def check_pdf(path: Path, *, seconds: float, memory_mb: int) -> PdfCheck:
    """Whether ``path`` is a readable, unencrypted PDF with pages, and how many it has.

    A child that overruns ``seconds``, or dies (its allocations fail beyond ``memory_mb``),
    yields ``too_complex``.
    """
    with path.open("rb") as fh:
        head = fh.read(HEADER_WINDOW)
    if b"%PDF-" not in head or head.startswith(_FOREIGN_STARTS) or zipfile.is_zipfile(path):
        return _refused(NOT_A_PDF, REASON_NOT_A_PDF)
    # spawn, not fork: the server's threads and open database connections must not be copied.
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_check_in_child, args=(str(path), memory_mb, sender), daemon=True
    )
    child.start()
    sender.close()  # so that the child's death shows here as EOF
    try:
        if not receiver.poll(seconds):
            return _refused(TOO_COMPLEX, REASON_TOO_COMPLEX)
        ok, pages, code, reason = receiver.recv()
    except EOFError:  # the child died, most likely of the memory limit
        return _refused(TOO_COMPLEX, REASON_TOO_COMPLEX)
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()
    return PdfCheck(bool(ok), int(pages), str(code), str(reason))

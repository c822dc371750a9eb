"""Checking untrusted PDFs in a child process with a time and memory limit.

pypdf has had denial-of-service bugs on crafted files (endless loops, memory blow-ups), so the
parse happens in a separate "spawn" process that the parent kills when it overruns, and whose
address space is capped, at a low CPU priority. Besides a readable PDF with pages, the file
must not be one pypdf had to repair, and must hold nothing that could run (ecabinet.pdf.active).
``check_pdf`` is called from a worker thread (the server's bounds how many at once:
ecabinet.server.pdf_checks); it blocks that thread (never the event loop) while the child runs.
Pure core: no server imports, so the child starts quickly and the client may use it too.
"""

from __future__ import annotations

import io
import logging
import multiprocessing
import multiprocessing.connection
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ecabinet.pdf.active import TooComplex, active_content, described

if TYPE_CHECKING:  # pypdf is imported in the child only, so the server starts quickly
    from pypdf import PdfReader

NOT_A_PDF = "not_a_pdf"
ENCRYPTED = "encrypted"
TOO_COMPLEX = "too_complex"
ACTIVE_CONTENT = "active_content"

# Reasons in plain words: the server puts them in the detail of its answer to the uploader.
REASON_NOT_A_PDF = "not a PDF"
REASON_NO_PAGES = "a PDF without pages"
REASON_ENCRYPTED = "encrypted"
REASON_DAMAGED = "damaged"
REASON_TOO_COMPLEX = "too complex to check safely"
# A low priority (weight about a tenth of the server's): a check never takes the CPU from the
# server that answers members, yet still ends within its time on a busy machine.
CHILD_NICENESS = 10

# A PDF header may follow some junk (mail gateways add it); readers accept it within 1 KiB.
HEADER_WINDOW = 1024
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
    """The verdict on one file: ``code`` is "" when ``ok``, else one of the constants above;
    ``found`` names the kinds of active content (ecabinet.pdf.active) that refused it."""

    ok: bool
    pages: int = 0
    code: str = ""
    reason: str = ""
    found: tuple[str, ...] = ()


def _refused(code: str, reason: str, found: tuple[str, ...] = ()) -> PdfCheck:
    return PdfCheck(False, 0, code, reason, found)


def _limit_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the time limit still applies
        return
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _lower_priority(pid: int = 0) -> None:
    """Run the check (``pid``, or this process) at the lowest CPU priority, where there is one."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, CHILD_NICENESS)
    except (AttributeError, OSError):  # Windows, or the child already gone
        pass


class _FromHeader(io.RawIOBase):
    """The file seen from its ``%PDF-`` header on: offsets in a PDF count from the header, so
    junk a mail gateway put before it shifts nothing and needs no repair."""

    def __init__(self, fh: io.BufferedReader, start: int) -> None:
        super().__init__()
        self._fh, self._start = fh, start

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        return self._fh.readinto(buffer)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            offset += self._start
        return self._fh.seek(offset, whence) - self._start

    def tell(self) -> int:
        return self._fh.tell() - self._start


# pypdf's warnings that say it repaired the file's structure (in non-strict mode it goes on
# after each): a startxref or cross-reference table it corrected or rebuilt, an object not
# where the table said, a catalog it had to search for. A reference to an object that does
# not exist is not among them: the standard reads it as null.
_REPAIR_WORDS = (
    "xref",
    "wrong pointing object",
    "eof marker",
    "object streams",
    "rebuild",
    "/root",
    "catalog",
    "zero-indexed",
    "repaired",
)


class _Repairs(logging.Handler):
    """pypdf's warnings while it reads the file: those that are a repair it made."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if any(word in message.lower() for word in _REPAIR_WORDS):
            self.seen.append(message)


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


# What a cross-reference entry must point at: its own object's header. pypdf reads an object
# at the offset given even when the header there names another object, or is not "obj" at all,
# and says nothing; another reader would search the file for the object instead, or show none.
_OBJECT_HEADER = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")


def _entries_point_elsewhere(source: io.BufferedIOBase, reader: PdfReader) -> bool:
    """Whether the cross-reference entry of any object pypdf read points at something other
    than that object's header (``N G obj``). Objects nothing refers to are not read, by pypdf
    or by a member's reader, so their entries do not matter."""
    from pypdf.generic import DictionaryObject

    for (generation, idnum), value in list(reader.resolved_objects.items()):
        if isinstance(value, DictionaryObject) and value.get("/Type") == "/XRef":
            continue  # the table itself, read at the offset startxref gives, not through its entry
        offset = reader.xref.get(generation, {}).get(idnum)
        if offset is None:  # in an object stream, or not in the table at all (read as null)
            continue
        source.seek(offset)
        header = _OBJECT_HEADER.match(source.read(48))
        if header is None or (int(header[1]), int(header[2])) != (idnum, generation):
            return True
    return False


def _header_at(path: str) -> int:
    with open(path, "rb") as fh:
        return fh.read(HEADER_WINDOW).find(b"%PDF-")


def _inspect(path: str) -> PdfCheck:
    """Parse the file with pypdf and resolve every object; runs inside the child only.

    A file whose cross-reference pypdf had to repair or rebuild, or whose entries point at
    anything but their own objects, is refused as damaged: two
    readers may repair it differently and show members different pages. Its /Info (title,
    author) is not read at all: odd metadata changes nothing a member sees.
    """
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    repairs = _Repairs()
    pypdf_log = logging.getLogger("pypdf")
    try:
        if not _cross_reference_found(path):
            return _refused(NOT_A_PDF, REASON_DAMAGED)
        with open(path, "rb") as raw:
            source = io.BufferedReader(_FromHeader(raw, _header_at(path)))
            pypdf_log.addHandler(repairs)
            try:
                reader = PdfReader(source, strict=False)
                if reader.is_encrypted:
                    return _refused(ENCRYPTED, REASON_ENCRYPTED)
                pages = len(reader.pages)
                if pages == 0:
                    return _refused(NOT_A_PDF, REASON_NO_PAGES)
                # Decoding each page's content stream once, rather than only reading its
                # length, runs pypdf's decoders (where its denial-of-service bugs have been)
                # here, under the limits, and refuses decompression bombs; images, the bulk
                # of a scan, stay encoded.
                for page in reader.pages:
                    contents = page.get_contents()
                    if contents is not None:
                        contents.get_data()
                found = active_content(reader.trailer["/Root"])
                if _entries_point_elsewhere(source, reader):
                    return _refused(NOT_A_PDF, REASON_DAMAGED)
            finally:
                pypdf_log.removeHandler(repairs)
            if repairs.seen:
                return _refused(NOT_A_PDF, REASON_DAMAGED)
    except (MemoryError, RecursionError, LimitReachedError, TooComplex):
        return _refused(TOO_COMPLEX, REASON_TOO_COMPLEX)
    except Exception:  # any other parse failure means the file is damaged
        return _refused(NOT_A_PDF, REASON_DAMAGED)
    if found:
        return _refused(ACTIVE_CONTENT, f"a PDF with {described(found)}", found)
    return PdfCheck(True, pages)


def _check_in_child(path: str, memory_mb: int, conn: multiprocessing.connection.Connection) -> None:
    _lower_priority()
    _limit_memory(memory_mb)
    pypdf_log = logging.getLogger("pypdf")
    pypdf_log.setLevel(logging.WARNING)  # seen by _Repairs only, not printed
    pypdf_log.propagate = False
    pypdf_log.addHandler(logging.NullHandler())
    result = _inspect(path)
    conn.send((result.ok, result.pages, result.code, result.reason, result.found))


def check_pdf(path: Path, *, seconds: float, memory_mb: int) -> PdfCheck:
    """Whether ``path`` is a readable, unencrypted PDF with pages and nothing that could run,
    and how many pages it has.

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
    _lower_priority(child.pid or 0)  # at once, before the child has imported pypdf
    sender.close()  # so that the child's death shows here as EOF
    try:
        if not receiver.poll(seconds):
            return _refused(TOO_COMPLEX, REASON_TOO_COMPLEX)
        ok, pages, code, reason, found = receiver.recv()
    except EOFError:  # the child died, most likely of the memory limit
        return _refused(TOO_COMPLEX, REASON_TOO_COMPLEX)
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()
    return PdfCheck(bool(ok), int(pages), str(code), str(reason), tuple(map(str, found)))

"""Checking untrusted PDFs in a child process with a time and memory limit.

pypdf has had denial-of-service bugs on crafted files (endless loops, memory blow-ups), so the
parse happens in a separate process that the parent kills when it overruns. Called from a
server worker thread; blocks that thread (not the event loop) while the child runs.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
from dataclasses import dataclass
from pathlib import Path

NOT_A_PDF = "not_a_pdf"
ENCRYPTED = "encrypted"
TOO_COMPLEX = "too_complex"


@dataclass(frozen=True)
class PdfCheck:
    ok: bool
    pages: int = 0
    code: str = ""
    reason: str = ""


def _limit_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the time limit still applies
        return
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _check_in_child(path: str, memory_mb: int, conn: multiprocessing.connection.Connection) -> None:
    _limit_memory(memory_mb)
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # the answer says what went wrong
    try:
        from pypdf import PdfReader

        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            conn.send((False, 0, ENCRYPTED, "the PDF is encrypted"))
            return
        pages = len(reader.pages)
        if pages == 0:
            conn.send((False, 0, NOT_A_PDF, "the PDF has no pages"))
            return
        for page in reader.pages:  # resolve every page and its content streams once
            contents = page.get_contents()
            if contents is not None:
                contents.get_data()
        conn.send((True, pages, "", ""))
    except MemoryError:
        conn.send((False, 0, TOO_COMPLEX, "the PDF needs too much memory to read"))
    except Exception as error:  # any parse failure means: damaged
        conn.send((False, 0, NOT_A_PDF, f"the PDF is damaged ({type(error).__name__})"))


def check_pdf(path: Path, *, seconds: float = 20.0, memory_mb: int = 768) -> PdfCheck:
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        return PdfCheck(False, code=NOT_A_PDF, reason="the file is not a PDF")
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_check_in_child, args=(str(path), memory_mb, sender), daemon=True
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            return PdfCheck(False, code=TOO_COMPLEX, reason="the PDF takes too long to read")
        ok, pages, code, reason = receiver.recv()
    except EOFError:  # the child died: killed by the memory limit, most likely
        return PdfCheck(False, code=TOO_COMPLEX, reason="the PDF could not be read safely")
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()
    return PdfCheck(bool(ok), int(pages), str(code), str(reason))

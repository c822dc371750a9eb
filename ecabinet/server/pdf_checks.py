"""The server's PDF checks, a fixed number at a time: each upload's check is a child process of
up to ``pdf_check_memory_mb`` and ``pdf_check_seconds`` (ecabinet.pdf.validate), so without a
bound a handful of hostile uploads would take every core and gigabytes of memory.

One pool per server process (made in ``create_app``), sized to the machine by default
(``pdf_check_workers``, the number of CPUs). An upload that finds every place taken waits up to
``pdf_check_wait_seconds`` for one, then is told the server is busy (503 with Retry-After) and
sends the file again later; nothing waits without bound. Called from a request's worker
thread, which it blocks (never the event loop).
"""

from __future__ import annotations

import threading
from pathlib import Path

from ecabinet.pdf.active import described
from ecabinet.pdf.validate import ACTIVE_CONTENT, PdfCheck, check_pdf
from ecabinet.server.core.config import Settings
from ecabinet.server.errors import ApiError


class PdfChecks:
    """At most ``workers`` checks at once; ``check`` answers None when no place came free."""

    def __init__(self, workers: int, wait_seconds: float, seconds: float, memory_mb: int) -> None:
        self.workers = max(1, workers)
        self.wait_seconds = wait_seconds
        self.seconds = seconds
        self.memory_mb = memory_mb
        self._places = threading.BoundedSemaphore(self.workers)

    @classmethod
    def for_settings(cls, settings: Settings) -> PdfChecks:
        return cls(
            settings.pdf_check_workers,
            settings.pdf_check_wait_seconds,
            settings.pdf_check_seconds,
            settings.pdf_check_memory_mb,
        )

    @property
    def retry_after_seconds(self) -> int:
        """When a refused upload may try again: by then a running check has likely ended."""
        return max(1, round(min(self.seconds, 10.0)))

    def check(self, path: Path) -> PdfCheck | None:
        if not self._places.acquire(timeout=self.wait_seconds):
            return None
        try:
            return check_pdf(path, seconds=self.seconds, memory_mb=self.memory_mb)
        finally:
            self._places.release()


def refusal(check: PdfCheck) -> ApiError | None:
    """Why a checked file is refused (None when it is not), in the words an upload and an
    incoming package's attachment alike are answered with."""
    if check.ok:
        return None
    if check.code == ACTIVE_CONTENT:
        return ApiError(
            422,
            "active_content",
            f"The file was refused: it contains {described(check.found)}, which could run "
            "or reach outside the document on members' computers. Save the document again "
            "without it (for example print it to PDF) and send it again.",
        )
    # too_complex is refused as not_a_pdf on the wire; the detail says which.
    return ApiError(422, "not_a_pdf", f"The file was refused: it is {check.reason}.")


def busy(checks: PdfChecks) -> ApiError:
    """Every check is in use: the sender tries again shortly."""
    return ApiError(
        503,
        "server_busy",
        "The server is checking other files: send this one again in a few seconds.",
        headers={"Retry-After": str(checks.retry_after_seconds)},
    )

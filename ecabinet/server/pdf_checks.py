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

from ecabinet.pdf.validate import PdfCheck, check_pdf
from ecabinet.server.core.config import Settings


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

"""Downloading document files: resumable, verified, and never half-written under their name.

Each file downloads into ``tmp/<sha>.part``, sealed chunk by chunk as it arrives (``vault``),
so no document is on disk in the clear even half-downloaded; an interrupted download resumes
with Range and If-Range from the last whole chunk; a server that answers a resume with the
whole file (200 instead of 206) is not trusted to have sent the rest, so the part is
restarted from zero. The whole file is checked
against its SHA-256 and only then moved into place. Several run at once on worker threads.

Whether a file is here is read from the disk, not from a table: a file exists under its final
name only once verified, so no bookkeeping can disagree with what is really on the laptop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ecabinet.client.api import ApiProblem, Offline, ServerApi, iter_chunks
from ecabinet.client.store import ServerDataError
from ecabinet.client.vault import DamagedFile, Vault

Progress = Callable[[int, int], None]  # bytes done, bytes in all


class Cancelled(Exception):
    pass


@dataclass(frozen=True)
class Wanted:
    sha256: str
    size: int


@dataclass
class DownloadReport:
    downloaded: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    bytes: int = 0


def missing_blobs(vault: Vault, wanted: Iterable[Wanted]) -> list[Wanted]:
    seen: set[str] = set()
    out = []
    for item in wanted:
        if item.sha256 not in seen and not vault.has(item.sha256):
            seen.add(item.sha256)
            out.append(item)
    return out


class _Counter:
    """Bytes done across parallel downloads, reported to one callback."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done = total, 0
        self._progress = progress
        self._lock = threading.Lock()

    def add(self, count: int) -> None:
        with self._lock:
            self.done += count
            done = self.done
        if self._progress is not None:
            self._progress(done, self.total)


def download_one(
    api: ServerApi, vault: Vault, item: Wanted, counter: _Counter, cancel: threading.Event
) -> int:
    """Fetch one blob into place; returns the bytes received. Raises Offline/ServerDataError."""
    part = vault.receiving(item.sha256, item.size)
    received = 0
    try:
        with api.open_blob(item.sha256, part.offset) as response:
            if part.offset and response.status_code != 206:
                part.restart()  # a full answer: start the part again
            for chunk in iter_chunks(response):
                if cancel.is_set():
                    raise Cancelled
                part.write(chunk)  # DamagedFile past the announced size
                received += len(chunk)
                counter.add(len(chunk))
        if part.offset != item.size or part.digest.hexdigest() != item.sha256:
            raise DamagedFile("does not match its digest")
        part.finish()
    except DamagedFile:
        part.close()
        part.path.unlink(missing_ok=True)
        raise ServerDataError(
            f"A document file arrived damaged ({item.sha256[:12]}…); it will be fetched again."
        ) from None
    finally:
        part.close()  # whole chunks stay on disk, sealed, for the next attempt to take up
    vault.settle(part.path, item.sha256)
    return received


def download_all(
    api: ServerApi,
    vault: Vault,
    wanted: list[Wanted],
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    workers: int = 3,
) -> DownloadReport:
    cancel = cancel or threading.Event()
    report = DownloadReport()
    counter = _Counter(sum(w.size for w in wanted), progress)
    lock = threading.Lock()

    def run(item: Wanted) -> None:
        try:
            got = download_one(api, vault, item, counter, cancel)
        except Cancelled:
            return
        except (Offline, ServerDataError, ApiProblem, OSError) as error:
            # One file failing (cut off, damaged, gone after a revocation) spoils no other.
            with lock:
                report.failed[item.sha256] = str(error)
            return
        with lock:
            report.downloaded.append(item.sha256)
            report.bytes += got

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ecab-blob") as pool:
        list(pool.map(run, wanted))
    return report

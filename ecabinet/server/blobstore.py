"""Document bytes stored by SHA-256: in a folder (a shared folder serves several servers), or in
an S3-compatible object store (``s3_blobstore``), behind one interface, ``Blobs``.

Files arrive in a temporary file on the server's own disk (where they are checked) and are
committed under their digest only when whole, so a crash never leaves a half-written blob
under its name. A temporary file is locked (flock) by the process writing it for as long as
it is open; what a crashed process left behind is unlocked, and is removed when a server
starts (``sweep_partial_uploads``), while the uploads of other running workers are left
alone. Thread-safe.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

if TYPE_CHECKING:
    from ecabinet.server.core.config import Settings

log = logging.getLogger(__name__)

_SHA = re.compile(r"^[0-9a-f]{64}$")
CHUNK = 1024 * 1024


def checked_digest(sha256: str) -> str:
    if not _SHA.match(sha256):
        raise ValueError("not a sha256 digest")
    return sha256


class Blobs(Protocol):
    def exists(self, sha256: str) -> bool: ...
    def size(self, sha256: str) -> int: ...
    def read(self, sha256: str, start: int = 0, length: int | None = None) -> Iterator[bytes]: ...
    def temp_file(self) -> tuple[BinaryIO, Path]: ...
    def commit(self, temp: Path, sha256: str) -> None: ...
    def put_bytes(self, data: bytes) -> str: ...


class BlobStore:
    """The folder store: ``<root>/<first two hex digits>/<sha256>``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "tmp").mkdir(exist_ok=True)

    def path(self, sha256: str) -> Path:
        sha256 = checked_digest(sha256)
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def size(self, sha256: str) -> int:
        return self.path(sha256).stat().st_size

    def read(self, sha256: str, start: int = 0, length: int | None = None) -> Iterator[bytes]:
        with self.path(sha256).open("rb") as fh:
            fh.seek(start)
            remaining = self.size(sha256) - start if length is None else length
            while remaining > 0:
                chunk = fh.read(min(CHUNK, remaining))
                if not chunk:
                    return
                remaining -= len(chunk)
                yield chunk

    def temp_file(self) -> tuple[BinaryIO, Path]:
        """A new temporary file in the store's own folder (same filesystem, atomic rename),
        locked while it is open."""
        return locked_temp_file(self.root / "tmp")

    def commit(self, temp: Path, sha256: str) -> None:
        """Move a whole, verified temporary file into place under its digest."""
        dest = self.path(sha256)
        dest.parent.mkdir(exist_ok=True)
        os.replace(temp, dest)

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if not self.exists(sha):
            fh, temp = self.temp_file()
            try:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
                self.commit(temp, sha)
            finally:  # a full disk or a failed rename leaves no partial file behind
                temp.unlink(missing_ok=True)  # removed while still locked, then closed
                fh.close()
        return sha


def locked_temp_file(folder: Path) -> tuple[BinaryIO, Path]:
    """A new ``.part`` file in ``folder``, open for writing and locked by this process until
    it is closed (the lock dies with the process, however it ends)."""
    fd, name = tempfile.mkstemp(dir=folder, suffix=".part")
    fcntl.flock(fd, fcntl.LOCK_EX)
    return os.fdopen(fd, "w+b"), Path(name)


def sweep_partial_uploads(folder: Path) -> int:
    """Remove the partial uploads no running process holds (left by a crash or a kill);
    how many were removed. Called when a server starts."""
    removed = 0
    for part in folder.glob("*.part"):
        try:
            fd = os.open(part, os.O_RDONLY)
        except FileNotFoundError:
            continue  # finished or removed meanwhile
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # another worker is receiving it now
        else:
            part.unlink(missing_ok=True)  # removed while locked: no one can take it up
            removed += 1
        finally:
            os.close(fd)
    if removed:
        log.info("removed %d partial uploads left in %s", removed, folder)
    return removed


def open_blob_store(settings: Settings) -> Blobs:
    """The store the settings name: an S3 bucket when ECABINET_BLOB_S3_URL is set."""
    if settings.blob_s3_url:
        from ecabinet.server.s3_blobstore import S3BlobStore

        return S3BlobStore(settings.blob_s3_url, settings.blob_s3_endpoint, settings.blob_dir)
    return BlobStore(settings.blob_dir)

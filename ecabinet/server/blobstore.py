"""Document bytes stored by SHA-256 in a folder (a shared folder serves several servers).

Files are written to a temporary name in the same folder and renamed into place only when
whole, so a crash never leaves a half-written blob under its digest. Thread-safe.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import BinaryIO

_SHA = re.compile(r"^[0-9a-f]{64}$")


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "tmp").mkdir(exist_ok=True)

    def path(self, sha256: str) -> Path:
        if not _SHA.match(sha256):
            raise ValueError("not a sha256 digest")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def size(self, sha256: str) -> int:
        return self.path(sha256).stat().st_size

    def open(self, sha256: str) -> BinaryIO:
        return self.path(sha256).open("rb")

    def temp_file(self) -> tuple[BinaryIO, Path]:
        """A new temporary file in the store's own folder (same filesystem, atomic rename)."""
        fd, name = tempfile.mkstemp(dir=self.root / "tmp", suffix=".part")
        return os.fdopen(fd, "w+b"), Path(name)

    def commit(self, temp: Path, sha256: str) -> Path:
        """Move a whole, verified temporary file into place under its digest."""
        dest = self.path(sha256)
        dest.parent.mkdir(exist_ok=True)
        os.replace(temp, dest)
        return dest

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if not self.exists(sha):
            fh, temp = self.temp_file()
            with fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            self.commit(temp, sha)
        return sha

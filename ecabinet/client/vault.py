"""Document files at rest: sealed with AES-GCM in chunks under the profile's key.

A lost laptop must not give its drafts away, so no document file is ever on disk in the
clear, not even while it downloads. A sealed file is::

    b"ECV1" | salt (16 bytes) | plain size (8 bytes, big-endian) | chunk 0 | chunk 1 | ...

Each chunk is up to ``CHUNK`` plain bytes sealed with AES-GCM (16-byte tag). The file's own
key is HKDF-SHA256 of the profile key and the file's random salt, and chunk *i* is sealed
with nonce *i*: a fresh salt gives every file a fresh key, so no key and nonce pair is ever
used twice. The header is the associated data of every chunk, so a chunk moved, dropped or
taken from another file fails to open; the size in the header catches a file cut short.

Worker threads only: sealing and opening a large file is not work for the GUI thread.
"""

from __future__ import annotations

import hashlib
import os
import secrets as random
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ecabinet.client.paths import Profile, private_folder

MAGIC = b"ECV1"
CHUNK = 64 * 1024
TAG = 16
HEADER = len(MAGIC) + 16 + 8
SEALED_CHUNK = CHUNK + TAG


class DamagedFile(Exception):
    """A sealed file does not open: changed on disk, cut short, or sealed under another key."""


def _parse_header(header: bytes) -> tuple[bytes, int] | None:
    """The salt and the plain size a sealed file starts with; None if it is not one."""
    if len(header) < HEADER or header[:4] != MAGIC:
        return None
    return header[4:20], struct.unpack(">Q", header[20:])[0]


def _file_cipher(key: bytes, salt: bytes) -> AESGCM:
    derived = HKDF(hashes.SHA256(), 32, salt, b"ecabinet-document-file-v1").derive(key)
    return AESGCM(derived)


def _nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


def _chunks_for(size: int) -> int:
    return -(-size // CHUNK)


class SealedWriter:
    """Writes a file chunk by chunk; an interrupted file is taken up where its last whole
    chunk ended. ``offset`` is how many plain bytes are safely on disk, ``digest`` their
    SHA-256 so far."""

    _fh: BinaryIO
    _header: bytes
    _cipher: AESGCM

    def __init__(self, path: Path, key: bytes, size: int) -> None:
        self.path, self._key, self.size = path, key, size
        self._buffer = bytearray()
        self.digest = hashlib.sha256()
        self._index = 0
        if not self._resume():
            self.restart()

    @property
    def offset(self) -> int:
        return self._index * CHUNK + len(self._buffer)

    def _resume(self) -> bool:
        """Keep the whole chunks of an earlier attempt at the same file, if they still open."""
        try:
            with self.path.open("rb") as fh:
                header = fh.read(HEADER)
                parsed = _parse_header(header)
                if parsed is None or parsed[1] != self.size:
                    return False
                cipher = _file_cipher(self._key, parsed[0])
                index = 0
                while len(sealed := fh.read(SEALED_CHUNK)) == SEALED_CHUNK:
                    self.digest.update(cipher.decrypt(_nonce(index), sealed, header))
                    index += 1
        except (OSError, InvalidTag):
            self.digest = hashlib.sha256()
            return False
        self._header, self._cipher, self._index = header, cipher, index
        self._fh = self.path.open("r+b")
        self._fh.truncate(HEADER + index * SEALED_CHUNK)  # a torn last chunk is dropped
        self._fh.seek(0, os.SEEK_END)
        return True

    def restart(self) -> None:
        """Start the file again from nothing, under a new salt and so a new key."""
        if hasattr(self, "_fh"):
            self._fh.close()
        salt = random.token_bytes(16)
        self._header = MAGIC + salt + struct.pack(">Q", self.size)
        self._cipher = _file_cipher(self._key, salt)
        self._index, self._buffer, self.digest = 0, bytearray(), hashlib.sha256()
        private_folder(self.path.parent)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        self._fh = os.fdopen(fd, "wb")
        self._fh.write(self._header)

    def write(self, data: bytes) -> None:
        if self.offset + len(data) > self.size:
            raise DamagedFile("more bytes than the file was said to hold")
        self.digest.update(data)
        self._buffer += data
        while len(self._buffer) >= CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]))
            del self._buffer[:CHUNK]

    def _seal(self, plain: bytes) -> None:
        self._fh.write(self._cipher.encrypt(_nonce(self._index), plain, self._header))
        self._index += 1

    def finish(self) -> None:
        """Seal the last short chunk and make the file durable; the size must be complete."""
        if self.offset != self.size:
            raise DamagedFile(f"{self.offset} of {self.size} bytes")
        if self._buffer:
            self._seal(bytes(self._buffer))
            self._buffer.clear()
        self.close(durable=True)

    def close(self, durable: bool = False) -> None:
        """Keep the whole chunks written so far; a partial chunk in memory is let go."""
        if self._fh.closed:
            return
        self._fh.flush()
        if durable:
            os.fsync(self._fh.fileno())
        self._fh.close()


def read_sealed(path: Path, key: bytes) -> Iterator[bytes]:
    """The plain bytes of a sealed file, chunk by chunk; DamagedFile if any does not open."""
    with path.open("rb") as fh:
        header = fh.read(HEADER)
        parsed = _parse_header(header)
        if parsed is None:
            raise DamagedFile(f"{path.name} is not a sealed file")
        salt, size = parsed
        cipher = _file_cipher(key, salt)
        for index in range(_chunks_for(size)):
            sealed = fh.read(SEALED_CHUNK)
            try:
                yield cipher.decrypt(_nonce(index), sealed, header)
            except InvalidTag:
                raise DamagedFile(f"{path.name}: chunk {index} does not open") from None
        if fh.read(1):
            raise DamagedFile(f"{path.name} holds more than its header says")


class Vault:
    """The profile's document files, by SHA-256: kept sealed, read back in the clear."""

    def __init__(self, profile: Profile, key: bytes) -> None:
        self.profile, self._key = profile, key

    def has(self, sha256: str) -> bool:
        return self.profile.blob_path(sha256).exists()

    def read(self, sha256: str) -> bytes:
        """The file's bytes, checked against its digest. A damaged file is removed (the next
        sync fetches it again) and DamagedFile raised."""
        path = self.profile.blob_path(sha256)
        try:
            data = b"".join(read_sealed(path, self._key))
            if hashlib.sha256(data).hexdigest() != sha256:
                raise DamagedFile(f"{sha256[:12]}… does not match its digest")
        except DamagedFile:
            path.unlink(missing_ok=True)
            raise
        return data

    def keep(self, data: bytes) -> str:
        """Seal bytes made on this laptop (a signed form) under their digest; returns it."""
        sha256 = hashlib.sha256(data).hexdigest()
        temp = self.profile.tmp_dir / f"{sha256}.{random.token_hex(4)}.sealing"
        writer = SealedWriter(temp, self._key, len(data))
        writer.write(data)
        writer.finish()
        self.settle(temp, sha256)
        return sha256

    def received(self, sha256: str) -> int:
        """About how many bytes of an unfinished download are on disk (for its progress)."""
        part = self.profile.part_path(sha256)
        sealed = part.stat().st_size - HEADER if part.exists() else 0
        return max(0, sealed) // SEALED_CHUNK * CHUNK

    def receiving(self, sha256: str, size: int) -> SealedWriter:
        """Where a download grows, taken up where an earlier attempt stopped."""
        return SealedWriter(self.profile.part_path(sha256), self._key, size)

    def settle(self, sealed: Path, sha256: str) -> None:
        """Move a complete, verified file under its digest, in one step."""
        final = self.profile.blob_path(sha256)
        private_folder(final.parent)
        os.replace(sealed, final)

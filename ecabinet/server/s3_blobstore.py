"""Document bytes in an S3-compatible object store (MinIO, Ceph, a cloud's), for servers that
share no file system.

Objects are named ``<prefix><sha256>`` and never change, so any server may serve any of them
and a partial read is a plain ranged GET. Uploads are checked in a temporary file on this
server's disk first, and only then sent to the bucket (boto3 splits a large one into parts),
so a refused or half-received file never reaches it. Credentials come from the usual
AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the machine's role); ECABINET_BLOB_S3_ENDPOINT
names a store that is not Amazon's. boto3 is imported here only: ``pip install
"ecabinet[s3]"`` where it is used.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from ecabinet.server.blobstore import CHUNK, checked_digest, locked_temp_file


class S3BlobStore:
    def __init__(self, url: str, endpoint: str, local_dir: Path) -> None:
        import boto3
        from botocore.config import Config

        parsed = urlparse(url)
        if parsed.scheme != "s3" or not parsed.netloc:
            raise ValueError(f"not an s3://bucket/prefix address: {url}")
        self.bucket, self.prefix = parsed.netloc, parsed.path.lstrip("/")
        self._client: Any = boto3.client(
            "s3",
            endpoint_url=endpoint or None,
            config=Config(retries={"max_attempts": 5, "mode": "standard"}),
        )
        self._errors = self._client.exceptions
        self.tmp = local_dir / "tmp"
        self.tmp.mkdir(parents=True, exist_ok=True)

    def _key(self, sha256: str) -> str:
        return f"{self.prefix}{checked_digest(sha256)}"

    def _head(self, sha256: str) -> dict[str, Any] | None:
        from botocore.exceptions import ClientError

        try:
            head: dict[str, Any] = self._client.head_object(
                Bucket=self.bucket, Key=self._key(sha256)
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                return None
            raise
        return head

    def exists(self, sha256: str) -> bool:
        return self._head(sha256) is not None

    def size(self, sha256: str) -> int:
        head = self._head(sha256)
        if head is None:
            raise FileNotFoundError(sha256)
        return int(head["ContentLength"])

    def read(self, sha256: str, start: int = 0, length: int | None = None) -> Iterator[bytes]:
        wanted = f"bytes={start}-" if length is None else f"bytes={start}-{start + length - 1}"
        if length == 0:
            return
        answer = self._client.get_object(Bucket=self.bucket, Key=self._key(sha256), Range=wanted)
        body = answer["Body"]
        try:
            yield from body.iter_chunks(CHUNK)
        finally:
            body.close()

    def temp_file(self) -> tuple[BinaryIO, Path]:
        return locked_temp_file(self.tmp)

    def commit(self, temp: Path, sha256: str) -> None:
        """Send a whole, verified file to the bucket under its digest; the local copy goes."""
        self._client.upload_file(
            str(temp), self.bucket, self._key(sha256), ExtraArgs={"ContentType": "application/pdf"}
        )
        temp.unlink(missing_ok=True)

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if not self.exists(sha):
            self._client.put_object(
                Bucket=self.bucket, Key=self._key(sha), Body=data, ContentType="application/pdf"
            )
        return sha

"""The sync service: push the outbox, pull the feed, fetch missing files.

Push goes first, so the pull that follows brings back the server's view of what the member
did. Everything is injected (the API object, the store, the profile, the writer), so tests hand
it a real server on loopback. Runs on a worker thread (the window's network lane); it only reads
the store and fetches, and hands every write of the store to ``write``, which in the window
runs it on the one local lane (architecture.md, "Threads"). ``progress`` and ``cancel`` come
from the caller.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial

from ecabinet.client import lock
from ecabinet.client.api import ApiProblem, Offline, ServerApi
from ecabinet.client.blobs import Progress, Wanted, download_all, missing_blobs
from ecabinet.client.paths import Profile
from ecabinet.client.signed_in import Writer, direct
from ecabinet.client.store import LocalStore
from ecabinet.client.vault import DamagedFile
from ecabinet.wire.sync import Mutation

PAGE_SIZE = 500
MAX_BACKOFF = timedelta(minutes=15)


@dataclass(frozen=True)
class SyncResult:
    online: bool
    changes_pulled: int = 0
    bytes_downloaded: int = 0
    mutations_pushed: int = 0
    rejected: int = 0
    failed_downloads: int = 0
    seconds: float = 0.0
    wiped: bool = False
    error: str = ""


class SyncService:
    def __init__(
        self, api: ServerApi, store: LocalStore, profile: Profile, write: Writer = direct
    ) -> None:
        self.api = api
        self.store = store
        self.profile = profile
        self.write = write

    def sync(
        self, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> SyncResult:
        started = time.monotonic()
        cancel = cancel or threading.Event()
        pushed = rejected = pulled = 0
        try:
            pushed, rejected = self.push()
            pulled, wiped = self.pull(cancel)
            if wiped:
                self.wipe()
                return SyncResult(online=True, wiped=True, seconds=time.monotonic() - started)
            self.write(
                partial(lock.note_contact, self.store)
            )  # the offline expiry counts from here
            if self.write(self.store.clear_backoff):
                # The server answers again: acts held back after a failed attempt (a trip,
                # a dead network) go now, not when their backoff would have ended.
                more, refused = self.push()
                pushed, rejected = pushed + more, rejected + refused
            report = download_all(
                self.api, self.store.vault, self.wanted_blobs(), progress=progress, cancel=cancel
            )
        except Offline as error:
            self.write(partial(self.store.set_state, online="0", last_error=str(error)[:500]))
            return SyncResult(
                online=False,
                changes_pulled=pulled,
                mutations_pushed=pushed,
                rejected=rejected,
                seconds=time.monotonic() - started,
                error=str(error),
            )
        except ApiProblem as problem:
            if problem.status == 401 and problem.code == "device_revoked":
                self.wipe()
                return SyncResult(online=True, wiped=True, seconds=time.monotonic() - started)
            self.write(partial(self.store.set_state, online="1", last_error=str(problem)[:500]))
            raise
        self.write(
            lambda: self.store.set_state(
                online="1", last_error="", last_success_at=datetime.now(UTC).isoformat()
            )
        )
        return SyncResult(
            online=True,
            changes_pulled=pulled,
            bytes_downloaded=report.bytes,
            mutations_pushed=pushed,
            rejected=rejected,
            failed_downloads=len(report.failed),
            seconds=time.monotonic() - started,
        )

    def push(self) -> tuple[int, int]:
        """Send pending acts in order, in batches; returns (sent, rejected)."""
        sent = rejected = 0
        while True:
            batch = self.store.pending(limit=500)
            if not batch:
                return sent, rejected
            try:
                self._upload_forms(batch)
                response = self.api.push(batch)
            except Offline:
                entry = self.store.outbox(("pending",))[0]
                delay = min(MAX_BACKOFF, timedelta(seconds=5 * 2 ** min(entry.attempts, 8)))
                retry_at, ids = datetime.now(UTC) + delay, [m.id for m in batch]
                self.write(partial(self.store.mark_attempt_failed, ids, retry_at))
                raise
            results = [(r.id, r.status, r.code, r.detail) for r in response.results]
            self.write(partial(self.store.mark_results, results))
            sent += len(response.results)
            rejected += sum(1 for r in response.results if r.status == "rejected")
            if len(response.results) < len(batch):
                return sent, rejected  # the rest is retried at the next sync

    def _upload_forms(self, batch: list[Mutation]) -> None:
        """A ballot reply names its signed form by digest: the form must be there first.
        Uploading again what the server has is harmless (it answers 200)."""
        for mutation in batch:
            if mutation.type != "ballot.respond":
                continue
            sha = str(mutation.data.get("signed_pdf", ""))
            if self.store.vault.has(sha):
                # A refused form is not retried forever: the reply is pushed all the same
                # and the server's refusal, with its reason, reaches the member.
                with contextlib.suppress(ApiProblem, DamagedFile):
                    self.api.upload_blob(self.store.vault.read(sha), sha)

    def pull(self, cancel: threading.Event) -> tuple[int, bool]:
        """Apply pages until the feed is drained; each page with its cursor, atomically."""
        pulled = 0
        cursor = self.store.get_state("cursor") or None
        while not cancel.is_set():
            page = self.api.changes(cursor, PAGE_SIZE)
            if page.wipe:
                return pulled, True
            pulled += self.write(partial(self.store.apply_page, page))
            cursor = page.cursor
            if not page.more:
                break
        return pulled, False

    def wanted_blobs(self) -> list[Wanted]:
        versions = self.store.versions()
        return missing_blobs(self.store.vault, (Wanted(v.sha256, v.size) for v in versions))

    def wipe(self) -> None:
        """The device was revoked: erase what this profile holds of the body's papers."""
        self.write(self.store.wipe)
        shutil.rmtree(self.profile.blob_dir, ignore_errors=True)
        shutil.rmtree(self.profile.tmp_dir, ignore_errors=True)
        self.profile.blob_dir.mkdir(parents=True, exist_ok=True)
        self.profile.tmp_dir.mkdir(parents=True, exist_ok=True)
        self.api.token = ""

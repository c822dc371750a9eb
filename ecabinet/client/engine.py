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
from ecabinet.client.paths import Profile, private_folder
from ecabinet.client.signed_in import Writer, direct
from ecabinet.client.store import RESEND_NETWORK, RESEND_SERVER, LocalStore
from ecabinet.client.vault import DamagedFile
from ecabinet.wire.sync import Mutation

PAGE_SIZE = 500
MAX_BACKOFF = timedelta(minutes=15)


def _server_fault(problem: ApiProblem) -> bool:
    """An answer that is no decision on the acts: the server failed, or asks to wait."""
    return problem.status >= 500 or problem.status == 429


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
        """Send pending acts in order, in batches; returns (sent, rejected).

        Only the server's decision settles an act. A fault of the server (a 5xx, an answer
        ``internal_error`` from an older server, an answer cut short) or a connection lost
        after sending leaves it pending, marked as being sent again, with backoff
        (protocol.md, Push). A member's vote is never lost to a fault.
        """
        sent = rejected = 0
        while True:
            batch = self.store.pending(limit=500)
            if not batch:
                return sent, rejected
            ids = [m.id for m in batch]
            try:
                self._upload_forms(batch)
                response = self.api.push(batch)
            except Offline as error:
                self._hold(ids, RESEND_NETWORK if error.sent else "")
                raise
            except ApiProblem as problem:
                if not _server_fault(problem):
                    raise
                self._hold(ids, RESEND_SERVER)
                return sent, rejected  # everything kept; sent again after the backoff
            faults = {r.id for r in response.results if r.code == "internal_error"}
            decided = [r for r in response.results if r.id not in faults]
            results = [(r.id, r.status, r.code, r.detail) for r in decided]
            self.write(partial(self.store.mark_results, results))
            sent += len(decided)
            rejected += sum(1 for r in decided if r.status == "rejected")
            if len(decided) < len(batch):
                # The server stopped at a fault, or an older one answered internal_error
                # (and would answer a resend of that id "duplicate"): the acts it did not
                # decide wait and go again, in their order.
                renewed = self.write(partial(self.store.renew_ids, faults))
                answered = {r.id for r in decided}
                held = [renewed.get(i, i) for i in ids if i not in answered]
                self._hold(held, RESEND_SERVER)
                return sent, rejected

    def _hold(self, ids: list[str], resend: str) -> None:
        first = self.store.outbox(("pending",))[0]
        delay = min(MAX_BACKOFF, timedelta(seconds=5 * 2 ** min(first.attempts, 8)))
        retry_at = datetime.now(UTC) + delay
        self.write(partial(self.store.mark_attempt_failed, ids, retry_at, resend))

    def _upload_forms(self, batch: list[Mutation]) -> None:
        """A ballot reply names its signed form by digest: the form must be there first.
        Uploading again what the server has is harmless (it answers 200). A server that
        could not take the form now (busy checking other files, failing) raises: the batch
        waits, as for a push the server failed, since the reply pushed without its form
        would be refused for good."""
        for mutation in batch:
            if mutation.type != "ballot.respond":
                continue
            sha = str(mutation.data.get("signed_pdf", ""))
            if self.store.vault.has(sha):
                # A refused form is not retried forever: the reply is pushed all the same
                # and the server's refusal, with its reason, reaches the member.
                with contextlib.suppress(DamagedFile):
                    try:
                        self.api.upload_blob(self.store.vault.read(sha), sha)
                    except ApiProblem as problem:
                        if _server_fault(problem):
                            raise

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
        private_folder(self.profile.blob_dir)
        private_folder(self.profile.tmp_dir)
        self.api.token = ""

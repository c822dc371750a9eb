"""Delivering the outbound queue (status packages and results alike) through the national
document exchange's adapter: a folder it collects from, or an HTTP endpoint it listens on.

Each package is claimed before it is sent (its next try moved past the send), so several
server processes, or a server and ``ecabinet-server interconnect deliver``, never send the
same package twice at once; no transaction is held while the network or the disk works. A
5xx, a timeout or a refused connection is tried again later, each wait twice the last, up to
``MAX_ATTEMPTS`` tries; a 4xx is the exchange's refusal: the package is "failed" at once,
with the exchange's reason. Runs on the delivery loop's thread (``DeliveryLoop``) or the
command's main thread.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

import requests
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.server import models as m

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=2)
# How long a claimed package is kept from other senders: far longer than one send takes.
_CLAIM = timedelta(minutes=5)


class Refused(Exception):
    """The exchange answered and will not take the package (a 4xx): trying again is useless."""


class Unreachable(Exception):
    """The exchange could not be reached or failed itself (a 5xx): try again later."""


class Adapter(Protocol):
    def send(self, name: str, xml: bytes) -> None: ...

    @property
    def where(self) -> str: ...


class FolderAdapter:
    """Writes each package into a folder the exchange's adapter collects from: under a
    temporary name first, then renamed, so the adapter never takes half a file. The same
    package always has the same name: sent again after a crash, it replaces itself."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def where(self) -> str:
        return str(self.folder)

    def send(self, name: str, xml: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temp = self.folder / f".{name}.part"
            with open(temp, "wb") as fh:
                fh.write(xml)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(temp, self.folder / name)
        except OSError as error:
            raise Unreachable(f"the folder {self.folder} cannot be written: {error}") from None


class HttpAdapter:
    """POSTs each package (application/xml) to the exchange's endpoint."""

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        self.url = url
        self.timeout = timeout

    @property
    def where(self) -> str:
        return self.url

    def send(self, name: str, xml: bytes) -> None:
        try:
            r = requests.post(
                self.url,
                data=xml,
                headers={"Content-Type": "application/xml", "X-Package-Name": name},
                timeout=self.timeout,
            )
        except requests.RequestException as error:
            raise Unreachable(f"{type(error).__name__}: {error}"[:500]) from None
        if 200 <= r.status_code < 300:
            return
        reason = f"HTTP {r.status_code}: {r.text.strip()[:500]}".rstrip(": ")
        if 400 <= r.status_code < 500:
            raise Refused(reason)
        raise Unreachable(reason)


def adapter_for(target: str) -> Adapter:
    """ECABINET_EXCHANGE_OUT: an http(s) URL, or a folder."""
    if target.startswith(("http://", "https://")):
        return HttpAdapter(target)
    return FolderAdapter(Path(target))


def package_name(row: m.InterconnectStatus) -> str:
    what = f"status-{row.status_code}" if row.kind == "status" else "result"
    return f"ecabinet-{row.id:08d}-{what}.edxml"


def wait_after(attempts: int) -> timedelta:
    """The wait before the next try, after ``attempts`` failed ones: 30 s, 1 min, 2 min, ..."""
    wait: timedelta = FIRST_WAIT * (2 ** max(attempts - 1, 0))
    return min(wait, LONGEST_WAIT)


@dataclass
class Delivered:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


def deliver_due(db: Session, adapter: Adapter, at: datetime | None = None) -> Delivered:
    """Send every package that is due at ``at`` (now), oldest first; each one's outcome is
    committed before the next is sent."""
    at = at or m.now()
    due = list(
        db.scalars(
            select(m.InterconnectStatus.id)
            .where(
                m.InterconnectStatus.state == "waiting",
                or_(
                    m.InterconnectStatus.next_try_at.is_(None),
                    m.InterconnectStatus.next_try_at <= at,
                ),
            )
            .order_by(m.InterconnectStatus.id)
        )
    )
    db.commit()
    done = Delivered()
    for package_id in due:
        if not _claim(db, package_id, at):
            continue  # another process took it meanwhile
        row = db.get(m.InterconnectStatus, package_id)
        assert row is not None  # claimed just now; packages are never deleted
        name, xml = package_name(row), row.xml.encode("utf-8")
        db.commit()  # no transaction held while the package travels
        try:
            adapter.send(name, xml)
        except Refused as refused:
            _outcome(db, package_id, at, "failed", str(refused))
            done.failed += 1
        except Unreachable as error:
            gave_up = _outcome(db, package_id, at, "waiting", str(error))
            done.failed += gave_up
            done.retrying += not gave_up
        else:
            _outcome(db, package_id, at, "sent", "")
            done.sent += 1
    return done


def _claim(db: Session, package_id: int, at: datetime) -> bool:
    claimed = db.execute(
        update(m.InterconnectStatus)
        .where(
            m.InterconnectStatus.id == package_id,
            m.InterconnectStatus.state == "waiting",
            or_(
                m.InterconnectStatus.next_try_at.is_(None),
                m.InterconnectStatus.next_try_at <= at,
            ),
        )
        .values(next_try_at=at + _CLAIM)
    )
    db.commit()
    return bool(getattr(claimed, "rowcount", 0) == 1)


def _outcome(db: Session, package_id: int, at: datetime, state: str, error: str) -> bool:
    """Record one try; True when it was the last one allowed and the package is now failed."""
    row = db.get(m.InterconnectStatus, package_id)
    assert row is not None
    row.attempts += 1
    row.last_error = error[:2000]
    gave_up = state == "waiting" and row.attempts >= MAX_ATTEMPTS
    row.state = "failed" if gave_up else state
    if row.state == "sent":
        row.sent_at, row.next_try_at = m.now(), None
    elif row.state == "waiting":
        row.next_try_at = at + wait_after(row.attempts)
    else:
        row.next_try_at = None
    db.commit()
    if row.state != "sent":
        log.warning("outbound package %s: %s (%s)", package_id, row.state, error)
    return gave_up


def retry(db: Session, body_id: str, package_id: int) -> m.InterconnectStatus | None:
    """A failed package put back in the queue (the Office fixed what the exchange refused)."""
    row = db.get(m.InterconnectStatus, package_id)
    if row is None or row.body_id != body_id:
        return None
    if row.state == "failed":
        row.state, row.next_try_at = "waiting", None
    return row


class DeliveryLoop:
    """The server's own delivery, when ECABINET_EXCHANGE_OUT is set: one daemon thread that
    sends what is due every ``interval`` seconds until stopped."""

    def __init__(
        self, factory: sessionmaker[Session], adapter: Adapter, interval: float = 15.0
    ) -> None:
        self._factory = factory
        self._adapter = adapter
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="exchange-delivery", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self._interval + 35)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with self._factory() as db:
                    deliver_due(db, self._adapter)
            except Exception:  # a database hiccup must not end delivery for good
                log.exception("delivering the outbound queue failed; trying again later")
            self._stop.wait(self._interval)

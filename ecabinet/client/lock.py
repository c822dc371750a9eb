"""When the laptop stops showing papers: after too long away from the server, and when idle.

Offline expiry: a laptop that has not reached the server for ``offline_hours`` (the server's
policy, given at sign-in; 72 by default) signs out and hides every document until the member
signs in again, which needs the server and the password. The laptop's clock is not trusted:
a clock set back before the latest moment it was seen counts as expired.

Idle lock: after ``idle_minutes`` without input the window locks; the member opens it with
the password of the last sign-in or a PIN of their own, checked here against a scrypt
verifier kept in the encrypted profile, so it works on a plane. Too many wrong tries end
the session: then only a sign-in with the server opens the papers again.

Worker threads or the command line (scrypt takes a moment).
"""

from __future__ import annotations

import hmac
import secrets as random
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ecabinet.client.store import LocalStore

DEFAULT_OFFLINE_HOURS = 72
DEFAULT_IDLE_MINUTES = 10
MAX_UNLOCK_FAILURES = 5
PIN_DIGITS = 6
CLOCK_SLACK = timedelta(minutes=10)  # clocks are adjusted a little without foul play

# Profile state keys.
LAST_CONTACT = "last_contact_at"
CLOCK_SEEN = "clock_seen_at"
HIDDEN = "papers_hidden"  # "offline" once expired, until the next sign-in
FAILURES = "unlock_failures"


class LockedOut(Exception):
    """Too many wrong tries: the session is over; sign in with the server."""


def _now() -> datetime:
    return datetime.now(UTC)


def _hours(store: LocalStore, key: str, default: int) -> int:
    value = store.get_state(key)
    return int(value) if value.isdigit() and int(value) > 0 else default


def offline_hours(store: LocalStore) -> int:
    return _hours(store, "offline_hours", DEFAULT_OFFLINE_HOURS)


def idle_minutes(store: LocalStore) -> int:
    return _hours(store, "idle_minutes", DEFAULT_IDLE_MINUTES)


def note_contact(store: LocalStore, moment: datetime | None = None) -> None:
    """The server answered: the offline clock starts again."""
    at = (moment or _now()).isoformat()
    store.set_state(**{LAST_CONTACT: at, CLOCK_SEEN: at})


def offline_expired(store: LocalStore, moment: datetime | None = None) -> bool:
    """Whether this laptop has been away from the server for too long (or its clock was
    set back to hide it)."""
    moment = moment or _now()
    last = store.get_state(LAST_CONTACT)
    if not last:
        return False  # never signed in here: there is nothing to hide
    seen = datetime.fromisoformat(store.get_state(CLOCK_SEEN) or last)
    if moment < seen - CLOCK_SLACK:
        return True
    if moment > seen:
        store.set_state(**{CLOCK_SEEN: moment.isoformat()})
    return moment - datetime.fromisoformat(last) > timedelta(hours=offline_hours(store))


def papers_hidden(store: LocalStore) -> bool:
    return bool(store.get_state(HIDDEN))


def hide_papers(store: LocalStore) -> None:
    store.set_state(**{HIDDEN: "offline"})


def _verifier(secret: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**14, r=8, p=1).derive(secret.encode())


def _keep_verifier(store: LocalStore, name: str, secret: str) -> None:
    salt = random.token_bytes(16)
    store.set_state(**{name: f"{salt.hex()}:{_verifier(secret, salt).hex()}"})


def remember_password(store: LocalStore, password: str) -> None:
    """At sign-in: the password can open the idle lock without the server."""
    _keep_verifier(store, "unlock_password", password)
    store.set_state(**{FAILURES: "0", HIDDEN: ""})


def set_pin(store: LocalStore, pin: str) -> None:
    if not (pin.isdigit() and len(pin) == PIN_DIGITS):
        raise ValueError(f"A PIN is {PIN_DIGITS} digits.")
    _keep_verifier(store, "unlock_pin", pin)


def has_pin(store: LocalStore) -> bool:
    return bool(store.get_state("unlock_pin"))


def _matches(store: LocalStore, name: str, secret: str) -> bool:
    kept = store.get_state(name)
    if not kept:
        return False
    salt, _, digest = kept.partition(":")
    return hmac.compare_digest(_verifier(secret, bytes.fromhex(salt)), bytes.fromhex(digest))


def tries_left(store: LocalStore) -> int:
    return MAX_UNLOCK_FAILURES - int(store.get_state(FAILURES) or 0)


def unlock(store: LocalStore, secret: str) -> bool:
    """True when the secret is the password or the PIN. LockedOut after too many tries."""
    failures = int(store.get_state(FAILURES) or 0)
    if failures >= MAX_UNLOCK_FAILURES:
        raise LockedOut
    if secret and any(_matches(store, name, secret) for name in ("unlock_password", "unlock_pin")):
        store.set_state(**{FAILURES: "0"})
        return True
    store.set_state(**{FAILURES: str(failures + 1)})
    if failures + 1 >= MAX_UNLOCK_FAILURES:
        raise LockedOut
    return False

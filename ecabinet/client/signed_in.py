"""The signed-in member as one immutable object, and the one writer of the laptop's store.

``SignedIn`` holds what a task needs (the profile, the store, the secret store, the API and
the writer) and is made whole at sign-in, replaced whole at sign-out: a task captures the
object it was given and never reaches through a mutable account whose store another thread
may swap. ``Member`` is the shape the core's functions take, met both by ``SignedIn`` and by
``Account`` (the command line's holder, which hands out the current ``SignedIn``).

``Writer`` is how every write of the store is made: the window passes one that runs the
write on its one local lane and waits for it (from a worker thread, never the GUI thread);
the command line and the tests pass ``direct``, which runs it where it is. ``pin`` is how a
USB token's PIN is asked (ecabinet.signing.pin): the window's dialog, the command line's
terminal, or ECABINET_TOKEN_PIN by default; never a prompt of this module's own.
Any thread; nothing here blocks but what the writer is given.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from ecabinet.client.api import ServerApi
from ecabinet.client.live import LiveStatus, LiveStream
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import SecretStore
from ecabinet.client.store import LocalStore
from ecabinet.signing.pin import PinSource, environment_pin
from ecabinet.wire.live import LiveEvent

if TYPE_CHECKING:
    from ecabinet.client.engine import SyncService
    from ecabinet.signing.keys import Identity
    from ecabinet.signing.signer import Signer

T = TypeVar("T")

KEY_PASSPHRASE = "key-passphrase"
KEY_FILE = "signing-key.pem"


class Writer(Protocol):
    """Runs ``fn`` (which writes the store) where writes are made, and returns its result."""

    def __call__(self, fn: Callable[[], T], /) -> T: ...


def direct[T](fn: Callable[[], T], /) -> T:
    """The writer of a program with one thread of work (the command line, tests)."""
    return fn()


class NotSignedIn(Exception):
    pass


class Member(Protocol):
    """What the core's functions need of the member: met by SignedIn and Account."""

    @property
    def profile(self) -> Profile: ...
    @property
    def store(self) -> LocalStore: ...
    @property
    def api(self) -> ServerApi: ...
    @property
    def write(self) -> Writer: ...

    def identity(self) -> Identity: ...
    def signer(self) -> Signer: ...
    def keep_form(self, ballot_id: str, signed: bytes) -> tuple[str, dict[str, str]]: ...
    def latest_form(self, ballot_id: str) -> bytes | None: ...
    def sync_service(self) -> SyncService: ...


@dataclass(frozen=True)
class SignedIn:
    profile: Profile
    store: LocalStore
    secrets: SecretStore
    api: ServerApi
    write: Writer = direct
    pin: PinSource = environment_pin

    @property
    def signed_in(self) -> bool:
        return bool(self.api.token)

    @property
    def session_key(self) -> tuple[str, str]:
        """(server, token): a new one means a stream held for the old one must be opened anew."""
        return self.api.base_url, self.api.token

    def live_stream(
        self,
        cursor: str,
        on_event: Callable[[LiveEvent], None],
        on_status: Callable[[LiveStatus], None],
        stop: threading.Event,
    ) -> LiveStream:
        """The server's live stream for this member, from the feed ``cursor`` applied here;
        not started (``start`` runs it on a thread of its own)."""
        bundle = self.api.verify if isinstance(self.api.verify, str) else None
        return LiveStream(
            self.api.base_url,
            self.api.token,
            on_event=on_event,
            on_status=on_status,
            ca_bundle=bundle,
            last_event_id=cursor or None,
            stop=stop,
        )

    def identity(self) -> Identity:
        """The device's signing key and certificate (for votes and ballot replies)."""
        # cryptography's x509 at the first signature, not at start (docs/benchmarks.md).
        from cryptography import x509

        from ecabinet.signing.keys import Identity, certificate_from_pem, key_from_pem

        passphrase = self.secrets.get(KEY_PASSPHRASE)
        key_file = self.profile.root / KEY_FILE
        if not passphrase or not key_file.exists():
            raise NotSignedIn("This laptop has no signing key yet: sign in while online.")
        key = key_from_pem(key_file.read_bytes(), passphrase.encode())
        chain_pem = self.store.get_state("ca_pem").encode()
        chain = tuple(x509.load_pem_x509_certificates(chain_pem)) if chain_pem else ()
        return Identity(key, certificate_from_pem(self.store.get_state("certificate_pem")), chain)

    def signer(self) -> Signer:
        """What signs this member's acts: a USB token when one is set up, else the key kept
        in the profile. A token's PIN is asked of ``pin``, on this thread (TokenLocked,
        SigningCancelled)."""
        # pyHanko (behind the signers) takes a third of the window's start to import, so it
        # is loaded at the first signature, not at start.
        from cryptography import x509

        from ecabinet.signing.signer import SoftwareSigner, TokenSigner

        library = self.store.get_state("token_library")
        if not library:
            return SoftwareSigner(self.identity())
        chain_pem = self.store.get_state("ca_pem").encode()
        return TokenSigner(
            library,
            self.store.get_state("token_label"),
            self.pin,
            self.store.get_state("token_key_label"),
            tuple(x509.load_pem_x509_certificates(chain_pem)) if chain_pem else (),
        )

    def keep_form(self, ballot_id: str, signed: bytes) -> tuple[str, dict[str, str]]:
        """Keep a signed reply form as a local blob (uploaded before its reply is pushed):
        its digest, and the profile state that lists it among the ballot's forms, for the
        caller to write in the same transaction as the reply (LocalStore.record_action)."""
        sha = self.store.vault.keep(signed)
        forms = self.store.get_state(f"forms:{ballot_id}")
        return sha, {f"forms:{ballot_id}": f"{forms} {sha}".strip()}

    def latest_form(self, ballot_id: str) -> bytes | None:
        forms = self.store.get_state(f"forms:{ballot_id}").split()
        if not forms:
            return None
        return self.store.vault.read(forms[-1]) if self.store.vault.has(forms[-1]) else None

    def sync_service(self) -> SyncService:
        from ecabinet.client.engine import SyncService

        if not self.signed_in:
            raise NotSignedIn("Sign in first.")
        return SyncService(self.api, self.store, self.profile, write=self.write)

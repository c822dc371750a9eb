"""Signing in and out of a profile: the token in the secret store, the device's signing key.

At the first sign-in on a device the client makes a key pair and the body's CA certifies it;
the private key never leaves the laptop and is kept encrypted under a random passphrase that
lives in the secret store. The ``Account`` is the profile's holder: it hands out the current
``SignedIn`` (``account.member``), made whole at sign-in and replaced whole at sign-out, so a
task that captured one never sees its store swapped under it. Every write of the store goes
through ``account.write`` (the window's local lane; direct on the command line).
Worker threads or the command line: the keyring and the store are I/O.
"""

from __future__ import annotations

import base64
import os
import platform
import secrets as random
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ecabinet.client import lock
from ecabinet.client.api import ServerApi
from ecabinet.client.local_db import UnreadableDatabase
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets, SecretStore, choose_secret_store
from ecabinet.client.signed_in import (
    KEY_FILE,
    KEY_PASSPHRASE,
    NotSignedIn,
    SignedIn,
    Writer,
    direct,
)
from ecabinet.client.store import LocalStore
from ecabinet.domain import SIGNING_ROLES
from ecabinet.signing.pin import PinSource, environment_pin, given_pin

# The keys' and certificates' modules (cryptography's x509) are imported at a sign-in or a
# certificate's import, not at start: opening the profile needs neither.
if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

    from ecabinet.client.engine import SyncService
    from ecabinet.signing.keys import Identity
    from ecabinet.signing.signer import Signer
    from ecabinet.wire.auth import BodyPublic

__all__ = ["KEY_PASSPHRASE", "Account", "NotSignedIn"]

TOKEN = "token"
DATA_KEY = "data-key"  # what the database and the document files are encrypted under


def ca_bundle_for(given: str | None) -> str | None:
    """The organisation's CA bundle: the caller's, or ECABINET_CA_BUNDLE, which the laptop's
    installer sets for the desktop."""
    return given or os.environ.get("ECABINET_CA_BUNDLE") or None


def server_bodies(server_url: str, ca_bundle: str | None = None) -> list[BodyPublic]:
    """The bodies the server at ``server_url`` hosts (GET /bodies), asked before signing in,
    for the sign-in dialog's list."""
    return ServerApi(server_url, ca_bundle=ca_bundle_for(ca_bundle)).bodies()


@dataclass
class Account:
    profile: Profile
    secrets: SecretStore
    member: SignedIn
    write: Writer = field(default=direct)
    pin: PinSource = field(default=environment_pin)

    @classmethod
    def open(
        cls,
        profile: Profile,
        *,
        secrets: SecretStore | None = None,
        server_url: str | None = None,
        ca_bundle: str | None = None,
        write: Writer = direct,
        pin: PinSource = environment_pin,
    ) -> Account:
        # Without a system keyring, a passphrase in ECABINET_SECRETS_PASSPHRASE keeps the
        # session in a file encrypted under it; with neither, it lives in memory only.
        chosen = secrets or choose_secret_store(
            str(profile.root), profile.secrets_file, os.environ.get("ECABINET_SECRETS_PASSPHRASE")
        )
        store = write(lambda: _open_store(profile, chosen))
        url = server_url or store.get_state("server_url")
        bundle = ca_bundle or store.get_state("ca_bundle") or None
        api = ServerApi(url or "http://127.0.0.1", ca_bundle=bundle)
        api.token = chosen.get(TOKEN) or ""
        member = SignedIn(profile, store, chosen, api, write, pin)
        account = cls(profile, chosen, member, write, pin)
        account.enforce_offline_expiry()
        return account

    # What the core's functions take (ecabinet.client.signed_in.Member), from the current
    # member: a caller on another thread captures ``account.member`` instead.
    @property
    def store(self) -> LocalStore:
        return self.member.store

    @property
    def api(self) -> ServerApi:
        return self.member.api

    @api.setter
    def api(self, api: ServerApi) -> None:
        self.member = replace(self.member, api=api)

    def route_writes(self, write: Writer) -> None:
        """From now on every write of the store goes through ``write`` (the window's lane)."""
        self.write = write
        self.member = replace(self.member, write=write)

    def ask_pin_with(self, pin: PinSource) -> None:
        """From now on a token's PIN is asked of ``pin`` (the window's dialog)."""
        self.pin = pin
        self.member = replace(self.member, pin=pin)

    def enforce_offline_expiry(self) -> bool:
        """Too long away from the server: end the session and hide the papers until the
        member signs in again. True when that happened now. On the writer's thread."""
        if not self.signed_in or not lock.offline_expired(self.store):
            return False
        self.end_session()
        return True

    def end_session(self) -> None:
        """Signed out with the papers hidden (offline expiry, too many wrong unlocks); the
        unsent acts stay, and go once the member has signed in again."""
        self.sign_out()
        store = self.store
        self.write(lambda: lock.hide_papers(store))

    @property
    def signed_in(self) -> bool:
        return self.member.signed_in

    def sign_in(
        self,
        server_url: str,
        username: str,
        password: str,
        ca_bundle: str | None = None,
        body_code: str = "",
    ) -> str:
        """Sign in as ``username`` of the body ``body_code`` (empty: the server's own body) and
        certify this device's key; returns the member's full name. The organisation's CA
        bundle: ``ca_bundle_for``. The network here, the store through the writer; the new
        member replaces the old one only once it is whole."""
        ca_bundle = ca_bundle_for(ca_bundle)
        api = ServerApi(server_url, ca_bundle=ca_bundle)
        device = f"{platform.node() or 'laptop'} ({platform.system()})"[:100]
        result = api.login(username, password, device, body_code)
        body = result.body  # None from a server that does not say: its own body
        profile, secrets, old = self.profile, self.secrets, self.member.store

        def keep() -> LocalStore:
            store = old
            if not secrets.get(DATA_KEY):
                # After a remote wipe the old key was destroyed: start afresh under a new one.
                old.close()
                store = _open_store(profile, secrets)
            elif store.get_state("user_id") not in ("", result.user.id):
                store.wipe()  # another member's papers must not stay on this profile
            secrets.set(TOKEN, result.token)
            lock.remember_password(store, password)
            lock.note_contact(store)
            store.set_state(
                offline_hours=str(result.offline_hours),
                idle_minutes=str(result.idle_minutes),
                server_url=server_url,
                ca_bundle=ca_bundle or "",
                user_id=result.user.id,
                username=result.user.username,
                body_code=body.code if body else body_code,
                body_name=body.name if body else "",
                full_name=result.user.full_name,
                title=result.user.title,
                roles=",".join(result.user.roles),
                device_id=result.device_id,
                token_expires_at=result.expires_at.isoformat(),
            )
            return store

        store = self.write(keep)
        api.token = result.token
        member = SignedIn(profile, store, secrets, api, self.write, self.pin)
        if set(result.user.roles) & SIGNING_ROLES:
            self._enroll_key(member, username, result.user.full_name)  # guests never sign
        self.member = member
        return result.user.full_name

    def _enroll_key(self, member: SignedIn, username: str, full_name: str) -> None:
        from ecabinet.signing.keys import generate_key, make_csr

        key = generate_key()
        answer = member.api.request_certificate(make_csr(key, username, full_name))
        self._keep_identity(member, key, answer.certificate_pem, answer.ca_pem)

    def import_pkcs12(self, data: bytes, password: bytes | None) -> str:
        """Sign from now on with a certificate of the national CA (a .p12/.pfx file): the
        server checks it chains to a CA it trusts and that this laptop holds its key."""
        from cryptography.hazmat.primitives import serialization

        from ecabinet.signing.detached import registration_challenge, sign_detached
        from ecabinet.signing.keys import load_pkcs12

        member = self.member
        identity = load_pkcs12(data, password)
        challenge = registration_challenge(
            member.store.get_state("user_id"), member.store.get_state("device_id")
        )
        pem = identity.certificate.public_bytes(serialization.Encoding.PEM).decode()
        chain = [c.public_bytes(serialization.Encoding.PEM).decode() for c in identity.chain]
        member.api.import_certificate(pem, chain, sign_detached(identity.key, challenge))
        self._keep_identity(member, identity.key, pem, "".join(chain))
        return identity.certificate.subject.rfc4514_string()

    def _keep_identity(
        self, member: SignedIn, key: RSAPrivateKey, certificate_pem: str, chain_pem: str
    ) -> None:
        """The key, encrypted under a random passphrase that lives in the secret store."""
        from ecabinet.signing.keys import key_to_pem

        passphrase = random.token_urlsafe(32)
        key_file = self.profile.root / KEY_FILE
        temp = key_file.with_suffix(".tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key_to_pem(key, passphrase.encode()))
        member.secrets.set(KEY_PASSPHRASE, passphrase)
        os.replace(temp, key_file)
        member.write(
            lambda: member.store.set_state(certificate_pem=certificate_pem, ca_pem=chain_pem)
        )

    def identity(self) -> Identity:
        """The device's signing key and certificate (for votes and ballot replies)."""
        return self.member.identity()

    def signer(self) -> Signer:
        return self.member.signer()

    def use_token(
        self,
        library: str,
        token_label: str,
        key_label: str,
        pin: str,
        chain: tuple[x509.Certificate, ...] = (),
    ) -> str:
        """Sign from now on with a PKCS#11 token; its certificate is registered with the
        server (which checks its CA and that the token holds the key)."""
        from cryptography.hazmat.primitives import serialization

        from ecabinet.signing.detached import registration_challenge
        from ecabinet.signing.signer import TokenSigner

        member = self.member
        token = TokenSigner(library, token_label, given_pin(pin), key_label, chain)
        try:
            challenge = registration_challenge(
                member.store.get_state("user_id"), member.store.get_state("device_id")
            )
            pem = token.certificate.public_bytes(serialization.Encoding.PEM).decode()
            chain_pems = [c.public_bytes(serialization.Encoding.PEM).decode() for c in chain]
            member.api.import_certificate(
                pem, chain_pems, base64.b64encode(token.sign(challenge)).decode()
            )
        finally:
            token.close()
        member.write(
            lambda: member.store.set_state(
                token_library=library,
                token_label=token_label,
                token_key_label=key_label,
                certificate_pem=pem,
                ca_pem="".join(chain_pems),
            )
        )
        return token.certificate.subject.rfc4514_string()

    def sync_service(self) -> SyncService:
        return self.member.sync_service()

    def remember_nothing(self) -> None:
        """Not remembered on this laptop: the session, the signing key's passphrase and the
        key of the local data live in memory only, and what an earlier remembered session
        kept is forgotten (its local data cannot be opened any more and is cleared)."""
        for name in (TOKEN, KEY_PASSPHRASE, DATA_KEY):
            self.secrets.delete(name)
        self.secrets = MemorySecrets()

    def sign_out(self) -> None:
        """The member is dropped: a new one without a token takes its place, and the old
        one's API stops answering for it (a task still holding it is refused, not served)."""
        old = self.member
        self.secrets.delete(TOKEN)
        bundle = old.api.verify if isinstance(old.api.verify, str) else None
        self.member = replace(old, api=ServerApi(old.api.base_url, ca_bundle=bundle))
        old.api.token = ""

    def keep_form(self, ballot_id: str, signed: bytes) -> tuple[str, dict[str, str]]:
        return self.member.keep_form(ballot_id, signed)

    def latest_form(self, ballot_id: str) -> bytes | None:
        return self.member.latest_form(ballot_id)

    def forget_device(self) -> None:
        """After a remote wipe: no token, no key, nothing to sign with, and the key of the
        local data destroyed, so that even a copy of the disk taken before holds nothing
        readable."""
        self.sign_out()
        self.secrets.delete(KEY_PASSPHRASE)
        self.secrets.delete(DATA_KEY)
        (self.profile.root / KEY_FILE).unlink(missing_ok=True)


def _open_store(profile: Profile, secrets: SecretStore) -> LocalStore:
    """The profile's database and files, under the key kept in the secret store (made at
    the first opening). Without the key (memory-only secrets at a new start, a wiped
    keyring, a remote wipe) nobody can read what is there: it is cleared, and the next sync
    fills the profile again from the server."""
    kept = secrets.get(DATA_KEY)
    key = bytes.fromhex(kept) if kept else random.token_bytes(32)
    if not kept:
        secrets.set(DATA_KEY, key.hex())
    try:
        return LocalStore(profile, key)
    except UnreadableDatabase:
        profile.clear()
        return LocalStore(profile, key)

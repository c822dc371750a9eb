"""Signing in and out of a profile: the token in the secret store, the device's signing key.

At the first sign-in on a device the client makes a key pair and the body's CA certifies it;
the private key never leaves the laptop and is kept encrypted under a random passphrase that
lives in the secret store. Worker threads or the command line.
"""

from __future__ import annotations

import base64
import getpass
import os
import platform
import secrets as random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from ecabinet.client import lock
from ecabinet.client.api import ServerApi
from ecabinet.client.engine import SyncService
from ecabinet.client.local_db import UnreadableDatabase
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets, SecretStore, choose_secret_store
from ecabinet.client.store import LocalStore
from ecabinet.domain import SIGNING_ROLES
from ecabinet.signing.detached import registration_challenge, sign_detached
from ecabinet.signing.keys import (
    Identity,
    certificate_from_pem,
    generate_key,
    key_from_pem,
    key_to_pem,
    load_pkcs12,
    make_csr,
)

if TYPE_CHECKING:
    from ecabinet.signing.signer import Signer

TOKEN = "token"
KEY_PASSPHRASE = "key-passphrase"
DATA_KEY = "data-key"  # what the database and the document files are encrypted under


class NotSignedIn(Exception):
    pass


@dataclass
class Account:
    profile: Profile
    store: LocalStore
    secrets: SecretStore
    api: ServerApi

    @classmethod
    def open(
        cls,
        profile: Profile,
        *,
        secrets: SecretStore | None = None,
        server_url: str | None = None,
        ca_bundle: str | None = None,
    ) -> Account:
        # Without a system keyring, a passphrase in ECABINET_SECRETS_PASSPHRASE keeps the
        # session in a file encrypted under it; with neither, it lives in memory only.
        chosen = secrets or choose_secret_store(
            str(profile.root), profile.secrets_file, os.environ.get("ECABINET_SECRETS_PASSPHRASE")
        )
        store = _open_store(profile, chosen)
        url = server_url or store.get_state("server_url")
        bundle = ca_bundle or store.get_state("ca_bundle") or None
        api = ServerApi(url or "http://127.0.0.1", ca_bundle=bundle)
        api.token = chosen.get(TOKEN) or ""
        account = cls(profile, store, chosen, api)
        account.enforce_offline_expiry()
        return account

    def enforce_offline_expiry(self) -> bool:
        """Too long away from the server: end the session and hide the papers until the
        member signs in again. True when that happened now."""
        if not self.signed_in or not lock.offline_expired(self.store):
            return False
        self.end_session()
        return True

    def end_session(self) -> None:
        """Signed out with the papers hidden (offline expiry, too many wrong unlocks); the
        unsent acts stay, and go once the member has signed in again."""
        self.sign_out()
        lock.hide_papers(self.store)

    @property
    def signed_in(self) -> bool:
        return bool(self.api.token)

    def sign_in(
        self, server_url: str, username: str, password: str, ca_bundle: str | None = None
    ) -> str:
        """Sign in and certify this device's key; returns the member's full name. The
        organisation's CA bundle comes from the caller, or from ECABINET_CA_BUNDLE, which
        the laptop's installer sets for the desktop."""
        ca_bundle = ca_bundle or os.environ.get("ECABINET_CA_BUNDLE") or None
        self.api = ServerApi(server_url, ca_bundle=ca_bundle)
        device = f"{platform.node() or 'laptop'} ({platform.system()})"[:100]
        result = self.api.login(username, password, device)
        if not self.secrets.get(DATA_KEY):
            # After a remote wipe the old key was destroyed: start afresh under a new one.
            self.store.close()
            self.store = _open_store(self.profile, self.secrets)
        elif self.store.get_state("user_id") not in ("", result.user.id):
            self.store.wipe()  # another member's papers must not stay on this profile
        self.secrets.set(TOKEN, result.token)
        lock.remember_password(self.store, password)
        lock.note_contact(self.store)
        self.store.set_state(
            offline_hours=str(result.offline_hours),
            idle_minutes=str(result.idle_minutes),
            server_url=server_url,
            ca_bundle=ca_bundle or "",
            user_id=result.user.id,
            username=result.user.username,
            full_name=result.user.full_name,
            title=result.user.title,
            roles=",".join(result.user.roles),
            device_id=result.device_id,
            token_expires_at=result.expires_at.isoformat(),
        )
        if set(result.user.roles) & SIGNING_ROLES:
            self._enroll_key(username, result.user.full_name)  # guests never sign
        return result.user.full_name

    def _enroll_key(self, username: str, full_name: str) -> None:
        key = generate_key()
        answer = self.api.request_certificate(make_csr(key, username, full_name))
        self._keep_identity(key, answer["certificate_pem"], answer.get("ca_pem", ""))

    def import_pkcs12(self, data: bytes, password: bytes | None) -> str:
        """Sign from now on with a certificate of the national CA (a .p12/.pfx file): the
        server checks it chains to a CA it trusts and that this laptop holds its key."""
        identity = load_pkcs12(data, password)
        challenge = registration_challenge(
            self.store.get_state("user_id"), self.store.get_state("device_id")
        )
        pem = identity.certificate.public_bytes(serialization.Encoding.PEM).decode()
        chain = [c.public_bytes(serialization.Encoding.PEM).decode() for c in identity.chain]
        self.api.import_certificate(pem, chain, sign_detached(identity.key, challenge))
        self._keep_identity(identity.key, pem, "".join(chain))
        return identity.certificate.subject.rfc4514_string()

    def _keep_identity(self, key: RSAPrivateKey, certificate_pem: str, chain_pem: str) -> None:
        """The key, encrypted under a random passphrase that lives in the secret store."""
        passphrase = random.token_urlsafe(32)
        key_file = self.profile.root / "signing-key.pem"
        temp = key_file.with_suffix(".tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key_to_pem(key, passphrase.encode()))
        self.secrets.set(KEY_PASSPHRASE, passphrase)
        os.replace(temp, key_file)
        self.store.set_state(certificate_pem=certificate_pem, ca_pem=chain_pem)

    def identity(self) -> Identity:
        """The device's signing key and certificate (for votes and ballot replies)."""
        passphrase = self.secrets.get(KEY_PASSPHRASE)
        key_file = self.profile.root / "signing-key.pem"
        if not passphrase or not key_file.exists():
            raise NotSignedIn("This laptop has no signing key yet: sign in while online.")
        key = key_from_pem(key_file.read_bytes(), passphrase.encode())
        chain_pem = self.store.get_state("ca_pem").encode()
        chain = tuple(x509.load_pem_x509_certificates(chain_pem)) if chain_pem else ()
        return Identity(key, certificate_from_pem(self.store.get_state("certificate_pem")), chain)

    def signer(self) -> Signer:
        """What signs this member's acts: a USB token when one is set up, else the key kept
        in the profile. A token's PIN comes from ECABINET_TOKEN_PIN or is asked for."""
        # pyHanko (behind the signers) takes a third of the window's start to import, so it
        # is loaded at the first signature, not at start.
        from ecabinet.signing.signer import SoftwareSigner, TokenSigner

        library = self.store.get_state("token_library")
        if not library:
            return SoftwareSigner(self.identity())
        pin = os.environ.get("ECABINET_TOKEN_PIN") or getpass.getpass("PIN của thiết bị ký số: ")
        chain_pem = self.store.get_state("ca_pem").encode()
        return TokenSigner(
            library,
            self.store.get_state("token_label"),
            pin,
            self.store.get_state("token_key_label"),
            tuple(x509.load_pem_x509_certificates(chain_pem)) if chain_pem else (),
        )

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
        from ecabinet.signing.signer import TokenSigner

        token = TokenSigner(library, token_label, pin, key_label, chain)
        try:
            challenge = registration_challenge(
                self.store.get_state("user_id"), self.store.get_state("device_id")
            )
            pem = token.certificate.public_bytes(serialization.Encoding.PEM).decode()
            chain_pems = [c.public_bytes(serialization.Encoding.PEM).decode() for c in chain]
            self.api.import_certificate(
                pem, chain_pems, base64.b64encode(token.sign(challenge)).decode()
            )
        finally:
            token.close()
        self.store.set_state(
            token_library=library,
            token_label=token_label,
            token_key_label=key_label,
            certificate_pem=pem,
            ca_pem="".join(chain_pems),
        )
        return token.certificate.subject.rfc4514_string()

    def sync_service(self) -> SyncService:
        if not self.signed_in:
            raise NotSignedIn("Sign in first.")
        return SyncService(self.api, self.store, self.profile)

    def remember_nothing(self) -> None:
        """Not remembered on this laptop: the session, the signing key's passphrase and the
        key of the local data live in memory only, and what an earlier remembered session
        kept is forgotten (its local data cannot be opened any more and is cleared)."""
        for name in (TOKEN, KEY_PASSPHRASE, DATA_KEY):
            self.secrets.delete(name)
        self.secrets = MemorySecrets()

    def sign_out(self) -> None:
        self.secrets.delete(TOKEN)
        self.api.token = ""

    def keep_form(self, ballot_id: str, signed: bytes) -> str:
        """Keep a signed reply form as a local blob (uploaded before its reply is pushed)."""
        sha = self.store.vault.keep(signed)
        forms = self.store.get_state(f"forms:{ballot_id}")
        self.store.set_state(**{f"forms:{ballot_id}": f"{forms} {sha}".strip()})
        return sha

    def latest_form(self, ballot_id: str) -> bytes | None:
        forms = self.store.get_state(f"forms:{ballot_id}").split()
        if not forms:
            return None
        return self.store.vault.read(forms[-1]) if self.store.vault.has(forms[-1]) else None

    def forget_device(self) -> None:
        """After a remote wipe: no token, no key, nothing to sign with, and the key of the
        local data destroyed, so that even a copy of the disk taken before holds nothing
        readable."""
        self.sign_out()
        self.secrets.delete(KEY_PASSPHRASE)
        self.secrets.delete(DATA_KEY)
        (self.profile.root / "signing-key.pem").unlink(missing_ok=True)


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

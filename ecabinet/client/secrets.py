"""Where the session token (and later the key passphrase) lives: never in plain text.

The OS keyring first. On a machine without one (a headless Linux box), either a file encrypted
under a passphrase the member types (scrypt + AES-GCM), or memory only, which means signing in
again at each start. ``choose_secret_store`` says which, in words the member can read.
"""

from __future__ import annotations

import json
import os
import secrets as random
from pathlib import Path
from typing import Protocol

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

SERVICE = "ecabinet"


class SecretStore(Protocol):
    description: str

    def get(self, name: str) -> str | None: ...
    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...


class KeyringSecrets:
    description = "the system keyring"

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace

    def get(self, name: str) -> str | None:
        value: str | None = keyring.get_password(SERVICE, f"{self.namespace}:{name}")
        return value

    def set(self, name: str, value: str) -> None:
        keyring.set_password(SERVICE, f"{self.namespace}:{name}", value)

    def delete(self, name: str) -> None:
        try:
            keyring.delete_password(SERVICE, f"{self.namespace}:{name}")
        except keyring.errors.PasswordDeleteError:
            pass


class MemorySecrets:
    description = "memory only (no system keyring): you will sign in again at each start"

    def __init__(self) -> None:
        self._values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        self._values[name] = value

    def delete(self, name: str) -> None:
        self._values.pop(name, None)


class PassphraseFileSecrets:
    """A small JSON map encrypted with AES-GCM under a key derived from a passphrase."""

    description = "a file encrypted under your passphrase (no system keyring)"

    def __init__(self, path: Path, passphrase: str) -> None:
        self.path = path
        self._passphrase = passphrase.encode()
        self._values = self._load()

    def _key(self, salt: bytes) -> bytes:
        # n=2**15: about a tenth of a second here, and costly for anyone guessing offline.
        return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(self._passphrase)

    def _load(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        blob = self.path.read_bytes()
        salt, nonce, sealed = blob[:16], blob[16:28], blob[28:]
        try:
            plain = AESGCM(self._key(salt)).decrypt(nonce, sealed, b"ecabinet-secrets-v1")
        except InvalidTag:
            raise ValueError("wrong passphrase, or the secrets file is damaged") from None
        values: dict[str, str] = json.loads(plain)
        return values

    def _save(self) -> None:
        salt, nonce = random.token_bytes(16), random.token_bytes(12)
        sealed = AESGCM(self._key(salt)).encrypt(
            nonce, json.dumps(self._values).encode(), b"ecabinet-secrets-v1"
        )
        temp = self.path.with_suffix(".tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(salt + nonce + sealed)
        os.replace(temp, self.path)

    def get(self, name: str) -> str | None:
        return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        self._values[name] = value
        self._save()

    def delete(self, name: str) -> None:
        if self._values.pop(name, None) is None:
            return
        if self._values:
            self._save()
        else:
            self.path.unlink(missing_ok=True)  # nothing left to keep: no file at all


def keyring_usable() -> bool:
    backend = keyring.get_keyring()
    priority = getattr(backend, "priority", 0)
    name = type(backend).__module__
    return bool(priority and priority > 0) and "fail" not in name and "null" not in name


def choose_secret_store(
    namespace: str, secrets_file: Path, passphrase: str | None = None
) -> SecretStore:
    if keyring_usable():
        return KeyringSecrets(namespace)
    if passphrase:
        return PassphraseFileSecrets(secrets_file, passphrase)
    return MemorySecrets()

"""Secrets never reach the disk in plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecabinet.client.secrets import (
    MemorySecrets,
    PassphraseFileSecrets,
    choose_secret_store,
    keyring_usable,
)


def test_passphrase_file_round_trip_and_nothing_readable(tmp_path: Path) -> None:
    path = tmp_path / "secrets.enc"
    store = PassphraseFileSecrets(path, "correct horse battery")
    store.set("token", "very-secret-token-value")
    assert b"very-secret-token-value" not in path.read_bytes()
    assert path.stat().st_mode & 0o077 == 0
    again = PassphraseFileSecrets(path, "correct horse battery")
    assert again.get("token") == "very-secret-token-value"
    again.delete("token")
    assert PassphraseFileSecrets(path, "correct horse battery").get("token") is None


def test_wrong_passphrase_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secrets.enc"
    PassphraseFileSecrets(path, "right one").set("token", "x")
    with pytest.raises(ValueError, match="wrong passphrase"):
        PassphraseFileSecrets(path, "wrong one")


def test_without_a_keyring_the_choice_is_said_plainly(tmp_path: Path) -> None:
    # The tests run with keyring's null backend, as on a headless server.
    assert not keyring_usable()
    memory = choose_secret_store("p", tmp_path / "s.enc")
    assert isinstance(memory, MemorySecrets)
    assert "sign in again" in memory.description
    assert isinstance(choose_secret_store("p", tmp_path / "s.enc", "pass"), PassphraseFileSecrets)

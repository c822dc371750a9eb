"""Sealed document files: what is on disk opens only under the key, whole and in order."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from ecabinet.client.paths import Profile
from ecabinet.client.vault import CHUNK, HEADER, SEALED_CHUNK, DamagedFile, Vault

DATA = os.urandom(3 * CHUNK + 1234)  # three whole chunks and a short last one


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    return Vault(Profile.open(tmp_path), os.urandom(32))


def test_a_kept_file_reads_back_and_is_not_on_disk_in_the_clear(vault: Vault) -> None:
    sha = vault.keep(DATA)
    assert sha == hashlib.sha256(DATA).hexdigest()
    assert vault.read(sha) == DATA
    on_disk = vault.profile.blob_path(sha).read_bytes()
    assert len(on_disk) == HEADER + 3 * SEALED_CHUNK + 1234 + 16
    assert DATA[:64] not in on_disk and DATA[-64:] not in on_disk


def test_the_same_bytes_kept_twice_are_sealed_differently(vault: Vault) -> None:
    """A fresh salt, so a fresh key, for every file: no key and nonce pair is used twice."""
    sha = vault.keep(DATA)
    first = vault.profile.blob_path(sha).read_bytes()
    vault.keep(DATA)
    assert vault.profile.blob_path(sha).read_bytes() != first


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda b: b[:-1] + bytes([b[-1] ^ 1]), id="one-bit-changed"),
        pytest.param(lambda b: b[: HEADER + SEALED_CHUNK], id="cut-at-a-chunk"),
        pytest.param(
            lambda b: (
                b[:HEADER]
                + b[HEADER + SEALED_CHUNK : HEADER + 2 * SEALED_CHUNK]
                + b[HEADER : HEADER + SEALED_CHUNK]
                + b[HEADER + 2 * SEALED_CHUNK :]
            ),
            id="chunks-swapped",
        ),
        pytest.param(lambda b: b + b[-100:], id="bytes-added"),
        pytest.param(lambda b: b[:20] + (1).to_bytes(8, "big") + b[28:], id="size-changed"),
    ],
)
def test_a_file_changed_on_disk_does_not_open_and_is_removed(
    vault: Vault, spoil: Callable[[bytes], bytes]
) -> None:
    sha = vault.keep(DATA)
    path = vault.profile.blob_path(sha)
    path.write_bytes(spoil(path.read_bytes()))
    with pytest.raises(DamagedFile):
        vault.read(sha)
    assert not vault.has(sha)  # the next sync fetches it again


def test_another_key_opens_nothing(vault: Vault) -> None:
    sha = vault.keep(DATA)
    stranger = Vault(vault.profile, os.urandom(32))
    with pytest.raises(DamagedFile):
        stranger.read(sha)


def test_a_download_taken_up_again_keeps_its_whole_chunks(vault: Vault) -> None:
    sha = hashlib.sha256(DATA).hexdigest()
    first = vault.receiving(sha, len(DATA))
    first.write(DATA[: CHUNK + 500])
    first.close()  # cut off: the half chunk in memory is lost, the whole one is on disk
    again = vault.receiving(sha, len(DATA))
    assert again.offset == CHUNK
    again.write(DATA[CHUNK:])
    assert again.digest.hexdigest() == sha
    again.finish()
    vault.settle(again.path, sha)
    assert vault.read(sha) == DATA


def test_a_writer_refuses_more_than_announced(vault: Vault) -> None:
    writer = vault.receiving("a" * 64, 10)
    with pytest.raises(DamagedFile):
        writer.write(b"x" * 11)
    writer.close()

"""A lost laptop leaks nothing: every byte of a used profile is searched for what it holds."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ecabinet.client import acts, notes
from ecabinet.client.account import DATA_KEY, Account
from ecabinet.client.paths import Profile
from ecabinet.client.search import SearchIndex
from ecabinet.client.search_text import fold
from ecabinet.client.secrets import MemorySecrets, PassphraseFileSecrets
from tests.factories import PASSWORD
from tests.loopback import LiveServer, replace_with
from tests.pdfs import make_pdf

DRAFT_PHRASE = "Phương án điều chỉnh dự toán ngân sách quốc phòng năm 2027"
NOTE_TEXT = "Đề nghị giữ nguyên mức chi cho tỉnh biên giới"


def _every_byte(root: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file())


def _used_profile(live: LiveServer, root: Path) -> tuple[Account, str]:
    """A member's laptop after a real day: signed in with the session kept on disk, drafts
    downloaded and indexed, a note made and a position marked, one act still unsent."""
    replace_with(live, live.world.document_ids[0], make_pdf(pages=2, text=DRAFT_PHRASE))
    secrets = PassphraseFileSecrets(root / "secrets.enc", "a long passphrase")
    account = Account.open(Profile.open(root), secrets=secrets)
    account.sign_in(live.url, "member01", PASSWORD)
    assert account.sync_service().sync().failed_downloads == 0
    assert SearchIndex(account.store).index_new_documents() > 0
    notes.note_on_words(
        account, live.world.document_ids[0], 1, "note", "ngân sách quốc phòng", text=NOTE_TEXT
    )
    acts.set_position(account, live.world.item_ids[0], "object", NOTE_TEXT)
    return account, account.api.token


def test_nothing_readable_at_rest_in_the_profile(live_server: LiveServer, tmp_path: Path) -> None:
    root = tmp_path / "profile"
    account, token = _used_profile(live_server, root)
    # All of it is there for the member, through the key...
    assert SearchIndex(account.store).search("dieu chinh du toan")
    assert any(n.text == NOTE_TEXT for n in notes.my_notes(account))
    assert account.store.count_outbox("pending") >= 1
    assert account.store.vault.read(account.store.versions()[0].sha256).startswith(b"%PDF")
    meeting_title = account.store.meetings()[0].title
    account.store.close()
    # ...and none of it in the files, byte by byte: database, journal, documents, secrets.
    on_disk = _every_byte(root)
    assert len(on_disk) > 100_000  # the drafts really are on this laptop
    for secret in (
        DRAFT_PHRASE.encode(),
        fold(DRAFT_PHRASE).encode(),  # as the search index keeps it
        "ngân sách quốc phòng".encode("utf-16-be"),
        NOTE_TEXT.encode(),
        fold(NOTE_TEXT).encode(),
        meeting_title.encode(),
        token.encode(),
        b"%PDF",
        b"SQLite format 3",
    ):
        assert secret not in on_disk, secret


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_profile_is_readable_by_the_member_only(
    live_server: LiveServer, tmp_path: Path
) -> None:
    root = tmp_path / "profile"
    old_umask = os.umask(0o022)  # the usual umask: what is not made private is world-readable
    try:
        account, _token = _used_profile(live_server, root)
    finally:
        os.umask(old_umask)
    # Looked at while the database is open: its journals exist only then.
    names = {path.name for path in root.rglob("*")}
    assert {"local.sqlite3", "local.sqlite3-wal", "local.sqlite3-shm"} <= names
    assert {"signing-key.pem", "secrets.enc", "blobs"} <= names
    modes = {
        str(path.relative_to(tmp_path)): stat.S_IMODE(path.stat().st_mode)
        for path in [root, *root.rglob("*")]
    }
    account.store.close()
    wrong = {
        name: oct(mode)
        for name, mode in modes.items()
        if mode != (0o700 if (tmp_path / name).is_dir() else 0o600)
    }
    assert wrong == {}
    assert len(modes) > 8  # the database, its journals, the key, the secrets, the documents


def test_an_older_profile_readable_by_others_is_made_private(tmp_path: Path) -> None:
    root = tmp_path / "profile"
    root.mkdir(mode=0o755)
    (root / "local.sqlite3").write_bytes(b"")
    (root / "secrets.enc").write_bytes(b"x")
    for path in (root, root / "local.sqlite3", root / "secrets.enc"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    profile = Profile.open(root)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert stat.S_IMODE((root / "secrets.enc").stat().st_mode) == 0o600
    assert stat.S_IMODE(profile.db_path.stat().st_mode) == 0o600


def test_a_laptop_whose_key_is_gone_starts_afresh(live_server: LiveServer, tmp_path: Path) -> None:
    """Memory-only secrets at a new start, or a wiped keyring: what is on disk cannot be
    opened by anyone, so the profile is cleared and filled again, without a crash."""
    root = tmp_path / "profile"
    account, _token = _used_profile(live_server, root)
    account.store.close()
    again = Account.open(Profile.open(root), secrets=MemorySecrets())
    assert not again.signed_in
    assert again.store.count("meeting") == 0
    assert list(again.profile.blob_dir.iterdir()) == []
    again.sign_in(live_server.url, "member01", PASSWORD)
    assert again.sync_service().sync().online
    assert again.store.count("meeting") == 1


def test_a_remote_wipe_destroys_the_key_of_what_was_there(
    live_server: LiveServer, tmp_path: Path
) -> None:
    root = tmp_path / "profile"
    account, _token = _used_profile(live_server, root)
    before = (root / "local.sqlite3").read_bytes()
    account.forget_device()
    assert account.secrets.get(DATA_KEY) is None
    # A copy of the disk taken before the wipe is useless without the key, now gone.
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "local.sqlite3").write_bytes(before)
    stranger = Account.open(Profile.open(copy), secrets=MemorySecrets())
    assert stranger.store.count("meeting") == 0
    # The member signs in again: a fresh key, a fresh profile.
    account.sign_in(live_server.url, "member01", PASSWORD)
    assert account.secrets.get(DATA_KEY)
    assert account.sync_service().sync().online
    assert account.store.count("meeting") == 1


def test_a_clear_profile_of_an_older_version_is_encrypted_and_keeps_its_acts(
    live_server: LiveServer, tmp_path: Path
) -> None:
    import sqlite3

    root = tmp_path / "profile"
    Profile.open(root)
    with sqlite3.connect(root / "local.sqlite3") as old:
        old.execute("CREATE TABLE sync_state (key VARCHAR(50) PRIMARY KEY, value TEXT)")
        old.execute("INSERT INTO sync_state VALUES ('username', 'member01')")
    key = os.urandom(32).hex()
    secrets = MemorySecrets()
    secrets.set(DATA_KEY, key)
    account = Account.open(Profile.open(root), secrets=secrets)
    assert account.store.get_state("username") == "member01"
    account.store.close()
    assert not (root / "local.sqlite3").read_bytes().startswith(b"SQLite format 3")

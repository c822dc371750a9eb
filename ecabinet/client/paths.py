"""Where a profile keeps its files. One place, so tests and --profile can redirect it.

Everything in a profile is the member's alone: its folders are made 0700 and its files 0600
(``make_private``), also when an older version left them readable by others. On Windows the
profile lives in the member's own application data, which the system keeps to the member.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP = "ecabinet"
PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600
# The database and its journals, the sealed signing key and the passphrase-sealed secrets.
PRIVATE_NAMES = (
    "local.sqlite3",
    "local.sqlite3-wal",
    "local.sqlite3-shm",
    "signing-key.pem",
    "secrets.enc",
    "settings.json",
)


def make_private(path: Path) -> None:
    """Readable and writable by the member only (POSIX); nothing when it does not exist."""
    if os.name != "posix":
        return
    try:
        os.chmod(path, PRIVATE_FOLDER if path.is_dir() else PRIVATE_FILE)
    except FileNotFoundError:
        pass


def private_folder(folder: Path) -> Path:
    """A folder of the profile, made (with its parents in the profile) 0700."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    make_private(folder)  # mkdir's mode yields to the umask, and an old folder keeps its own
    return folder


def default_profile_dir() -> Path:
    return Path(user_data_dir(APP, APP))


@dataclass(frozen=True)
class Profile:
    root: Path

    @classmethod
    def open(cls, root: Path | str | None = None) -> Profile:
        profile = cls(Path(root).expanduser().resolve() if root else default_profile_dir())
        for folder in (profile.root, profile.blob_dir, profile.tmp_dir):
            private_folder(folder)
        for name in PRIVATE_NAMES:
            make_private(profile.root / name)
        return profile

    def clear(self) -> None:
        """Erase the profile's data (database, document files, signing key); the member's
        preferences stay."""
        for name in ("local.sqlite3", "local.sqlite3-wal", "local.sqlite3-shm", "signing-key.pem"):
            (self.root / name).unlink(missing_ok=True)
        for folder in (self.blob_dir, self.tmp_dir):
            shutil.rmtree(folder, ignore_errors=True)
            private_folder(folder)

    @property
    def db_path(self) -> Path:
        return self.root / "local.sqlite3"

    @property
    def blob_dir(self) -> Path:
        return self.root / "blobs"

    @property
    def tmp_dir(self) -> Path:
        return self.root / "tmp"

    def blob_path(self, sha256: str) -> Path:
        # Derived from the digest alone (validated by the wire model), never from a filename
        # the server sent, so no answer can make us write outside the profile.
        return self.blob_dir / sha256[:2] / sha256

    def part_path(self, sha256: str) -> Path:
        """Where a file grows while it downloads, before it is verified and moved into place."""
        return self.tmp_dir / f"{sha256}.part"

    @property
    def secrets_file(self) -> Path:
        return self.root / "secrets.enc"

    @property
    def settings_file(self) -> Path:
        """The member's preferences (language, window layout); nothing secret goes here."""
        return self.root / "settings.json"

"""Where a profile keeps its files. One place, so tests and --profile can redirect it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP = "ecabinet"


def default_profile_dir() -> Path:
    return Path(user_data_dir(APP, APP))


@dataclass(frozen=True)
class Profile:
    root: Path

    @classmethod
    def open(cls, root: Path | str | None = None) -> Profile:
        profile = cls(Path(root).expanduser().resolve() if root else default_profile_dir())
        for folder in (profile.root, profile.blob_dir, profile.tmp_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return profile

    def clear(self) -> None:
        """Erase the profile's data (database, document files, signing key); the member's
        preferences stay."""
        for name in ("local.sqlite3", "local.sqlite3-wal", "local.sqlite3-shm", "signing-key.pem"):
            (self.root / name).unlink(missing_ok=True)
        for folder in (self.blob_dir, self.tmp_dir):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)

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

"""The local database file, encrypted whole with SQLCipher under the profile's key.

Everything in it is sensitive: meeting and document titles, ballot questions, a member's
notes and positions, and the search index, which holds the words of every draft. SQLCipher
encrypts every page (tables, indexes, the full-text index and the write-ahead log), so no
column can be forgotten. The key is given raw (``x'…'``): it is 32 random bytes from the
secret store, so SQLCipher's own passphrase derivation would only slow every connection.

A profile made by a version that kept the database in the clear is encrypted in place at
its first opening (``sqlcipher_export``), so its unsent acts are kept.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from ecabinet.client.paths import PRIVATE_FILE, make_private


class UnreadableDatabase(Exception):
    """The database does not open under this key: the key was lost or the file damaged."""


def open_engine(path: Path, key: bytes) -> Engine:
    if not path.exists():
        # Made 0600 before SQLite first opens it: SQLite gives its -wal and -shm files the
        # mode of the database file (an empty file is an empty database).
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    if not _opens(path, key):
        if not _opens(path, None):
            raise UnreadableDatabase(str(path))
        _encrypt_in_place(path, key)
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        make_private(name)  # also those an older version left readable by others
    engine = create_engine(f"sqlite:///{path}", module=sqlcipher3.dbapi2)
    event.listen(engine, "connect", partial(_on_connect, key))
    return engine


def _raw_key(key: bytes) -> str:
    return f"\"x'{key.hex()}'\""


def _key_pragma(key: bytes) -> str:
    return f"PRAGMA key = {_raw_key(key)}"


def _opens(path: Path, key: bytes | None) -> bool:
    conn = sqlcipher3.dbapi2.connect(str(path))
    try:
        # A wrong key is an answer here, not an error for the log.
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.dbapi2.DatabaseError:
        return False
    finally:
        conn.close()


def _encrypt_in_place(path: Path, key: bytes) -> None:
    """Copy a clear database into an encrypted one beside it, then put it in its place."""
    encrypted = path.with_name(path.name + ".encrypting")
    encrypted.unlink(missing_ok=True)
    os.close(os.open(encrypted, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    conn = sqlcipher3.dbapi2.connect(str(path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY {_raw_key(key)}", (str(encrypted),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(encrypted, path)


def _on_connect(key: bytes, dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(_key_pragma(key))  # must come first: nothing is readable before it
    cur.execute("PRAGMA temp_store=MEMORY")  # sorts and temporary tables never touch the disk
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()

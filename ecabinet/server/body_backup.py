"""Backing up one body and restoring it into another server that does not hold it.

A body's backup is a tar file like the server's (backup.py), with ``"kind": "body"`` in its
manifest: the rows of every table that are the body's (those with its ``body_id``, and those
that hang off them: its users' devices, tokens and certificates, its meetings' items, its
documents' versions ...), the document files they name, the body's CA folder and the key its
audit chain is hashed with. Entries of the legacy audit chain (before chains were per body)
are left out: they verify only as part of the whole server's chain.

Restoring leaves every other body untouched. Integer ids that would collide are drawn anew
(the feed's ``seq``, audit entries, invitations ...), in the backup's order: the audit chain
still verifies, as its hashes cover each entry's position in the body's chain, not its id.
The body's laptops hold cursors of the other server's numbering: the feed's numbers go on
from above every number the other server had given out, so each laptop's cursor lies below
all of the body's rows and its next pull brings the whole body again (applying is
idempotent: nothing is wiped, nothing it has not yet pushed is lost, no protocol change).
The command line's main thread.
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Table,
    and_,
    insert,
    or_,
    select,
    text,
)

from ecabinet import __version__
from ecabinet.server import append_lock
from ecabinet.server.backup import (
    AUDIT_KEY,
    BackupError,
    BackupReport,
    add_blob,
    add_bytes,
    copy_blob,
    decode,
    encode,
    read_manifest,
    schema_revision,
    write_ca_file,
    write_private,
)
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.core.config import Settings
from ecabinet.server.models import Base
from ecabinet.server.pki import body_ca_folder, server_ca

KIND = "body"
# Tables of no body: sign-in throttling by name, the legacy chain's switch point. Blobs are
# shared by digest: a body's are those its rows name (_digests).
_NOT_A_BODYS = {"login_failures", "audit_switch", "blobs"}
# Where a body's rows name document files.
_DIGESTS = {
    "document_versions": ("sha256",),
    "blob_uploads": ("sha256",),
    "incoming_attachments": ("sha256",),
    "ballot_responses": ("signed_pdf", "long_term_pdf"),
}


@dataclass(frozen=True)
class BodyRef:
    id: str
    code: str


def _tables() -> dict[str, Table]:
    return {table.name: table for table in Base.metadata.sorted_tables}


def _of_body(table: Table, body_id: str) -> ColumnElement[bool]:
    """The rows of ``table`` that are the body's: its own, or those pointing at its own."""
    if table.name == "bodies":
        return table.c.id == body_id
    if "body_id" in table.c:
        mine = table.c.body_id == body_id
        if table.name == "audit_log":  # the legacy chain is the whole server's
            return and_(mine, table.c.position.is_not(None))
        if table.name == "audit_checkpoints":
            return and_(mine, table.c.per_body.is_(True))
        return mine
    parents = [
        fk.parent.in_(select(fk.column).where(_of_body(fk.column.table, body_id)))
        for fk in table.foreign_keys
        if fk.column.table.name not in _NOT_A_BODYS
    ]
    if not parents:
        raise BackupError(f"the table {table.name} is no body's: name it in _NOT_A_BODYS")
    return or_(*parents)


def _rows(conn: Connection, table: Table, where: ColumnElement[bool]) -> list[dict[str, Any]]:
    query = select(table).where(where).order_by(*table.primary_key.columns)
    return [{k: encode(v) for k, v in row.items()} for row in conn.execute(query).mappings()]


def _digests(rows: dict[str, list[dict[str, Any]]]) -> set[str]:
    return {
        row[column]
        for name, columns in _DIGESTS.items()
        for row in rows.get(name, [])
        for column in columns
        if row.get(column)
    }


def _ca_folder(settings: Settings, code: str) -> tuple[Path, set[str]]:
    """The body's CA: the server's for the configured body (without the folders of the other
    bodies inside it), else its own folder. Never the server's CA for another body: that key
    is not the body's to take away."""
    if code == settings.body_code:
        return settings.ca_dir, {"bodies"}
    own = body_ca_folder(settings, code)
    if not own.is_dir():
        raise BackupError(
            f"the body {code} has no CA of its own ({own}): what it signed was signed with this "
            "server's CA, whose key a body's backup does not take away"
        )
    return own, set()


def _key_file(settings: Settings, body_id: str) -> Path:
    moved = settings.audit_keys_dir / f"{body_id}.key"
    return moved if moved.is_file() else settings.audit_key_file


def backup_body(engine: Engine, settings: Settings, code: str, out: Path) -> BackupReport:
    """Write the body ``code`` to ``out`` (readable by its owner only)."""
    store = open_blob_store(settings)
    tables = _tables()
    snapshot = engine.connect()
    if engine.dialect.name == "postgresql":
        snapshot = snapshot.execution_options(isolation_level="REPEATABLE READ")
    with snapshot as conn, conn.begin():
        bodies = tables["bodies"]
        body_id = conn.scalar(select(bodies.c.id).where(bodies.c.code == code))
        if body_id is None:
            raise BackupError(f"there is no body {code}")
        schema = schema_revision(conn)
        rows = {
            t.name: _rows(conn, t, _of_body(t, body_id))
            for t in tables.values()
            if t.name not in _NOT_A_BODYS
        }
        blobs = tables["blobs"]
        rows["blobs"] = _rows(conn, blobs, blobs.c.sha256.in_(sorted(_digests(rows))))
        users = {user["id"] for user in rows["users"]}
        for blob in rows["blobs"]:  # uploaded by another body's member: not to be named
            if blob["uploaded_by"] not in users:
                blob["uploaded_by"] = None
        # Every number the feed had given out: the restored rows go on from above it.
        ceiling = _feed_drawn(conn)
    folder, left_out = _ca_folder(settings, code)
    temp = out.with_name(out.name + ".part")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh, tarfile.open(fileobj=fh, mode="w") as tar:
        for name, table_rows in rows.items():
            lines = "\n".join(json.dumps(row, ensure_ascii=False) for row in table_rows)
            add_bytes(tar, f"tables/{name}.jsonl", lines.encode())
        for blob in rows["blobs"]:
            if not store.exists(blob["sha256"]):
                raise BackupError(f"the document file {blob['sha256']} is missing")
            add_blob(tar, store, blob["sha256"])
        if folder.is_dir():
            tar.add(folder, arcname="ca", filter=lambda i: _outside(i, left_out))
        tar.add(_key_file(settings, body_id), arcname=AUDIT_KEY)
        manifest = {
            "format": 1,
            "kind": KIND,
            "body": {"id": body_id, "code": code},
            "version": __version__,
            "schema": schema,
            "created_at": datetime.now(UTC).isoformat(),
            "tables": {name: len(table_rows) for name, table_rows in rows.items()},
            "blobs": len(rows["blobs"]),
            "feed_ceiling": ceiling,
        }
        add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temp, out)
    return BackupReport(sum(len(r) for r in rows.values()), len(rows["blobs"]), schema)


def _outside(info: tarfile.TarInfo, left_out: set[str]) -> tarfile.TarInfo | None:
    parts = info.name.split("/")
    return None if len(parts) > 1 and parts[1] in left_out else info


def _read_rows(tar: tarfile.TarFile, name: str) -> list[dict[str, Any]]:
    member = tar.extractfile(f"tables/{name}.jsonl")
    if member is None:
        raise BackupError(f"the backup has no table {name}")
    lines = member.read().decode().splitlines()
    return [{k: decode(v) for k, v in json.loads(line).items()} for line in lines if line]


def _feed_drawn(conn: Connection) -> int:
    """The largest number the feed has drawn, its rows since replaced or rolled back too."""
    largest = conn.scalar(text("SELECT max(seq) FROM changes")) or 0
    if conn.dialect.name == "postgresql":
        name = conn.scalar(text("SELECT pg_get_serial_sequence('changes', 'seq')"))
        drawn = conn.scalar(text(f"SELECT last_value FROM {name}"))
    else:
        drawn = conn.scalar(text("SELECT seq FROM sqlite_sequence WHERE name = 'changes'"))
    return max(int(largest), int(drawn or 0))


def _feed_above(conn: Connection, ceiling: int) -> None:
    """Make the feed's next numbers larger than ``ceiling``."""
    value = {"v": ceiling}
    if conn.dialect.name == "postgresql":
        name = conn.scalar(text("SELECT pg_get_serial_sequence('changes', 'seq')"))
        last = conn.scalar(text(f"SELECT last_value FROM {name}")) or 0
        if last < ceiling:
            conn.execute(
                text("SELECT setval(CAST(:name AS regclass), :v)"), {"name": name, **value}
            )
        return
    # SQLite (AUTOINCREMENT) numbers after the larger of the largest row and this.
    moved = conn.execute(
        text("UPDATE sqlite_sequence SET seq = max(seq, :v) WHERE name = 'changes'"), value
    )
    if moved.rowcount == 0:
        conn.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES ('changes', :v)"), value)


def _load(conn: Connection, tar: tarfile.TarFile, table: Table) -> int:
    rows = _read_rows(tar, table.name)
    if table.name == "blobs":  # shared by digest: only those this server lacks
        digests = [row["sha256"] for row in rows]
        held = set(conn.scalars(select(table.c.sha256).where(table.c.sha256.in_(digests))))
        rows = [row for row in rows if row["sha256"] not in held]
    renumbered = table.autoincrement_column
    if renumbered is None:
        if rows:
            conn.execute(insert(table), rows)
        return len(rows)
    for row in rows:  # one by one, so the numbers drawn follow the backup's order
        conn.execute(insert(table), {k: v for k, v in row.items() if k != renumbered.name})
    return len(rows)


def _restore_files(
    tar: tarfile.TarFile, settings: Settings, ca_target: Path, key_target: Path
) -> int:
    """The document files this server lacks (checked against their digests), the body's CA
    into its own folder, the key of its chain."""
    store = open_blob_store(settings)
    count = 0
    ca_root = ca_target.resolve()
    for member in tar.getmembers():
        source = tar.extractfile(member) if member.isfile() else None
        if source is None:
            continue
        if member.name.startswith("blobs/"):
            sha = member.name.removeprefix("blobs/")
            if not store.exists(sha):
                copy_blob(store, source, sha)
                count += 1
        elif member.name == AUDIT_KEY:
            key_target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private(key_target, source.read())
        elif member.name.startswith("ca/"):
            write_ca_file(ca_root, member.name, source.read())
    return count


def _refuse(conn: Connection, manifest: dict[str, Any]) -> BodyRef:
    """The body the backup holds, if this server can take it; otherwise why not."""
    schema = schema_revision(conn)
    if manifest["schema"] != schema:
        raise BackupError(
            f"the backup is of schema {manifest['schema']} and this server's is {schema}: "
            "restore it on a server of the same version"
        )
    body = BodyRef(**manifest["body"])
    # Usernames are unique within a body only: a body new to this server clashes with none.
    bodies = _tables()["bodies"]
    held = conn.scalar(
        select(bodies.c.code).where(or_(bodies.c.code == body.code, bodies.c.id == body.id))
    )
    if held is not None:
        raise BackupError(f"this server already holds the body {held}")
    return body


def restore_body(engine: Engine, settings: Settings, source: Path) -> tuple[BackupReport, str]:
    """Add the body in ``source`` to this server (at the backup's schema), whole or not at
    all; the report and the body's code."""
    with tarfile.open(source, mode="r") as tar:
        manifest = read_manifest(tar)
        if manifest.get("kind") != KIND:
            raise BackupError("this is the backup of a whole server: restore it without --body")
        with engine.connect() as conn:
            body = _refuse(conn, manifest)
        ca_target = body_ca_folder(settings, body.code)
        key_target = settings.audit_keys_dir / f"{body.id}.key"
        for there in (ca_target, key_target):
            if there.exists():
                raise BackupError(f"{there} is already there: move it away first")
        # The server's own CA is made in one move into its folder: made first, before another
        # body's goes inside that folder.
        server_ca(settings)
        placing = False
        try:
            with engine.begin() as conn:
                # No other transaction draws the feed's numbers while they are moved on.
                append_lock.hold_every_body(conn)
                _refuse(conn, manifest)  # again, now that no other restore runs
                _feed_above(conn, int(manifest["feed_ceiling"]))
                rows = sum(
                    _load(conn, tar, table)
                    for table in _tables().values()
                    if table.name in manifest["tables"]
                )
                # Inside the transaction: the rows are kept only once every file is in place.
                placing = True
                blobs = _restore_files(tar, settings, ca_target, key_target)
        except BaseException:
            if placing:  # only what this restore put there: none was there before
                shutil.rmtree(ca_target, ignore_errors=True)
                key_target.unlink(missing_ok=True)
            raise
    return BackupReport(rows, blobs, manifest["schema"]), body.code

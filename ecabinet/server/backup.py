"""Backing up and restoring a server: its database, its document files and its CA, as one file.

A backup is a tar file::

    manifest.json          format, version, schema revision, rows per table, files
    tables/<name>.jsonl    one JSON object per row, every table
    blobs/<sha256>         every document file the database names
    ca/...                 the body's certificate authority (its private key included)
    audit.key              the key of the audit log's hashes (without it, no verify passes)
    audit-keys/            those of bodies' chains restored from another server

The database is read in one snapshot transaction (REPEATABLE READ on PostgreSQL; a read
transaction on SQLite in WAL mode), so the rows agree with each other while the server keeps
serving. Document files are immutable and named by digest, and a file is in place before any
row names it, so copying those the snapshot names gives a consistent whole.

Rows are written as JSON, not as a database dump, so a backup restores into either database:
SQLite to PostgreSQL when an office grows. A restore fills an empty database at the backup's
schema revision, then migrates it to this version's: restoring is also how an old backup is
brought forward. Every file is checked against its digest on the way back.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, Table, func, insert, select, text

from ecabinet import __version__
from ecabinet.server.blobstore import Blobs, open_blob_store
from ecabinet.server.core.config import Settings
from ecabinet.server.db import alembic_config
from ecabinet.server.models import Base, Blob

FORMAT = 1
BATCH = 1000
AUDIT_KEY = "audit.key"  # its name in the backup
AUDIT_KEYS = "audit-keys"  # the keys of bodies' chains restored from another server


class BackupError(Exception):
    """Said to the administrator in one line: what is wrong and nothing was changed."""


@dataclass(frozen=True)
class BackupReport:
    rows: int
    blobs: int
    schema: str


def encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode()}
    return value


def decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"]).astimezone(UTC)
        if "$bytes" in value:
            return base64.b64decode(value["$bytes"])
    return value


def schema_revision(conn: Connection) -> str:
    return MigrationContext.configure(conn).get_current_revision() or ""


def add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(datetime.now(UTC).timestamp()), 0o600
    tar.addfile(info, io.BytesIO(data))


def add_blob(tar: tarfile.TarFile, store: Blobs, sha: str) -> None:
    """One document file into the backup, through a local spool (the store may be a bucket)."""
    with tempfile.TemporaryFile() as spool:
        for chunk in store.read(sha):
            spool.write(chunk)
        info = tarfile.TarInfo(f"blobs/{sha}")
        info.size, info.mode = spool.tell(), 0o600
        info.mtime = int(datetime.now(UTC).timestamp())
        spool.seek(0)
        tar.addfile(info, spool)


def table_rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    ordered = select(table).order_by(*table.primary_key.columns)
    for row in conn.execution_options(yield_per=BATCH).execute(ordered).mappings():
        yield {key: encode(value) for key, value in row.items()}


def backup(engine: Engine, settings: Settings, out: Path) -> BackupReport:
    """Write the whole server to ``out`` (made readable by its owner only)."""
    store = open_blob_store(settings)
    counts: dict[str, int] = {}
    temp = out.with_name(out.name + ".part")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh, tarfile.open(fileobj=fh, mode="w") as tar:
        snapshot = engine.connect()
        if engine.dialect.name == "postgresql":
            snapshot = snapshot.execution_options(isolation_level="REPEATABLE READ")
        with snapshot as conn, conn.begin():
            schema = schema_revision(conn)
            for table in Base.metadata.sorted_tables:
                lines = [json.dumps(row, ensure_ascii=False) for row in table_rows(conn, table)]
                counts[table.name] = len(lines)
                add_bytes(tar, f"tables/{table.name}.jsonl", "\n".join(lines).encode())
            digests = list(conn.scalars(select(Blob.sha256).order_by(Blob.sha256)))
        for sha in digests:
            if not store.exists(sha):
                raise BackupError(f"the document file {sha} named by the database is missing")
            add_blob(tar, store, sha)
        if settings.ca_dir.is_dir():
            tar.add(settings.ca_dir, arcname="ca")
        if settings.audit_key_file.is_file():
            tar.add(settings.audit_key_file, arcname=AUDIT_KEY)
        if settings.audit_keys_dir.is_dir():  # of bodies restored from another server
            tar.add(settings.audit_keys_dir, arcname=AUDIT_KEYS)
        manifest = {
            "format": FORMAT,
            "version": __version__,
            "schema": schema,
            "created_at": datetime.now(UTC).isoformat(),
            "tables": counts,
            "blobs": len(digests),
        }
        add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temp, out)
    return BackupReport(sum(counts.values()), len(digests), schema)


def read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = tar.extractfile("manifest.json")
    except KeyError:
        raise BackupError("this is not an e-Cabinet backup (no manifest)") from None
    assert member is not None
    manifest: dict[str, Any] = json.loads(member.read())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"backup format {manifest.get('format')} is not one this version reads")
    return manifest


def _migrate(engine: Engine, revision: str) -> None:
    from alembic import command

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision or "head")


def _load_table(conn: Connection, tar: tarfile.TarFile, table: Table) -> int:
    member = tar.extractfile(f"tables/{table.name}.jsonl")
    if member is None:
        raise BackupError(f"the backup has no table {table.name}")
    rows = [
        {key: decode(value) for key, value in json.loads(line).items()}
        for line in member.read().decode().splitlines()
        if line
    ]
    for start in range(0, len(rows), BATCH):
        conn.execute(insert(table), rows[start : start + BATCH])
    if conn.dialect.name == "postgresql" and rows and table.autoincrement_column is not None:
        # Rows came with their ids: the sequence must carry on after the largest.
        column = table.autoincrement_column.name
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column}'), "
                f"(SELECT max({column}) FROM {table.name}))"
            )
        )
    return len(rows)


def copy_blob(store: Blobs, source: IO[bytes], sha: str) -> None:
    """Into the store under its digest, checked on the way (never a damaged file kept)."""
    fh, temp = store.temp_file()
    digest = hashlib.sha256()
    with fh:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            digest.update(chunk)
            fh.write(chunk)
        fh.flush()
        os.fsync(fh.fileno())
    if digest.hexdigest() != sha:
        temp.unlink()
        raise BackupError(f"the document file {sha} in the backup is damaged")
    store.commit(temp, sha)


def _restore_files(tar: tarfile.TarFile, settings: Settings) -> int:
    if settings.ca_dir.exists() and any(settings.ca_dir.iterdir()):
        raise BackupError(f"{settings.ca_dir} already holds a CA: restore into a new data folder")
    if settings.audit_key_file.exists():
        raise BackupError(
            f"{settings.audit_key_file} already holds an audit key: restore into a new data folder"
        )
    store = open_blob_store(settings)
    count = 0
    ca_root = settings.ca_dir.resolve()
    for member in tar.getmembers():
        source = tar.extractfile(member) if member.isfile() else None
        if source is None:
            continue
        if member.name.startswith("blobs/"):
            copy_blob(store, source, member.name.removeprefix("blobs/"))
            count += 1
        elif member.name == AUDIT_KEY:
            write_private(settings.audit_key_file, source.read())
        elif member.name.startswith(f"{AUDIT_KEYS}/"):
            name = Path(member.name).name
            settings.audit_keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private(settings.audit_keys_dir / name, source.read())
        elif member.name.startswith("ca/"):
            write_ca_file(ca_root, member.name, source.read())
    return count


def write_ca_file(ca_root: Path, name: str, data: bytes) -> None:
    """The CA's file ``ca/...`` of the backup into the CA folder ``ca_root``, never outside."""
    target = (ca_root / name.removeprefix("ca/")).resolve()
    if not target.is_relative_to(ca_root):
        raise BackupError(f"the backup names a file outside its place: {name}")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_private(target, data)


def write_private(target: Path, data: bytes) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def restore(engine: Engine, settings: Settings, source: Path) -> BackupReport:
    """Fill an empty database and data folder from a backup, then bring it to this version."""
    with tarfile.open(source, mode="r") as tar:
        manifest = read_manifest(tar)
        if manifest.get("kind", "server") != "server":
            raise BackupError("this is the backup of one body: restore it with --body")
        _migrate(engine, manifest["schema"])
        had_ca = settings.ca_dir.exists() and any(settings.ca_dir.iterdir())
        had_key = settings.audit_key_file.exists()
        # The tables of the backup's schema: a later revision's new tables start empty.
        tables = [t for t in Base.metadata.sorted_tables if t.name in manifest["tables"]]
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        try:
            with engine.begin() as conn:
                for table in tables:
                    if conn.scalar(select(func.count()).select_from(table)):
                        raise BackupError(
                            f"the target database is not empty ({table.name} has rows)"
                        )
                rows = sum(_load_table(conn, tar, t) for t in tables)
                expected = sum(int(n) for n in manifest["tables"].values())
                if rows != expected:
                    raise BackupError(f"the backup holds {rows} rows where it promised {expected}")
                # Inside the transaction: the rows are kept only once every file is back.
                blobs = _restore_files(tar, settings)
        except BaseException:
            if not had_ca:
                shutil.rmtree(settings.ca_dir, ignore_errors=True)
            if not had_key:
                settings.audit_key_file.unlink(missing_ok=True)
            raise
    _migrate(engine, "head")
    return BackupReport(rows, blobs, manifest["schema"])

"""Backup and restore through the server's command: a round trip that loses nothing, across
databases (SQLite to PostgreSQL and back), taken while members keep working, and refusals
that change nothing."""

from __future__ import annotations

import io
import json
import tarfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from ecabinet.server import audit, audit_verify
from ecabinet.server import models as m
from ecabinet.server.app import create_app
from ecabinet.server.audit import load_key
from ecabinet.server.backup import table_rows
from ecabinet.server.cli import main
from ecabinet.server.core.config import Settings, get_settings
from ecabinet.server.db import make_engine, make_session_factory
from ecabinet.server.models import Base
from ecabinet.server.pki import body_ca
from tests.dbs import POSTGRES_URL, PostgresDatabase, fresh_sqlite_url
from tests.factories import PASSWORD, World
from tests.server.conftest import Api
from tests.server.test_sync_push import mutation, push


def _everything(url: str) -> dict[str, list[dict[str, object]]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        tables = {t.name: list(table_rows(conn, t)) for t in Base.metadata.sorted_tables}
    engine.dispose()
    return tables


def _cli(*args: str) -> int:
    return main(list(args))


def _backup(settings: Settings, file: Path) -> int:
    return _cli(
        "backup",
        "--data",
        str(settings.data_dir),
        "--database-url",
        settings.database_url,
        "--out",
        str(file),
    )


@pytest.fixture
def other_database(
    settings: Settings, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """An empty database of the other kind: SQLite gives to PostgreSQL, PostgreSQL to SQLite
    (a fresh SQLite file when no PostgreSQL is configured)."""
    if settings.database_url.startswith("sqlite") and POSTGRES_URL:
        target = PostgresDatabase(POSTGRES_URL)
        yield target.url
        target.drop()
    else:
        folder = tmp_path / "other-db"
        folder.mkdir()
        yield fresh_sqlite_url(tmp_path_factory.getbasetemp(), folder)


def test_a_round_trip_loses_nothing_and_the_restored_server_serves(
    api: Api, world: World, settings: Settings, other_database: str, tmp_path: Path
) -> None:
    item = world.item_ids[0]
    push(api, "member01", mutation("position.set", {"agenda_item_id": item, "position": "object"}))
    with api.db() as db:  # a signed checkpoint, checked again after the restore
        assert audit.checkpoint(db, body_ca(settings), db.scalar(select(m.Body.id))) is not None
        db.commit()
    file = tmp_path / "backup.tar"
    assert _backup(settings, file) == 0
    assert file.stat().st_mode & 0o077 == 0  # it holds the CA's key: its owner's alone
    restored_data = tmp_path / "restored"
    assert (
        _cli("restore", "--data", str(restored_data), "--database-url", other_database, str(file))
        == 0
    )
    assert _everything(other_database) == _everything(settings.database_url)
    for sha in world.blob_shas:
        source = settings.blob_dir / sha[:2] / sha
        assert (restored_data / "blobs" / sha[:2] / sha).read_bytes() == source.read_bytes()
    assert (restored_data / "ca").is_dir()
    restored_key = restored_data / "audit.key"  # without it no verify would pass
    assert restored_key.read_bytes() == settings.audit_key_file.read_bytes()
    assert restored_key.stat().st_mode & 0o777 == 0o600
    # The restored server runs: a member signs in, reads a draft, and acts.
    app = create_app(get_settings(restored_data, other_database))
    client = TestClient(app)
    token = client.post(
        "/api/v1/auth/login",
        json={"username": "member01", "password": PASSWORD, "device_name": "after"},
    ).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(f"/api/v1/blobs/{world.blob_shas[0]}", headers=headers).status_code == 200
    again = client.post(
        "/api/v1/sync/push",
        json={
            "mutations": [mutation("position.set", {"agenda_item_id": item, "position": "object"})]
        },
        headers=headers,
    )
    assert again.json()["results"][0]["status"] == "applied"  # the ids carry on after the old
    with app.state.session_factory() as db:
        assert audit_verify.verify(db, body_ca(app.state.settings).certificate).ok
    app.state.engine.dispose()


def test_a_backup_taken_while_members_work_is_consistent(
    api: Api,
    world: World,
    settings: Settings,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    stop = threading.Event()
    pushed = 0

    def keep_working() -> None:
        nonlocal pushed
        while not stop.is_set():
            choice = ("object", "no_objection")[pushed % 2]
            position = mutation(
                "position.set", {"agenda_item_id": world.item_ids[0], "position": choice}
            )
            push(api, "member01", position)
            pushed += 1

    worker = threading.Thread(target=keep_working)
    worker.start()
    while pushed < 3:  # members are at work when the backup starts
        time.sleep(0.01)
    try:
        file = tmp_path / "busy.tar"
        assert _backup(settings, file) == 0
    finally:
        stop.set()
        worker.join(30)
    during = pushed
    target = tmp_path / "target"
    target.mkdir()
    url = fresh_sqlite_url(tmp_path_factory.getbasetemp(), target)
    assert (
        _cli("restore", "--data", str(tmp_path / "restored"), "--database-url", url, str(file)) == 0
    )
    engine = make_engine(url)
    restored = get_settings(tmp_path / "restored", url)
    with make_session_factory(engine, load_key(restored.audit_key_file))() as db:
        # The chain is whole: no entry without the one before.
        assert audit_verify.verify(db, body_ca(restored).certificate).ok
        kept = db.scalar(select(func.count()).where(m.AuditEntry.object_type == "mutation"))
        assert 3 <= (kept or 0) <= during  # what was done before the snapshot, whole
    engine.dispose()


def test_refusals_change_nothing(
    api: Api,
    world: World,
    settings: Settings,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    file = tmp_path / "backup.tar"
    assert _backup(settings, file) == 0
    # Into a database already in use: refused.
    assert (
        _cli(
            "restore",
            "--data",
            str(tmp_path / "x"),
            "--database-url",
            settings.database_url,
            str(file),
        )
        == 1
    )
    assert "not empty" in capsys.readouterr().err
    # A backup whose document file was damaged: refused, and the new database stays empty.
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(file) as source, tarfile.open(damaged, "w") as out:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if data is not None and member.name.startswith("blobs/"):
                body = bytearray(data.read())
                body[-10] ^= 0xFF
                member.size = len(body)
                out.addfile(member, io.BytesIO(bytes(body)))
            else:
                out.addfile(member, data)
    target = tmp_path / "target"
    target.mkdir()
    url = fresh_sqlite_url(tmp_path_factory.getbasetemp(), target)
    restored = tmp_path / "restored"
    assert _cli("restore", "--data", str(restored), "--database-url", url, str(damaged)) == 1
    assert "damaged" in capsys.readouterr().err
    assert all(not rows for rows in _everything(url).values())
    assert not (restored / "ca").exists()
    # Not a backup at all.
    (tmp_path / "junk.tar").write_bytes(b"not a tar file")
    assert (
        _cli("restore", "--data", str(restored), "--database-url", url, str(tmp_path / "junk.tar"))
        == 1
    )
    assert "Nothing restored" in capsys.readouterr().err
    with tarfile.open(file) as archive:
        stored = archive.extractfile("manifest.json")
        assert stored is not None
        manifest = json.load(stored)
    assert manifest["tables"]["users"] == len(world.users)

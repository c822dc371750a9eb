"""One body backed up alone and restored into another server (``backup --body`` and
``restore --body``): its rows, files, CA and audit chain arrive whole, nothing of another body
leaves or changes, the ids that would collide are drawn anew and the chain still verifies,
and the body's laptops fetch everything again with the cursors they hold (SQLite to
PostgreSQL and back)."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from ecabinet.domain import Scope
from ecabinet.server import audit, feed
from ecabinet.server import models as m
from ecabinet.server.app import create_app
from ecabinet.server.body_backup import _of_body
from ecabinet.server.core.config import Settings, get_settings
from ecabinet.server.db import make_engine
from ecabinet.server.models import Base
from ecabinet.server.pki import server_ca
from ecabinet.signing.ca import CERT_FILE, KEY_FILE
from tests.factories import PASSWORD, World, add_user
from tests.server.conftest import Api
from tests.server.test_backup import _cli, other_database  # noqa: F401 (a fixture)
from tests.server.test_sync_push import mutation, push


def _pull_all(client: TestClient, headers: dict[str, str], since: str = "") -> list[Any]:
    changes: list[Any] = []
    cursor = since
    while True:
        params: dict[str, Any] = {"limit": 1000, **({"since": cursor} if cursor else {})}
        page = client.get("/api/v1/sync/changes", params=params, headers=headers).json()
        changes += page["changes"]
        cursor = page["cursor"]
        if not page["more"]:
            return changes


def _cursor(client: TestClient, headers: dict[str, str]) -> str:
    page = client.get("/api/v1/sync/changes", params={"limit": 1000}, headers=headers).json()
    assert not page["more"]
    cursor: str = page["cursor"]
    return cursor


def _body_rows(engine: Engine, body_id: str) -> dict[str, list[str]]:
    """Each table's rows of the body, without the ids a restore draws anew, sorted."""
    found = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in {"login_failures", "audit_switch", "blobs"}:
                continue
            drawn = table.autoincrement_column
            rows = conn.execute(select(table).where(_of_body(table, body_id))).mappings()
            found[table.name] = sorted(
                json.dumps(
                    {k: str(v) for k, v in row.items() if drawn is None or k != drawn.name},
                    sort_keys=True,
                )
                for row in rows
            )
    return found


def _server_b(data: Path, url: str) -> tuple[str, list[int]]:
    """Another server, configured for another body, with rows of its own: its feed numbers
    and audit ids would collide with the restored body's. Its body's id, and its audit ids."""
    app = create_app(get_settings(data, url, body_code="hcm", password_scrypt_n=2**10))
    with app.state.session_factory() as db:
        hcm = db.scalars(select(m.Body)).one().id
        # The same username as a member of the body restored: unique within a body only.
        user = add_user(db, hcm, "member01", ["member"])
        for n in range(3):
            feed.append(db, hcm, "user", user.id, None, Scope.SECRETARIAT)
            audit.record(db, "meeting.update", actor_id=None, body_id=hcm, detail={"n": n})
            db.commit()
        ids = list(db.scalars(select(m.AuditEntry.id).order_by(m.AuditEntry.id)))
    app.state.engine.dispose()
    return hcm, ids


def test_a_body_moves_to_another_server_whole_and_alone(
    api: Api,
    world: World,
    settings: Settings,
    other_database: str,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    item = world.item_ids[0]
    push(api, "member01", mutation("position.set", {"agenda_item_id": item, "position": "object"}))
    headers = api.headers("member01")
    held = _pull_all(api.client, headers)
    cursor = _cursor(api.client, headers)  # what member01's laptop holds
    with api.db() as db:
        gov = db.scalars(select(m.Body)).one().id
        assert audit.checkpoint(db, server_ca(settings), gov) is not None
        db.commit()  # one body's appends per transaction (append_lock.py)
        other = m.Body(code="hue", name="UBND tỉnh Thừa Thiên Huế")
        db.add(other)
        db.flush()
        add_user(db, other.id, "hue.member", ["member"])
        db.commit()
    source = api.app.state.engine
    rows_before = _body_rows(source, gov)

    file = tmp_path / "gov.tar"
    args = ("--data", str(settings.data_dir), "--database-url", settings.database_url)
    capsys.readouterr()
    # A body whose acts the server's own CA signed cannot take that key away with it.
    assert _cli("backup", *args, "--body", "hue", "--out", str(tmp_path / "hue.tar")) == 1
    assert "No backup made: the body hue has no CA of its own" in capsys.readouterr().err
    assert _cli("backup", *args, "--body", "hcm", "--out", str(tmp_path / "hcm.tar")) == 1
    assert capsys.readouterr().err.strip() == "No backup made: there is no body hcm."
    assert not list(tmp_path.glob("h*.tar*"))
    assert _cli("backup", *args, "--body", "gov", "--out", str(file)) == 0
    with tarfile.open(file) as tar:
        users = tar.extractfile("tables/users.jsonl")
        assert users is not None
        names = {json.loads(line)["username"] for line in users.read().decode().splitlines()}
        held_files = set(tar.getnames())
    assert "member01" in names and "hue.member" not in names
    assert {f"ca/{CERT_FILE}", f"ca/{KEY_FILE}", "audit.key"} <= held_files

    b_data, b_url = tmp_path / "server-b", other_database
    hcm, hcm_ids = _server_b(b_data, b_url)
    b_args = ("--data", str(b_data), "--database-url", b_url)
    monkeypatch.setenv("ECABINET_BODY_CODE", "hcm")  # server B's commands are of its own body
    capsys.readouterr()
    assert _cli("restore", *b_args, "--body", str(file)) == 0
    out = capsys.readouterr().out
    assert "Restored the body gov: " in out and "the audit log is intact" in out
    assert "The laptops of gov fetch all of it again at their next sync." in out

    target = make_engine(b_url)
    assert _body_rows(target, gov) == rows_before  # whole, ids drawn anew aside
    with target.connect() as conn:
        log = conn.execute(select(m.AuditEntry.id, m.AuditEntry.body_id)).all()
    target.dispose()
    assert [i for i, body in sorted(log) if body == hcm] == hcm_ids  # untouched
    assert min(i for i, body in log if body == gov) > max(hcm_ids)  # drawn anew
    # Every chain verifies on the new server, gov's against the CA it brought.
    assert _cli("audit", "verify", *b_args) == 0
    out = capsys.readouterr().out
    assert "gov: audit log intact: " in out and "hcm: audit log intact: 3 entries" in out
    brought = b_data / "ca" / "bodies" / "gov" / CERT_FILE
    assert brought.read_bytes() == (settings.ca_dir / CERT_FILE).read_bytes()
    assert brought.read_bytes() != (b_data / "ca" / CERT_FILE).read_bytes()  # B's own

    # The laptop keeps its token and its cursor of the other numbering: it gets it all again.
    app_b = create_app(get_settings(b_data, b_url, body_code="hcm", password_scrypt_n=2**10))
    client_b = TestClient(app_b)
    again = _pull_all(client_b, headers, since=cursor)
    assert sorted((c["type"], c["id"]) for c in again) == sorted((c["type"], c["id"]) for c in held)
    sha = world.blob_shas[0]
    assert client_b.get(f"/api/v1/blobs/{sha}", headers=headers).status_code == 200
    signed_in = {
        body: client_b.post(
            "/api/v1/auth/login",
            json={"username": "member01", "password": PASSWORD, "device_name": "d", "body": body},
        ).json()["user"]["id"]
        for body in ("gov", "hcm")
    }
    assert signed_in["gov"] == world.users["member01"] != signed_in["hcm"]
    app_b.state.engine.dispose()

    assert _cli("restore", *b_args, "--body", str(file)) == 1
    assert "Nothing restored: this server already holds the body gov." in capsys.readouterr().err
    assert _cli("restore", *b_args, str(file)) == 1
    assert "this is the backup of one body" in capsys.readouterr().err

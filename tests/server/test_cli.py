"""The server's command line: users, passwords, devices and the audit check."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import update

from ecabinet.server import models as m
from ecabinet.server.cli import main
from ecabinet.server.core.config import get_settings
from ecabinet.server.db import make_engine, make_session_factory


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_users_devices_and_audit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = str(tmp_path / "data")
    code, out, _ = run(
        capsys,
        monkeypatch,
        "create-user",
        "--data",
        data,
        "--username",
        "member27",
        "--full-name",
        "Nguyễn Văn Mới",
        "--roles",
        "member",
        "--password-stdin",
        stdin="a good long password\n",
    )
    assert code == 0
    assert out.startswith("Created member27")
    code, _, err = run(
        capsys,
        monkeypatch,
        "create-user",
        "--data",
        data,
        "--username",
        "member27",
        "--full-name",
        "X",
        "--password-stdin",
        stdin="another long password\n",
    )
    assert (code, err.strip()) == (1, "The username member27 is taken.")
    code, _, err = run(
        capsys,
        monkeypatch,
        "reset-password",
        "--data",
        data,
        "--username",
        "member27",
        "--password-stdin",
        stdin="short\n",
    )
    assert code == 1
    assert "at least 10 characters" in err
    code, _, _ = run(
        capsys,
        monkeypatch,
        "create-user",
        "--data",
        data,
        "--username",
        "x1",
        "--full-name",
        "X",
        "--roles",
        "emperor",
        "--password-stdin",
        stdin="a good long password\n",
    )
    assert code == 1
    assert (
        run(
            capsys,
            monkeypatch,
            "reset-password",
            "--data",
            data,
            "--username",
            "member27",
            "--password-stdin",
            stdin="a new long password\n",
        )[0]
        == 0
    )

    settings = get_settings(data)
    engine = make_engine(settings.database_url)
    with make_session_factory(engine)() as db:
        user = db.query(m.User).filter_by(username="member27").one()
        device = m.Device(user_id=user.id, name="laptop")
        db.add(device)
        db.commit()
        device_id = device.id
    code, out, _ = run(capsys, monkeypatch, "devices", "list", "--data", data)
    assert device_id in out
    assert "active" in out
    assert run(capsys, monkeypatch, "devices", "revoke", "--data", data, device_id)[0] == 0
    assert "revoked" in run(capsys, monkeypatch, "devices", "list", "--data", data)[1]

    code, out, _ = run(capsys, monkeypatch, "audit", "verify", "--data", data)
    assert code == 0
    assert "intact: 3 entries" in out
    with make_session_factory(engine)() as db:
        db.execute(
            update(m.AuditEntry).where(m.AuditEntry.id == 2).values(action="user.something_else")
        )
        db.commit()
    engine.dispose()
    code, out, _ = run(capsys, monkeypatch, "audit", "verify", "--data", data)
    assert code == 1
    assert "broken at entry 2" in out

"""The server's command line: users, passwords, devices and the audit check."""

from __future__ import annotations

import hashlib
import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import delete, update

from ecabinet.server import models as m
from ecabinet.server.cli import main
from ecabinet.server.core.config import get_settings
from ecabinet.server.db import make_engine, make_session_factory
from tests.pdfs import make_pdf


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
    assert (code, err.strip()) == (1, "The username member27 is taken in the body gov.")
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
    head = out.split("Head: ")[1].split()[0]
    assert run(capsys, monkeypatch, "audit", "verify", "--data", data, "--head", head)[0] == 0
    with make_session_factory(engine)() as db:
        db.execute(
            update(m.AuditEntry).where(m.AuditEntry.id == 2).values(action="user.something_else")
        )
        db.commit()
    engine.dispose()
    code, out, _ = run(capsys, monkeypatch, "audit", "verify", "--data", data)
    assert code == 1
    assert "broken at entry 2" in out


def test_bad_input_and_an_unreachable_database_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = str(tmp_path / "data")
    create = ("create-user", "--data", data, "--full-name", "X", "--password-stdin")
    code, _, err = run(
        capsys, monkeypatch, *create, "--username", "Has Space", stdin="a good long password\n"
    )
    assert (code, err.startswith("Bad username")) == (1, True)
    code, _, err = run(
        capsys, monkeypatch, *create, "--username", "member28", stdin="member28-and-more\n"
    )
    assert (code, err.strip()) == (1, "The password must not contain the username.")
    code, _, err = run(
        capsys,
        monkeypatch,
        "devices",
        "list",
        "--database-url",
        "postgresql+psycopg://nobody@127.0.0.1:1/none",
    )
    assert code == 1
    assert err.startswith("Cannot use the database:")
    assert "Traceback" not in err


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.parametrize(
    ("setting", "stack"),
    [
        ("", "HTTP parser httptools, event loop asyncio"),
        ("off", "HTTP parser h11, event loop asyncio"),
    ],
)
def test_python_m_serves_and_checks_uploads(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    setting: str,
    stack: str,
) -> None:
    """A real server process: it says where it listens and with which HTTP parser and event
    loop (httptools unless ECABINET_HTTPTOOLS=off, on asyncio's loop), answers, and checks a PDF
    upload in its spawned child processes."""
    data = str(tmp_path / "data")
    password = "a good long password"
    create = ("create-user", "--data", data, "--username", "vpcp01", "--full-name", "Văn phòng")
    made = run(
        capsys, monkeypatch, *create, "--roles", "secretariat", "--password-stdin", stdin=password
    )
    assert made[0] == 0
    port = free_port()
    env = {**os.environ, "ECABINET_DATABASE_URL": "", "ECABINET_HTTPTOOLS": setting}
    server = subprocess.Popen(
        [sys.executable, "-m", "ecabinet.server", "--data", data, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        with httpx.Client(base_url=base, timeout=10) as http:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if http.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert server.poll() is None, "the server exited"
                assert time.monotonic() < deadline, "the server did not answer in 30 s"
                time.sleep(0.1)
            token = http.post(
                "/auth/login",
                json={"username": "vpcp01", "password": password, "device_name": "test"},
            ).json()["token"]
            pdf = make_pdf(2)
            uploaded = http.post(
                "/blobs",
                content=pdf,
                headers={
                    "Authorization": f"Bearer {token}",
                    "Content-Type": "application/pdf",
                    "X-Content-SHA256": hashlib.sha256(pdf).hexdigest(),
                },
            )
            assert (uploaded.status_code, uploaded.json()["pages"]) == (201, 2)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=15)
    assert f"http://127.0.0.1:{port}" in output.decode()
    assert stack in output.decode()


def test_serve_refuses_an_unknown_parser_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECABINET_HTTPTOOLS", "fast")
    code, _, err = run(capsys, monkeypatch, "--data", str(tmp_path / "data"), "--port", "1")
    assert (code, err.strip()) == (1, "ECABINET_HTTPTOOLS must be on or off, not 'fast'.")


def test_audit_checkpoint_then_a_cut_tail_fails_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = str(tmp_path / "data")
    assert "nothing to sign" in run(capsys, monkeypatch, "audit", "checkpoint", "--data", data)[1]
    for n in (1, 2, 3):
        create = ("create-user", "--data", data, "--username", f"member{n}", "--full-name", "M")
        password = "a good long password\n"
        assert run(capsys, monkeypatch, *create, "--password-stdin", stdin=password)[0] == 0
    code, out, _ = run(capsys, monkeypatch, "audit", "checkpoint", "--data", data)
    assert (code, out.startswith("gov: signed checkpoint of the audit log at entry 3")) == (0, True)
    code, out, _ = run(capsys, monkeypatch, "audit", "verify", "--data", data)
    assert (code, "intact: 3 entries, 1 signed checkpoints" in out) == (0, True)
    engine = make_engine(get_settings(data).database_url)
    with make_session_factory(engine)() as db:
        db.execute(delete(m.AuditEntry).where(m.AuditEntry.id == 3))
        db.commit()
    engine.dispose()
    code, out, _ = run(capsys, monkeypatch, "audit", "verify", "--data", data)
    assert code == 1
    assert "the entries up to the signed checkpoint at entry 3 were removed" in out
    assert (tmp_path / "data" / "audit.key").stat().st_mode & 0o777 == 0o600

"""The ``ecabinet`` command line end to end against a real server on loopback."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from ecabinet.client.account import DATA_KEY
from ecabinet.client.cli import main
from ecabinet.client.paths import Profile
from ecabinet.client.store import LocalStore
from ecabinet.server import models as m
from ecabinet.server.cli import main as server_cli
from ecabinet.server.db import make_engine, make_session_factory
from tests.factories import PASSWORD
from tests.loopback import LiveServer


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_without_a_keyring_the_session_lives_in_memory_only(
    live_server: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The null keyring of the tests: the token lives in this process only, never on disk.
    profile = str(tmp_path / "p")
    code, out, _ = run(
        capsys,
        monkeypatch,
        "--profile",
        profile,
        "login",
        "--server",
        live_server.url,
        "--username",
        "member01",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert code == 0
    assert "Signed in as" in out
    assert "memory only" in out
    # With no keyring and no passphrase the token was kept in memory only: the next command
    # (a new process in real life) must sign in again, and nothing was written to disk.
    code, _, err = run(capsys, monkeypatch, "--profile", profile, "sync", "--json")
    assert (code, err.strip()) == (1, "Sign in first.")
    assert not (tmp_path / "p" / "secrets.enc").exists()


def test_sync_json_reports_what_it_did(
    live_server: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ecabinet.client.secrets import PassphraseFileSecrets

    profile = tmp_path / "p"
    secrets = PassphraseFileSecrets(profile / "secrets.enc", "a long passphrase")
    monkeypatch.setattr(
        "ecabinet.client.account.choose_secret_store", lambda *_args, **_kw: secrets
    )
    assert (
        run(
            capsys,
            monkeypatch,
            "--profile",
            str(profile),
            "login",
            "--server",
            live_server.url,
            "--username",
            "member01",
            "--password-stdin",
            stdin=PASSWORD + "\n",
        )[0]
        == 0
    )
    code, out, _ = run(capsys, monkeypatch, "--profile", str(profile), "sync", "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["changes_pulled"] > 0
    assert summary["bytes_downloaded"] > 0
    assert set(summary) >= {
        "changes_pulled",
        "bytes_downloaded",
        "mutations_pushed",
        "rejected",
        "seconds",
    }
    code, out, _ = run(capsys, monkeypatch, "--profile", str(profile), "status", "--json")
    status = json.loads(out)
    assert status["online"] is True
    assert status["documents_missing"] == 0
    assert status["pending"] == 0
    code, out, _ = run(capsys, monkeypatch, "--profile", str(profile), "meetings")
    assert "Phiên họp thường kỳ" in out
    code, out, _ = run(capsys, monkeypatch, "--profile", str(profile), "ballots")
    assert "Phiếu lấy ý kiến" in out
    refused_note = {
        "id": str(uuid.uuid4()),
        "document_version_id": live_server.world.version_ids[0],
        "page": 50,  # past the last page: the server refuses it
        "kind": "note",
        "text": "x",
    }
    store = LocalStore(Profile.open(profile), bytes.fromhex(secrets.get(DATA_KEY) or ""))
    mutation_id = store.record_action("annotation.put", refused_note)
    store.close()
    code, out, _ = run(capsys, monkeypatch, "--profile", str(profile), "outbox")
    assert (code, out.count("pending")) == (0, 1)
    code, out, _ = run(capsys, monkeypatch, "--profile", str(profile), "sync", "--json")
    assert json.loads(out)["rejected"] == 1
    code, out, _ = run(capsys, monkeypatch, "--profile", str(profile), "outbox")
    (line,) = out.splitlines()
    assert mutation_id in line
    assert "refused: page_out_of_range" in line


def test_wrong_password_and_offline_are_one_clear_line(
    live_server: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profile = str(tmp_path / "p")
    code, _, err = run(
        capsys,
        monkeypatch,
        "--profile",
        profile,
        "login",
        "--server",
        live_server.url,
        "--username",
        "member01",
        "--password-stdin",
        stdin="wrong\n",
    )
    assert code == 1
    assert err.strip() == "The server refused: Wrong body, username or password."
    code, _, err = run(
        capsys,
        monkeypatch,
        "--profile",
        profile,
        "login",
        "--server",
        "http://127.0.0.1:9",
        "--username",
        "member01",
        "--password-stdin",
        stdin="x\n",
    )
    assert code == 1
    assert err.startswith("Cannot reach the server")
    assert "Traceback" not in err
    code, _, err = run(capsys, monkeypatch, "--profile", profile, "sync")
    assert (code, err.strip()) == (1, "Sign in first.")


def test_a_passphrase_keeps_the_session_across_commands_without_a_keyring(
    live_server: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ECABINET_SECRETS_PASSPHRASE", "a long passphrase")
    profile = tmp_path / "p"
    code, out, _ = run(
        capsys,
        monkeypatch,
        "--profile",
        str(profile),
        "login",
        "--server",
        live_server.url,
        "--username",
        "member01",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert code == 0
    assert "encrypted under your passphrase" in out
    assert run(capsys, monkeypatch, "--profile", str(profile), "sync")[0] == 0
    token_file = (profile / "secrets.enc").read_bytes()
    assert b"member01" not in token_file


def test_a_revoked_laptop_forgets_its_session_and_key(
    live_server: LiveServer,
    cli_profile: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run(capsys, monkeypatch, "--profile", cli_profile, "sync")[0] == 0
    assert (Path(cli_profile) / "signing-key.pem").exists()
    engine = make_engine(live_server.settings.database_url)
    with make_session_factory(engine)() as db:
        (device_id,) = db.scalars(select(m.Device.id)).all()
    engine.dispose()
    # Revoked by the administrator's command line, another process than the server's.
    settings = live_server.settings
    revoke = ["devices", "revoke", device_id, "--data", str(settings.data_dir)]
    assert server_cli([*revoke, "--database-url", settings.database_url]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, monkeypatch, "--profile", cli_profile, "sync")
    assert (code, out.strip()) == (
        0,
        "This device was revoked by the Government Office: its data has been erased.",
    )
    assert not (Path(cli_profile) / "signing-key.pem").exists()
    code, out, _ = run(capsys, monkeypatch, "--profile", cli_profile, "status", "--json")
    status = json.loads(out)
    assert (status["signed_in"], status["username"], status["documents_present"]) == (
        False,
        "",
        0,
    )
    code, out, _ = run(capsys, monkeypatch, "--profile", cli_profile, "meetings")
    assert out == ""

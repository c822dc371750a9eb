"""The command line never answers with a traceback (ecabinet.client.cli_guard, .reach): each
bad input or failure is one sentence that says what happened, against a real server on
loopback; a closed pipe ends the command quietly, run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ecabinet.client.cli_guard import CLOSED_PIPE, NOT_UTF8
from ecabinet.wire.text import OTHER_NEEDS_TEXT
from tests.client.test_cli import run
from tests.factories import PASSWORD, World
from tests.loopback import LiveServer, ServerProcess, free_port

ROOT = Path(__file__).resolve().parents[2]


def login(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    profile: Path,
    server: str,
    password: str = PASSWORD,
) -> tuple[int, str, str]:
    argv = ("--profile", str(profile), "login", "--server", server, "--username", "member01")
    return run(capsys, monkeypatch, *argv, "--password-stdin", stdin=password + "\n")


def one_sentence(err: str) -> str:
    assert "Traceback" not in err
    (line,) = err.strip().splitlines()
    return line


def cli(*argv: str | bytes, stdin: bytes = b"", stdout: int | None = None) -> tuple[int, str]:
    """The command as a real process: its exit code and standard error."""
    environ = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), *sys.path]))
    done = subprocess.run(
        [sys.executable, "-m", "ecabinet.client.cli", *argv],
        input=stdin,
        stdout=subprocess.DEVNULL if stdout is None else stdout,
        stderr=subprocess.PIPE,
        env=environ,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stderr.decode("utf-8", "replace")


def test_an_address_without_a_scheme_is_given_https_and_an_http_server_is_named_as_such(
    live_server: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bare = live_server.url.removeprefix("http://")  # 127.0.0.1:PORT
    code, _, err = login(capsys, monkeypatch, tmp_path / "p", bare)
    notice, failure = err.strip().splitlines()
    assert code == 1 and "Traceback" not in err
    assert notice == f"No scheme in the server's address: trying https://{bare}."
    assert failure == (
        f"Cannot reach the server: the server at {bare} answers plain HTTP, not HTTPS: write "
        f"its address {live_server.url}, or put the server behind TLS"
    )
    code, out, err = login(capsys, monkeypatch, tmp_path / "p", f"https://{bare}")
    assert code == 1 and "answers plain HTTP, not HTTPS" in one_sentence(err)
    # Written as the sentence says, it signs in.
    assert login(capsys, monkeypatch, tmp_path / "p", live_server.url)[0] == 0


@pytest.mark.parametrize("server", ["ftp://127.0.0.1", "http://", "https://a b", "http://h:port"])
def test_what_is_not_a_server_address_is_refused_in_a_sentence(
    server: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, _, err = login(capsys, monkeypatch, tmp_path / "p", server)
    assert code == 2
    assert one_sentence(err) == (
        f"“{server}” is not a server address: write it as https://host[:port], or http:// "
        "for a test server."
    )


def test_a_server_that_is_down_is_named_and_the_actions_wait(
    server_process: tuple[ServerProcess, World],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ECABINET_SECRETS_PASSPHRASE", "a long passphrase")
    server, _world = server_process
    profile = tmp_path / "p"
    assert login(capsys, monkeypatch, profile, server.url)[0] == 0
    server.kill()
    code, out, _ = run(capsys, monkeypatch, "--profile", str(profile), "sync")
    where = server.url.removeprefix("http://")
    assert (code, out.strip()) == (
        1,
        f"Offline: nothing answers at {where} (the connection was refused): is the server "
        "running, and is its address right? Your actions wait in the outbox.",
    )
    nowhere = f"http://127.0.0.1:{free_port()}"
    code, _, err = login(capsys, monkeypatch, tmp_path / "q", nowhere)
    assert code == 1
    assert one_sentence(err).startswith("Cannot reach the server: nothing answers at 127.0.0.1:")


def test_without_a_keyring_login_says_how_to_keep_the_session_and_sync_asks_to_sign_in(
    live_server: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ECABINET_SECRETS_PASSPHRASE", raising=False)
    code, out, err = login(capsys, monkeypatch, tmp_path / "p", live_server.url)
    assert code == 0 and "memory only" in out
    assert "set ECABINET_SECRETS_PASSPHRASE" in one_sentence(err)
    code, _, err = run(capsys, monkeypatch, "--profile", str(tmp_path / "p"), "sync")
    assert (code, err.strip()) == (1, "Sign in first.")


def test_bytes_that_are_not_utf8_are_refused_in_a_sentence(
    live_server: LiveServer,
    cli_profile: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = live_server.world.document_ids[1]
    # As Python hands over an argument whose bytes are not UTF-8 (surrogateescape).
    argv = ("--profile", cli_profile, "annotate", document, "--page", "1", "--text", "x\udcff")
    code, _, err = run(capsys, monkeypatch, *argv)
    assert (code, one_sentence(err)) == (2, NOT_UTF8)
    code, _, err = login(capsys, monkeypatch, tmp_path / "p", live_server.url, "d\udcffemo")
    assert (code, one_sentence(err)) == (2, NOT_UTF8)
    # And as a real process gets them: a file name and a password in Latin-1.
    import_argv = ("--profile", cli_profile, "annotations", "import", "--document", document)
    code, err = cli(*import_argv, os.fsencode(tmp_path) + b"/ghi-ch\xfa.xfdf")
    assert (code, one_sentence(err)) == (2, NOT_UTF8)
    login_argv = ("--profile", str(tmp_path / "q"), "login", "--server", live_server.url)
    code, err = cli(*login_argv, "--username", "member01", "--password-stdin", stdin=b"m\xe2t\n")
    assert (code, one_sentence(err)) == (2, NOT_UTF8)


@pytest.mark.parametrize(
    ("command", "ends"),
    [
        (("status",), CLOSED_PIPE),
        (("meetings",), CLOSED_PIPE),
        (("search", "tai", "lieu"), CLOSED_PIPE),
        (("--help",), 0),  # argparse drops what it cannot write, and ends as asked
    ],
)
def test_a_closed_pipe_ends_the_command_quietly(
    command: tuple[str, ...], ends: int, cli_profile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from ecabinet.client.cli import main

    assert main(["--profile", cli_profile, "sync"]) == 0
    capsys.readouterr()
    reader, writer = os.pipe()
    os.close(reader)  # as `ecabinet status | head` once head has gone
    try:
        code, err = cli("--profile", cli_profile, *command, stdout=writer)
    finally:
        os.close(writer)
    assert (code, err) == (ends, "")


def test_an_other_reply_needs_its_text_as_in_the_window(
    live_server: LiveServer,
    cli_profile: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ballot = live_server.world.ballot_id
    assert run(capsys, monkeypatch, "--profile", cli_profile, "sync")[0] == 0
    reply = ("--profile", cli_profile, "ballot", "reply", ballot, "--choice", "other")
    for comment in ((), ("--comment", "  ")):
        code, _, err = run(capsys, monkeypatch, *reply, *comment)
        # Refused before a form is made or signed, in the server's own words.
        assert (code, one_sentence(err)) == (1, f"comment: {OTHER_NEEDS_TEXT}")
    assert run(capsys, monkeypatch, "--profile", cli_profile, "outbox")[1] == ""  # nothing kept
    code, out, _ = run(capsys, monkeypatch, *reply, "--comment", "Đề nghị làm rõ Điều 3")
    assert code == 0 and "signed" in out


def test_a_value_or_a_file_the_command_cannot_take_is_one_sentence(
    live_server: LiveServer,
    cli_profile: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run(capsys, monkeypatch, "--profile", cli_profile, "sync")[0] == 0
    document = live_server.world.document_ids[1]
    argv = ("--profile", cli_profile, "annotate", document, "--page", "1", "--text", "nội dung")
    code, _, err = run(capsys, monkeypatch, *argv, "--color", "red")
    assert code == 1 and one_sentence(err).startswith("Not accepted: color: ")
    missing = tmp_path / "none.p12"
    code, _, err = run(
        capsys, monkeypatch, "--profile", cli_profile, "keys", "import-p12", str(missing)
    )
    assert (code, one_sentence(err)) == (1, f"No such file or directory: {missing}")
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    code, _, err = run(capsys, monkeypatch, "--profile", str(a_file), "status")
    assert (code, one_sentence(err)) == (
        1,
        f"This profile folder cannot be used (File exists): {a_file}",
    )
    with pytest.raises(SystemExit) as usage:  # argparse's usage error, in its one line
        run(capsys, monkeypatch, "--profile", cli_profile, "search", "x", "--offset", "-1")
    assert usage.value.code == 2
    assert capsys.readouterr().err.strip().endswith("argument --offset: -1 is below 0")

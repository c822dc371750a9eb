"""Signing in to a body against a real server on loopback: the server holds the Government and
Hà Nội's People's Committee, each with a "member01"; the account and ``ecabinet login --body``
sign in to the one named, and the store remembers which body it is, by code and name."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ecabinet.client.account import Account
from ecabinet.client.api import ApiProblem, ServerApi
from ecabinet.client.cli import main
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets, PassphraseFileSecrets
from tests.factories import PASSWORD
from tests.loopback import HANOI, HANOI_PASSWORD, LiveServer, add_hanoi


@pytest.fixture
def hanoi(live_server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> LiveServer:
    return add_hanoi(live_server, monkeypatch)


def _account(folder: Path) -> Account:
    return Account.open(Profile.open(folder), secrets=MemorySecrets())


def test_the_account_signs_in_to_the_body_it_names(hanoi: LiveServer, tmp_path: Path) -> None:
    account = _account(tmp_path / "hn")
    assert account.sign_in(hanoi.url, "member01", HANOI_PASSWORD, body_code="hanoi") == "Trần B"
    state = account.store.get_state
    assert (state("body_code"), state("body_name")) == ("hanoi", HANOI)
    assert state("user_id") != hanoi.world.users["member01"]  # not the Government's member01

    gov = _account(tmp_path / "gov")
    assert gov.sign_in(hanoi.url, "member01", PASSWORD) == "Member01"  # no body: the server's
    assert gov.store.get_state("user_id") == hanoi.world.users["member01"]
    assert gov.store.get_state("body_code") == "gov"
    assert gov.store.get_state("body_name") == hanoi.settings.body_name


def test_the_api_lists_the_bodies_before_signing_in(hanoi: LiveServer) -> None:
    bodies = ServerApi(hanoi.url).bodies()  # no token
    assert [(b.code, b.name) for b in bodies] == [
        (hanoi.settings.body_code, hanoi.settings.body_name),
        ("hanoi", HANOI),
    ]


def test_a_server_without_the_list_answers_a_problem(hanoi: LiveServer) -> None:
    """What an older server says (no such route): the dialog then lets the code be typed."""
    with pytest.raises(ApiProblem) as refused:
        ServerApi(f"{hanoi.url}/older").bodies()  # an address where nothing answers the list
    assert refused.value.status == 404


def test_the_wrong_body_is_refused_as_a_wrong_password(hanoi: LiveServer, tmp_path: Path) -> None:
    for body, password in (("", HANOI_PASSWORD), ("gov", HANOI_PASSWORD), ("hue", PASSWORD)):
        account = _account(tmp_path / (body or "none"))
        with pytest.raises(ApiProblem) as refused:
            account.sign_in(hanoi.url, "member01", password, body_code=body)
        assert (refused.value.status, refused.value.code) == (401, "bad_credentials")
        assert not account.signed_in


def test_login_on_the_command_line_takes_the_body(
    hanoi: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A passphrase file for the session, so that the next command finds it signed in.
    secrets = PassphraseFileSecrets(tmp_path / "p" / "secrets.enc", "a long passphrase")
    monkeypatch.setattr(
        "ecabinet.client.account.choose_secret_store", lambda *_args, **_kw: secrets
    )
    profile = ["--profile", str(tmp_path / "p")]
    monkeypatch.setattr("sys.stdin", io.StringIO(HANOI_PASSWORD + "\n"))
    argv = ["login", "--server", hanoi.url, "--body", "hanoi", "--username", "member01"]
    assert main([*profile, *argv, "--password-stdin"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Signed in as Trần B (member01, {HANOI});")
    assert main([*profile, "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert (status["username"], status["body"]) == ("member01", "hanoi")

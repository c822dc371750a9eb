"""Signing with a key that never leaves a PKCS#11 token (SoftHSM2 stands in for the USB token,
tests/usb_token.py): the PIN asked of a PinSource, again after a wrong one, never on a cancel."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import select, update

from ecabinet.client import acts
from ecabinet.client.cli import main
from ecabinet.server import models as m
from ecabinet.signing.pin import (
    USER_PIN_COUNT_LOW,
    USER_PIN_FINAL_TRY,
    USER_PIN_LOCKED,
    PinRequest,
    PinSource,
    SigningCancelled,
    locked,
    request_for,
)
from tests.client.test_acts import change_on_server, on_server
from tests.loopback import LiveServer, signed_in
from tests.usb_token import PIN, set_up_token

pkcs11 = pytest.importorskip("pkcs11", reason="python-pkcs11 is not installed")


def answering(*pins: str | None) -> tuple[PinSource, list[PinRequest]]:
    """A PinSource that answers ``pins`` in order, and the requests it was given."""
    asked: list[PinRequest] = []
    left = list(pins)

    def source(request: PinRequest) -> str | None:
        asked.append(request)
        return left.pop(0)

    return source, asked


def test_votes_and_replies_signed_on_the_token_are_accepted(
    usb_token: str, live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().sync()
    assert "member01" in set_up_token(account, usb_token, live_server)
    monkeypatch.setenv("ECABINET_TOKEN_PIN", PIN)
    acts.reply_to_ballot(account, live_server.world.ballot_id, "agree")
    item = live_server.world.item_ids[0]
    change_on_server(
        live_server, update(m.AgendaItem).where(m.AgendaItem.id == item).values(vote_status="open")
    )
    acts.cast_vote(account, item, "agree")
    result = account.sync_service().sync()
    assert (result.mutations_pushed, result.rejected) == (2, 0)
    assert len(on_server(live_server, select(m.BallotResponse))) == 1
    assert len(on_server(live_server, select(m.Vote))) == 1


def test_setting_up_the_token_from_the_command_line(
    usb_token: str,
    live_server: LiveServer,
    cli_profile: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    capsys.readouterr()
    assert (
        main(
            [
                "--profile",
                cli_profile,
                "keys",
                "use-token",
                "--library",
                usb_token,
                "--token-label",
                "ecabinet",
                "--key-label",
                "sig",
                "--chain",
                str(live_server.settings.ca_dir / "ca.pem"),
                "--pin-stdin",
            ]
        )
        == 0
    )
    assert "signs on the token" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("0000\n"))
    assert (
        main(
            [
                "--profile",
                str(tmp_path / "q"),
                "keys",
                "use-token",
                "--library",
                usb_token,
                "--token-label",
                "ecabinet",
                "--key-label",
                "sig",
                "--pin-stdin",
            ]
        )
        == 1
    )


def test_a_wrong_pin_is_asked_again_with_the_tries_the_token_reports(
    usb_token: str, live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().sync()
    set_up_token(account, usb_token, live_server)
    source, asked = answering("0000", PIN)
    account.ask_pin_with(source)
    acts.reply_to_ballot(account, live_server.world.ballot_id, "agree")
    assert [r.wrong_before for r in asked] == [False, True]
    assert asked[0].token_label == "ecabinet"
    # SoftHSM2 counts a wrong PIN with CKF_USER_PIN_COUNT_LOW (and never locks the token).
    assert asked[1].count_low
    result = account.sync_service().sync()
    assert (result.mutations_pushed, result.rejected) == (1, 0)
    (reply,) = on_server(live_server, select(m.BallotResponse))
    assert reply.choice == "agree"


def test_a_cancelled_pin_signs_nothing_and_keeps_nothing(
    usb_token: str, live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().sync()
    set_up_token(account, usb_token, live_server)
    source, asked = answering("0000", None)
    account.ask_pin_with(source)
    with pytest.raises(SigningCancelled):
        acts.reply_to_ballot(account, live_server.world.ballot_id, "agree")
    assert len(asked) == 2
    assert account.store.count_outbox("pending") == 0
    assert account.latest_form(live_server.world.ballot_id) is None


def test_the_token_flags_say_what_to_tell_the_member() -> None:
    """SoftHSM2 never locks a user PIN, so the lock is read here from the flags' numbers as
    PKCS#11 defines them (a real token sets them; TokenSigner reads them before each try)."""
    assert locked(USER_PIN_LOCKED | USER_PIN_COUNT_LOW)
    assert not locked(USER_PIN_COUNT_LOW | USER_PIN_FINAL_TRY)
    last = request_for("t", USER_PIN_COUNT_LOW | USER_PIN_FINAL_TRY, wrong_before=True)
    assert (last.count_low, last.final_try, last.wrong_before) == (True, True, True)
    first = request_for("t", 0x0400, wrong_before=False)  # CKF_TOKEN_INITIALIZED only
    assert not (first.count_low or first.final_try or first.wrong_before)


def test_the_command_line_without_a_terminal_or_pin_says_so_in_one_sentence(
    usb_token: str,
    live_server: LiveServer,
    cli_profile: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PIN + "\n"))
    ca = str(live_server.settings.ca_dir / "ca.pem")
    use = ["keys", "use-token", "--library", usb_token, "--token-label", "ecabinet", "--chain", ca]
    assert main(["--profile", cli_profile, *use, "--key-label", "sig", "--pin-stdin"]) == 0
    assert main(["--profile", cli_profile, "sync"]) == 0
    monkeypatch.delenv("ECABINET_TOKEN_PIN", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: nobody to ask
    capsys.readouterr()
    reply = ["ballot", "reply", live_server.world.ballot_id, "--choice", "agree"]
    assert main(["--profile", cli_profile, *reply]) == 1
    said = capsys.readouterr().err
    assert "ECABINET_TOKEN_PIN" in said and "nothing was signed" in said
    assert said.count("\n") == 1
    monkeypatch.setenv("ECABINET_TOKEN_PIN", PIN)
    assert main(["--profile", cli_profile, *reply]) == 0

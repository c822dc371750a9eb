"""``ecabinet speak`` and ``ecabinet checkin`` end to end against a real server on loopback:
the act is saved with its outbox entry, sent at the next sync, and reaches the chair's list
and the quorum."""

from __future__ import annotations

import pytest
import requests
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.db import make_engine, make_session_factory
from tests.client.test_cli import run
from tests.factories import PASSWORD
from tests.loopback import LiveServer


def _office(live: LiveServer, act: str) -> requests.Response:
    token = requests.post(
        f"{live.url}/api/v1/auth/login",
        json={"username": "secretariat", "password": PASSWORD, "device_name": "office"},
        timeout=10,
    ).json()["token"]
    return requests.post(
        f"{live.url}/api/v1/meetings/{live.world.meeting_id}/{act}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )


def speakers_on_server(live: LiveServer, item_id: str) -> list[tuple[str, bool]]:
    engine = make_engine(live.settings.database_url)
    try:
        with make_session_factory(engine)() as db:
            rows = db.execute(
                select(m.User.username, m.SpeakerRequest.withdrawn)
                .join(m.User, m.User.id == m.SpeakerRequest.user_id)
                .where(m.SpeakerRequest.agenda_item_id == item_id)
            ).all()
            return [(name, withdrawn) for name, withdrawn in rows]
    finally:
        engine.dispose()


def test_a_member_asks_to_speak_and_withdraws_from_the_command_line(
    live_server: LiveServer,
    cli_profile: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    item = live_server.world.item_ids[0]
    code, _, err = run(capsys, monkeypatch, "--profile", cli_profile, "speak", item)
    assert code == 1 and "sync first" in err  # the item is not on this laptop yet
    assert run(capsys, monkeypatch, "--profile", cli_profile, "sync")[0] == 0
    code, out, _ = run(capsys, monkeypatch, "--profile", cli_profile, "speak", item)
    assert code == 0 and "asked to speak" in out
    assert speakers_on_server(live_server, item) == []  # saved here, not yet sent
    assert "speaker.request" in run(capsys, monkeypatch, "--profile", cli_profile, "outbox")[1]
    assert run(capsys, monkeypatch, "--profile", cli_profile, "sync")[0] == 0
    assert speakers_on_server(live_server, item) == [("member01", False)]
    code, out, _ = run(capsys, monkeypatch, "--profile", cli_profile, "speak", item, "--withdraw")
    assert code == 0 and "withdrawn" in out
    assert run(capsys, monkeypatch, "--profile", cli_profile, "sync")[0] == 0
    assert speakers_on_server(live_server, item) == [("member01", True)]


def test_a_member_checks_in_from_the_command_line_once_the_roll_call_is_open(
    live_server: LiveServer,
    cli_profile: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    meeting = live_server.world.meeting_id
    assert run(capsys, monkeypatch, "--profile", cli_profile, "sync")[0] == 0
    code, _, err = run(capsys, monkeypatch, "--profile", cli_profile, "checkin", meeting)
    assert code == 1 and "not open" in err
    assert _office(live_server, "start").status_code == 200
    opened = _office(live_server, "attendance/open")
    assert opened.json()["quorum"]["present_members"] == 0
    assert run(capsys, monkeypatch, "--profile", cli_profile, "sync")[0] == 0
    code, out, _ = run(capsys, monkeypatch, "--profile", cli_profile, "checkin", meeting)
    assert code == 0 and "Checked in" in out
    assert run(capsys, monkeypatch, "--profile", cli_profile, "sync")[0] == 0
    closed = _office(live_server, "attendance/close").json()
    assert closed["quorum"]["present_members"] == 1  # member01, from the laptop

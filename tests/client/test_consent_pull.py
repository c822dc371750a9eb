"""A member takes an item off the consent list from the laptop (rule 6), by the act and by
the command line, against a real server on loopback; and the CLI's listings in official time."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecabinet.client import acts
from ecabinet.client.cli import main
from ecabinet.server import models as m
from ecabinet.server.db import make_engine, make_session_factory
from tests.loopback import LiveServer, cli_login, signed_in


def pulled_by(live_server: LiveServer, item_id: str) -> str | None:
    engine = make_engine(live_server.settings.database_url)
    try:
        with make_session_factory(engine)() as db:
            item = db.get(m.AgendaItem, item_id)
            assert item is not None
            return item.consent_pulled_by
    finally:
        engine.dispose()


def test_a_member_pulls_an_item_off_the_list_from_the_command_line(
    live_server: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = live_server.world
    item_id = world.item_ids[0]
    profile = str(tmp_path / "cli")
    assert cli_login(monkeypatch, profile, live_server.url, "member02") == 0
    assert main(["--profile", profile, "sync"]) == 0
    capsys.readouterr()
    assert main(["--profile", profile, "meetings"]) == 0
    assert "(giờ Hà Nội)" in capsys.readouterr().out  # rule 7, whatever this machine's zone
    assert main(["--profile", profile, "consent", "pull", item_id]) == 0
    assert "consent list" in capsys.readouterr().out
    assert pulled_by(live_server, item_id) is None  # saved on the laptop, not yet sent
    assert main(["--profile", profile, "sync"]) == 0
    assert pulled_by(live_server, item_id) == world.users["member02"]


def test_the_act_is_refused_on_the_laptop_for_an_unknown_item(
    live_server: LiveServer, tmp_path: Path
) -> None:
    member = signed_in(live_server.url, tmp_path / "m")
    member.sync_service().sync()
    with pytest.raises(acts.NotAllowed):
        acts.pull_from_consent(member, "00000000-0000-4000-8000-000000000000")
    acts.pull_from_consent(member, live_server.world.item_ids[1])
    assert member.sync_service().sync().rejected == 0
    assert (
        pulled_by(live_server, live_server.world.item_ids[1]) == live_server.world.users["member01"]
    )

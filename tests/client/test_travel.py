"""'Ready to travel': every paper of what is coming is on the laptop, or the list of what is not."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from ecabinet.client.cli import main
from ecabinet.client.travel import readiness
from tests.loopback import LiveServer, signed_in


def test_ready_only_when_every_paper_is_here(live_server: LiveServer, tmp_path: Path) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().pull(threading.Event())  # the list, not the files
    before = readiness(account)
    # Four papers of the published meeting and the open ballot's draft; never the draft meeting.
    assert len(before.papers) == 5
    assert not before.ready
    assert len(before.missing) == 5
    account.sync_service().sync()
    after = readiness(account)
    assert after.ready
    assert after.missing == ()


def test_the_command_line_says_what_is_missing_and_fetches_it(
    cli_profile: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    capsys.readouterr()
    assert main(["--profile", cli_profile, "ready"]) == 0  # nothing synced yet: nothing is due
    assert main(["--profile", cli_profile, "ready", "--fetch"]) == 0
    assert "Sẵn sàng đi công tác" in capsys.readouterr().out
    assert main(["--profile", cli_profile, "ready", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["ready"] is True and len(shown["papers"]) == 5
    assert all(paper["present"] and paper["context"] for paper in shown["papers"])

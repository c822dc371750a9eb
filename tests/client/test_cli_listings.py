"""The command line's listings (ecabinet.client.cli_listings) against a real server on
loopback: a meeting's agenda items and documents with the ids the other commands take, and
``--json`` on every listing, its times in +07:00 (rule 7)."""

from __future__ import annotations

import json

import pytest

from tests.client.test_cli import run
from tests.loopback import LiveServer


def test_a_meeting_lists_its_items_and_documents_with_their_ids(
    live_server: LiveServer,
    cli_profile: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = live_server.world
    assert run(capsys, monkeypatch, "--profile", cli_profile, "sync")[0] == 0
    code, out, _ = run(capsys, monkeypatch, "--profile", cli_profile, "meetings", "--json")
    meetings = {m["id"]: m for m in json.loads(out)}
    assert code == 0 and world.meeting_id in meetings
    assert meetings[world.meeting_id]["starts_at"].endswith("+07:00")

    code, out, _ = run(capsys, monkeypatch, "--profile", cli_profile, "meeting", world.meeting_id)
    lines = out.splitlines()
    assert code == 0 and lines[0].endswith(f"[{world.meeting_id}]")
    for item_id in world.item_ids:
        assert sum(line.endswith(f"[{item_id}]") for line in lines) == 1
    for document_id in world.document_ids:
        (line,) = [line for line in lines if line.endswith(f"[{document_id}]")]
        assert line.startswith("    ") and "on this laptop" in line

    argv = ("--profile", cli_profile, "meeting", world.meeting_id, "--json")
    code, out, _ = run(capsys, monkeypatch, *argv)
    shown = json.loads(out)
    assert shown["meeting"]["id"] == world.meeting_id
    assert [item["id"] for item in shown["items"]] == world.item_ids
    documents = [d for item in shown["items"] for d in item["documents"]]
    assert sorted(d["id"] for d in documents) == sorted(world.document_ids)
    assert all(d["present"] and d["version"]["pages"] == 2 for d in documents)


def test_an_unknown_meeting_is_one_sentence_that_says_where_the_ids_are(
    cli_profile: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, err = run(capsys, monkeypatch, "--profile", cli_profile, "meeting", "no-such-id")
    assert (code, out) == (1, "")
    assert err.strip().startswith("No meeting no-such-id on this laptop")
    assert "ecabinet meetings" in err and len(err.strip().splitlines()) == 1


def test_ballots_and_outbox_have_json_too(
    live_server: LiveServer,
    cli_profile: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = live_server.world
    assert run(capsys, monkeypatch, "--profile", cli_profile, "sync")[0] == 0
    code, out, _ = run(capsys, monkeypatch, "--profile", cli_profile, "ballots", "--json")
    (ballot,) = [b for b in json.loads(out) if b["id"] == world.ballot_id]
    assert (ballot["replied"], ballot["may_reply"]) == (False, True)
    assert [d["id"] for d in ballot["documents"]] == [world.ballot_document_id]
    assert ballot["deadline"].endswith("+07:00")
    code, out, _ = run(capsys, monkeypatch, "--profile", cli_profile, "ballots")
    assert f"[{world.ballot_document_id}]" in out  # its paper's id, for annotate

    item = world.item_ids[0]
    assert run(capsys, monkeypatch, "--profile", cli_profile, "speak", item)[0] == 0
    code, out, _ = run(capsys, monkeypatch, "--profile", cli_profile, "outbox", "--json")
    (waiting,) = json.loads(out)
    assert (waiting["type"], waiting["status"], waiting["code"]) == (
        "speaker.request",
        "pending",
        None,
    )
    assert waiting["created_at"].endswith("+07:00")

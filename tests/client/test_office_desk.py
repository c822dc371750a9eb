"""The Government Office's client functions against a real server on loopback: the agenda
edited item by item, a written ballot reminded and closed, and the record read and exported."""

from __future__ import annotations

import stat
from pathlib import Path

from ecabinet.client import meetings, office, record
from tests.loopback import LiveServer, signed_in


def test_the_office_edits_an_agenda_item_by_item(live_server: LiveServer, tmp_path: Path) -> None:
    secretariat = signed_in(live_server.url, tmp_path / "office", "secretariat")
    meeting_id = live_server.world.draft_meeting_id

    def titles() -> list[str]:
        return [e.item.title for e in meetings.workspace(secretariat, meeting_id).agenda]

    meetings.act(secretariat, lambda: meetings.add_item(secretariat, meeting_id, {"title": "Mới"}))
    assert titles() == ["Nháp", "Mới"]
    added = meetings.workspace(secretariat, meeting_id).agenda[1].item.id
    meetings.act(
        secretariat, lambda: meetings.update_item(secretariat, added, {"title": "Bổ sung"})
    )
    assert titles() == ["Nháp", "Bổ sung"]
    first = meetings.workspace(secretariat, meeting_id).agenda[0].item.id
    order = [added, first]
    meetings.act(secretariat, lambda: meetings.reorder_items(secretariat, meeting_id, order))
    assert titles() == ["Bổ sung", "Nháp"]
    meetings.act(secretariat, lambda: meetings.delete_item(secretariat, added))
    assert titles() == ["Nháp"]
    meetings.act(secretariat, lambda: meetings.meeting_act(secretariat, meeting_id, "publish"))
    assert secretariat.store.meeting(meeting_id).status == "published"


def test_the_office_reminds_closes_and_finds_it_on_the_record(
    live_server: LiveServer, tmp_path: Path
) -> None:
    secretariat = signed_in(live_server.url, tmp_path / "office", "secretariat")
    ballot_id = live_server.world.ballot_id
    assert [(b.id, b.status) for b in office.ballots(secretariat)] == [(ballot_id, "open")]
    office.ballot_act(secretariat, ballot_id, "remind")
    office.ballot_act(secretariat, ballot_id, "close")
    assert [b.status for b in office.ballots(secretariat)] == ["closed"]

    rows = record.audit(secretariat, {"action": "ballot", "limit": 10})
    assert [r.action for r in rows] == ["ballot.close", "ballot.remind"]  # newest first
    assert record.audit(secretariat, {"before_id": rows[0].id, "limit": 1}) == rows[1:]

    target = tmp_path / "nhat-ky.csv"
    assert record.export_audit(secretariat, {"action": "ballot"}, target) == target
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("id,at,actor,action") and len(lines) == 3
    assert "ballot.remind" in lines[2]
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # the member's alone, like the profile

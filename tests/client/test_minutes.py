"""The minutes of a session, end to end on a real server: attendance, speakers, a signed vote
by name, a conclusion; the Government Office's signed PDF (pyHanko and pdfsig), JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest

from ecabinet.client import acts
from ecabinet.client.cli import main
from ecabinet.pdf.text_layout import page_texts
from ecabinet.signing.keys import certificate_from_pem
from ecabinet.signing.pades import check_signed_pdf, pades_level
from tests.client.test_acts import _pdfsig_says_valid
from tests.loopback import LiveServer, cli_login, signed_in


def test_the_office_signs_the_minutes_of_a_session(
    live_server: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = live_server.world
    item_id = world.item_ids[0]
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    office.api._request("POST", f"/meetings/{world.meeting_id}/start").close()
    present = [world.users[u] for u in ("chair", "member01", "member02", "member03", "member04")]
    office.api.set_attendance(world.meeting_id, present)
    members = {}
    for username in ("member01", "member02", "member03"):
        members[username] = signed_in(live_server.url, tmp_path / username, username)
        members[username].sync_service().sync()
    members["member02"].store.record_action("speaker.request", {"agenda_item_id": item_id})
    members["member02"].sync_service().sync()
    chair = signed_in(live_server.url, tmp_path / "c", "chair")
    speech = chair.api.next_speaker(item_id)  # the chair gives member02 the floor
    assert chair.api.end_speech(speech.id).ended_at is not None
    chair.api.open_vote(item_id)
    for username, choice in (
        ("member01", "agree"),
        ("member02", "agree"),
        ("member03", "disagree"),
    ):
        members[username].sync_service().sync()
        acts.cast_vote(members[username], item_id, choice)
        assert members[username].sync_service().sync().rejected == 0
    chair.api.close_vote(item_id)
    office.api._request(
        "POST", f"/items/{item_id}/conclusions", json={"text": "Giao Bộ Tư pháp hoàn thiện."}
    ).close()

    profile = str(tmp_path / "office-cli")
    assert cli_login(monkeypatch, profile, live_server.url, "secretariat") == 0
    pdf, record, votes = tmp_path / "bien-ban.pdf", tmp_path / "bb.json", tmp_path / "bb.csv"
    argv = ["--profile", profile, "minutes", world.meeting_id, "--pdf", str(pdf)]
    # Rule 8: no minutes while the session is still in progress, said in one clear line.
    assert main(argv) == 1
    assert "close the session first" in capsys.readouterr().err
    assert not pdf.exists()
    office.api._request("POST", f"/meetings/{world.meeting_id}/close").close()
    speeches = tmp_path / "phat-bieu.csv"
    assert (
        main(
            [*argv, "--json", str(record), "--csv", str(votes)] + ["--speakers-csv", str(speeches)]
        )
        == 0
    )
    assert "signed minutes" in capsys.readouterr().out
    # The member's alone, like the profile, whatever the umask.
    assert {stat.S_IMODE(p.stat().st_mode) for p in (pdf, record, votes, speeches)} == {0o600}

    data = json.loads(record.read_text(encoding="utf-8"))
    first = data["items"][0]
    assert len(data["present"]) == 5 and data["total_members"] == 6
    assert data["starts_at"].endswith("+07:00")  # official time in the export (rule 7)
    assert first["result"]["agree"] == 2 and first["result"]["passed"] is False  # 2 of 6
    assert first["speakers"] == ["Member02"]
    assert first["speeches"][0]["full_name"] == "Member02" and first["speeches"][0]["ended_at"]
    spoken = list(csv.DictReader(io.StringIO(speeches.read_text(encoding="utf-8"))))
    assert [(r["luot"], r["ho_ten"]) for r in spoken] == [("1", "Member02")]
    assert first["conclusions"] == ["Giao Bộ Tư pháp hoàn thiện."]
    rows = list(csv.DictReader(io.StringIO(votes.read_text(encoding="utf-8"))))
    assert all(r["thoi_diem"].endswith("+07:00") for r in rows)
    assert sorted((r["ho_ten"], r["bieu_quyet"]) for r in rows) == [
        ("Member01", "agree"), ("Member02", "agree"), ("Member03", "disagree"),
    ]  # fmt: skip
    text = " ".join(page.text for page in page_texts(pdf.read_bytes()))
    for words in ("BIÊN BẢN PHIÊN HỌP", "Member03: Không tán thành", "Kết luận: Giao Bộ Tư pháp"):
        assert words in " ".join(text.split())
    ca = certificate_from_pem(office.store.get_state("ca_pem"))
    assert check_signed_pdf(pdf.read_bytes(), [ca]).valid
    assert pades_level(pdf.read_bytes()) == "B-LT"  # the body's timestamp and CRL inside
    _pdfsig_says_valid(pdf, live_server.settings.ca_dir / "ca.pem", tmp_path)


def test_members_may_not_read_the_minutes_record(live_server: LiveServer, tmp_path: Path) -> None:
    from ecabinet.client.api import ApiProblem

    member = signed_in(live_server.url, tmp_path / "m")
    with pytest.raises(ApiProblem) as refused:
        member.api.minutes(live_server.world.meeting_id)
    assert refused.value.status == 403

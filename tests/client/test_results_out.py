"""The Government Office issues a decided item's conclusion notice from the laptop, end to end
on a real server: the notice is built from the session's record, signed with the device's key,
uploaded and queued as an edXML package to the presenting ministry, and its delivery state is
read back."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring
from sqlalchemy import select

from ecabinet.client import acts
from ecabinet.client.cli import main
from ecabinet.client.signed_in import Member
from ecabinet.pdf.text_layout import page_texts
from ecabinet.server import models as m
from ecabinet.server.db import make_engine, make_session_factory
from ecabinet.server.interconnect.edxml import NS
from ecabinet.signing.keys import certificate_from_pem
from ecabinet.signing.pades import check_signed_pdf
from tests.loopback import LiveServer, cli_login, signed_in

Q = f"{{{NS}}}"
CONCLUSION = "Giao Bộ Tư pháp hoàn thiện dự thảo, trình trước ngày 15."


def a_held_session(live_server: LiveServer, tmp_path: Path) -> Member:
    """The Office's laptop after the world's session was held and closed with a conclusion
    on its first item."""
    world = live_server.world
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    office.api._request("POST", f"/meetings/{world.meeting_id}/start").close()
    office.api.add_conclusion(world.item_ids[0], CONCLUSION)
    office.api._request("POST", f"/meetings/{world.meeting_id}/close").close()
    return office


def test_the_office_issues_a_signed_conclusion_notice_to_the_presenting_ministry(
    live_server: LiveServer, tmp_path: Path
) -> None:
    world = live_server.world
    item_id = world.item_ids[0]
    office = a_held_session(live_server, tmp_path)
    office.sync_service().sync()

    signers = ("KT. Bộ trưởng, Chủ nhiệm", "Trần Văn Sơn")
    issuing = acts.Issuing("123", acts.NOTICE_NOTATION, *signers)
    queued = acts.issue_conclusion_notice(office, world.meeting_id, item_id, issuing)
    assert (queued.kind, queued.to_organ_id, queued.state) == ("result", "000.00.00.G06", "waiting")
    [listed] = [p for p in office.api.interconnect_outbox() if p.kind == "result"]
    assert listed.id == queued.id and listed.description.startswith("Số 123/TB-VPCP")

    engine = make_engine(live_server.settings.database_url)
    try:
        with make_session_factory(engine)() as db:
            xml = db.scalars(
                select(m.InterconnectStatus.xml).where(m.InterconnectStatus.id == queued.id)
            ).one()
    finally:
        engine.dispose()
    root = fromstring(xml.encode("utf-8"))
    value = root.findtext(f"{Q}AttachmentEncoded/{Q}Attachment/{Q}Value") or ""
    pdf = base64.b64decode(value)
    ca = certificate_from_pem(office.api._request("GET", "/pki/ca.pem").text)
    assert check_signed_pdf(pdf, [ca]).valid
    text = " ".join(" ".join(page.text for page in page_texts(pdf)).split())
    assert "Số: 123/TB-VPCP" in text and "Giao Bộ Tư pháp hoàn thiện" in text


def test_the_office_issues_a_closed_ballot_s_summary_from_the_command_line(
    live_server: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = live_server.world
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    office.api._request("POST", f"/ballots/{world.ballot_id}/close").close()
    profile = str(tmp_path / "office-cli")
    assert cli_login(monkeypatch, profile, live_server.url, "secretariat") == 0
    argv = ["--profile", profile, "result", "summary", world.ballot_id, "--number", "45"]
    # Nothing of the ballot came through the exchange: the Office must name the ministry.
    assert main(argv) == 1
    assert "presenting organ is not known" in capsys.readouterr().err
    assert main([*argv, "--to", "000.00.00.G06"]) == 0
    assert "45/BC-VPCP" in capsys.readouterr().out
    [queued] = [p for p in office.api.interconnect_outbox() if p.kind == "result"]
    assert (queued.to_organ_id, queued.ballot_id, queued.state) == (
        "000.00.00.G06",
        world.ballot_id,
        "waiting",
    )


def test_the_office_issues_a_conclusion_notice_from_the_command_line(
    live_server: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = live_server.world
    item_id = world.item_ids[0]
    office = a_held_session(live_server, tmp_path)
    profile = str(tmp_path / "office-cli")
    assert cli_login(monkeypatch, profile, live_server.url, "secretariat") == 0
    assert main(["--profile", profile, "sync"]) == 0
    capsys.readouterr()
    argv = ["--profile", profile, "result", "notice", world.meeting_id, item_id]
    assert main([*argv, "--number", "124", "--signer-name", "Trần Văn Sơn"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Conclusion notice Số 124/TB-VPCP") and "000.00.00.G06" in said
    [queued] = [p for p in office.api.interconnect_outbox() if p.kind == "result"]
    assert (queued.to_organ_id, queued.agenda_item_id) == ("000.00.00.G06", item_id)

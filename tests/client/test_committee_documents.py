"""On the server of Hà Nội's People's Committee (its configured body), what the laptop makes
speaks of the Committee: a member's signed reply form, the Office's signed minutes and its
conclusion notice, issued under the Committee's notation; none says "Chính phủ"."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring
from sqlalchemy import select

from ecabinet.client import acts
from ecabinet.pdf.text_layout import page_texts
from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.server.interconnect.edxml import NS
from tests.client.test_acts import on_server
from tests.client.test_results_out import a_held_session
from tests.loopback import HANOI, LiveServer, synced

Q = f"{{{NS}}}"


@pytest.fixture
def server_settings(server_settings: Settings) -> Settings:
    """The Committee runs its own server: it is the configured body, on the exchange."""
    return server_settings.with_changes(
        body_code="hanoi", body_name=HANOI, interconnect_organ_id="000.00.00.H26"
    )


def text(pdf: bytes) -> str:
    return " ".join(" ".join(page.text for page in page_texts(pdf)).split())


def test_a_member_s_reply_form_names_the_committee(live_server: LiveServer, tmp_path: Path) -> None:
    world = live_server.world
    account = synced(live_server, tmp_path / "p")
    acts.reply_to_ballot(account, world.ballot_id, "agree")
    said = text(acts.last_form(account, world.ballot_id))
    assert f"PHIẾU LẤY Ý KIẾN THÀNH VIÊN {HANOI.upper()}" in said
    assert f"Thành viên {HANOI}: " in said and "CHÍNH PHỦ" not in said.upper()
    assert account.sync_service().sync().rejected == 0  # the server takes it as any form


def test_the_office_s_minutes_and_notice_name_the_committee(
    live_server: LiveServer, tmp_path: Path
) -> None:
    world = live_server.world
    office = a_held_session(live_server, tmp_path)
    office.sync_service().sync()
    minutes, *_exports = acts.signed_minutes(office, world.meeting_id)
    said = text(minutes)
    assert f"BIÊN BẢN PHIÊN HỌP {HANOI.upper()}" in said
    assert f"Thành viên {HANOI}" in said and "CHÍNH PHỦ" not in said.upper()

    notation = acts.notation(office, for_item=True)
    assert notation == "TB-UBND"
    issuing = acts.Issuing("9", notation, "KT. Chủ tịch", "Trần Văn Sơn")
    queued = acts.issue_conclusion_notice(office, world.meeting_id, world.item_ids[0], issuing)
    (xml,) = on_server(
        live_server, select(m.InterconnectStatus.xml).where(m.InterconnectStatus.id == queued.id)
    )
    value = fromstring(xml.encode("utf-8")).findtext(f"{Q}AttachmentEncoded/{Q}Attachment/{Q}Value")
    said = text(base64.b64decode(value or ""))
    assert "Số: 9/TB-UBND" in said and f"Kết luận của {HANOI} về Nội dung 1" in said
    assert f"{HANOI} đã thảo luận" in said and "CHÍNH PHỦ" not in said.upper()

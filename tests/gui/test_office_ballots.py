"""The Government Office's written ballots in the desktop, against a real server: prepare with
a draft, refuse a bad file in words, send, watch a member's signed reply, remind, close, and
save the signed summary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from ecabinet.client import acts
from ecabinet.signing.keys import certificate_from_pem
from ecabinet.signing.pades import check_signed_pdf
from tests.loopback import LiveServer, signed_in
from tests.pdfs import make_pdf
from ui.office.ballots import OfficeBallots
from ui.tasks import TaskManager

WAIT = 30_000


def fill(page: OfficeBallots, title: str, drafts: list[Path]) -> None:
    page.title.setText(title)
    page.question.setPlainText("Đề nghị Thành viên Chính phủ cho ý kiến về dự thảo.")
    deadline = datetime.now(UTC) + timedelta(days=2)
    page.deadline.setDateTime(QDateTime.fromSecsSinceEpoch(int(deadline.timestamp())))
    for path in drafts:
        page.drafts.add_file(path)


def test_the_office_prepares_sends_watches_and_closes_a_ballot(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    office.sync_service().sync()
    page = OfficeBallots(office, tasks)
    qtbot.addWidget(page)
    with qtbot.wait_signal(page.message_shown, timeout=WAIT) as told:
        page.submit_new()  # nothing filled in
    assert "Hãy nhập tiêu đề" in told.args[0]

    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"GIF89a this is an image")
    fill(page, "Phiếu về dự thảo Nghị định", [bad])
    with qtbot.wait_signal(page.message_shown, timeout=WAIT) as told:
        page.submit_new()
    assert "scan.pdf" in told.args[0] and "PDF" in told.args[0]
    with qtbot.wait_signal(page.loaded, timeout=WAIT) as listed:
        page.reload()
    before = len(listed.args[0])  # the refused file made no ballot

    draft = tmp_path / "du-thao.pdf"
    draft.write_bytes(make_pdf(2, "Dự thảo Nghị định xin ý kiến"))
    page.drafts.clear()
    page.drafts.add_file(draft)
    with qtbot.wait_signal(page.watched, timeout=WAIT) as shown:
        page.submit_new()
    ballot = shown.args[0].ballot
    assert ballot.status == "draft" and page.act_buttons["send"].isEnabled()
    qtbot.waitUntil(lambda: page.ballots.count() == before + 1, timeout=WAIT)

    with qtbot.wait_signal(
        page.watched, timeout=WAIT, check_params_cb=lambda w: w.ballot.status == "open"
    ):
        page.act("send")
    member = signed_in(live_server.url, tmp_path / "m")
    member.sync_service().sync()
    acts.reply_to_ballot(member, ballot.id, "other", "Đề nghị làm rõ Điều 3")
    assert member.sync_service().sync().rejected == 0
    with qtbot.wait_signal(page.watched, timeout=WAIT) as shown:
        page.watch(ballot.id)
    rows = [page.replies.topLevelItem(i) for i in range(page.replies.topLevelItemCount())]
    assert [(r.text(1), r.text(3)) for r in rows] == [("Ý kiến khác", "Đề nghị làm rõ Điều 3")]
    assert "Chưa trả lời" in page.missing.text()
    with qtbot.wait_signal(page.message_shown, timeout=WAIT) as told:
        page.act("remind")
    assert "nhắc" in told.args[0]
    with qtbot.wait_signal(
        page.watched, timeout=WAIT, check_params_cb=lambda w: w.ballot.status == "closed"
    ):
        page.act("close")
    target = tmp_path / "tong-hop.pdf"
    with qtbot.wait_signal(page.message_shown, timeout=WAIT) as told:
        page.save_summary(target)
    assert "Đã lưu" in told.args[0] and "PAdES B-LT" in told.args[0]  # how long it holds up
    ca = certificate_from_pem(office.store.get_state("ca_pem"))
    assert check_signed_pdf(target.read_bytes(), [ca]).valid
    assert "Đề nghị làm rõ Điều 3" in target.with_suffix(".csv").read_text(encoding="utf-8")

"""The decision screens against a real server: positions, signed votes, signed ballot replies,
the chair's board and vote console."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ecabinet.client import acts
from ecabinet.client.account import Account
from ecabinet.signing.keys import certificate_from_pem
from ecabinet.signing.pades import check_signed_pdf, pades_level
from tests.loopback import LiveServer, signed_in, synced
from ui.decisions.ballot_page import BallotPage
from ui.decisions.board import PositionBoard
from ui.decisions.item_panel import ItemDecisionPanel
from ui.decisions.vote_console import VoteConsole
from ui.tasks import TaskManager
from ui.widgets.cards import CHIP, TITLE

WAIT = 30_000


def panel_for(
    qtbot: QtBot, account: Account, tasks: TaskManager, item_id: str
) -> ItemDecisionPanel:
    panel = ItemDecisionPanel(account, tasks)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.wait_signal(panel.shown, timeout=WAIT):
        panel.show_item(item_id)
    return panel


def choose_position(panel: ItemDecisionPanel, choice: str) -> None:
    for button in panel.position_buttons.buttons():
        if button.property("choice") == choice:
            button.setChecked(True)


def test_a_position_is_saved_then_reaches_the_board(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    item_id = live_server.world.item_ids[1]
    member = synced(live_server, tmp_path / "m")
    panel = panel_for(qtbot, member, tasks, item_id)
    assert "Chưa cho ý kiến" in panel.position_state.text()
    with qtbot.wait_signal(panel.message_shown, timeout=WAIT) as told:
        panel.save_position.click()  # nothing chosen yet
    assert "Hãy chọn" in told.args[0]
    choose_position(panel, "wish_to_speak")
    panel.comment.setText("Về Điều 5")
    with qtbot.wait_signal(panel.acted, timeout=WAIT):
        panel.save_position.click()
    assert member.store.count_outbox("pending") == 1  # saved before the panel said so
    qtbot.waitUntil(lambda: "chờ gửi" in panel.position_state.text(), timeout=WAIT)
    assert member.sync_service().sync().rejected == 0
    panel.show_item(item_id)
    qtbot.waitUntil(lambda: "đã gửi" in panel.position_state.text(), timeout=WAIT)

    chair = synced(live_server, tmp_path / "c", "chair")
    board = PositionBoard(chair, tasks)
    qtbot.addWidget(board)
    with qtbot.wait_signal(board.loaded, timeout=WAIT) as loaded:
        board.show_meeting(live_server.world.meeting_id)
    shown = loaded.args[0]
    row = next(i for i in shown.items if i.item_id == item_id)
    assert row.wish_to_speak == 1 and not row.consent
    cells = [board.table.item(1, c).text() for c in range(board.table.columnCount())]
    assert "Đăng ký phát biểu" in cells
    # Item 1 has no objection and nobody wishing to speak: proposed for the consent list...
    # unless nobody marked it at all; the server decides, the screen shows its answer.
    assert ("Nội dung 1" in board.consent.text()) == any(
        i.consent for i in shown.items if i.item_id == live_server.world.item_ids[0]
    )


def test_guests_see_no_vote_buttons_and_why(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    guest = synced(live_server, tmp_path / "g", "guest")
    panel = panel_for(qtbot, guest, tasks, live_server.world.item_ids[0])
    assert not any(b.isVisibleTo(panel) for b in panel.vote_buttons.values())
    assert "khách mời" in panel.vote_state.text()


def test_the_chair_opens_a_vote_members_vote_and_the_count_follows(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    item_id = world.item_ids[0]
    chair = synced(live_server, tmp_path / "c", "chair")
    console = VoteConsole(chair, tasks)
    qtbot.addWidget(console)
    console.show()
    with qtbot.wait_signal(console.counted, timeout=WAIT):
        console.show_meeting(world.meeting_id)
    assert console.current_item_id() == item_id
    assert "Chưa đủ túc số" in console.quorum.text()
    with qtbot.wait_signal(console.message_shown, timeout=WAIT) as refused:
        console.open_button.click()
    assert "phiên họp đang diễn ra" in refused.args[0]  # not started: refused, in words

    secretariat = signed_in(live_server.url, tmp_path / "s", "secretariat")
    started = secretariat.api._request("POST", f"/meetings/{world.meeting_id}/start")
    assert started.status_code == 200
    with qtbot.wait_signal(console.message_shown, timeout=WAIT) as refused:
        console.open_button.click()
    assert "hai phần ba" in refused.args[0]  # no quorum yet

    present = [world.users[u] for u in ("chair", "member01", "member02", "member03", "member04")]
    secretariat.api.set_attendance(world.meeting_id, present)
    with qtbot.wait_signal(
        console.counted, timeout=WAIT, check_params_cb=lambda c: c.vote_status == "open"
    ):
        console.open_button.click()
    assert console.timer.isActive()  # polling while the vote is open and on screen

    member = synced(live_server, tmp_path / "m")
    panel = panel_for(qtbot, member, tasks, item_id)
    assert all(b.isVisibleTo(panel) for b in panel.vote_buttons.values())
    with qtbot.wait_signal(panel.acted, timeout=WAIT):
        panel.cast_vote("agree")
    assert member.sync_service().sync().rejected == 0  # the server verified the signature
    with qtbot.wait_signal(console.counted, timeout=WAIT, check_params_cb=lambda c: c.agree == 1):
        pass  # the next poll brings it
    assert [value for _name, value, _colour in console.chart.bars][:3] == [1, 0, 0]
    console.chart.grab()  # paints without error
    with qtbot.wait_signal(
        console.counted, timeout=WAIT, check_params_cb=lambda c: c.vote_status == "closed"
    ):
        console.close_button.click()
    assert not console.timer.isActive()
    assert console.result.text().startswith("Không được thông qua")  # 1 of 6 is not over half


def ballot_page(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> tuple[Account, BallotPage]:
    """A member synced with the server, and the ballot page showing the world's ballot."""
    member = synced(live_server, tmp_path / "m")
    page = BallotPage(member, tasks)
    qtbot.addWidget(page)
    page.show()
    with qtbot.wait_signal(page.shown, timeout=WAIT):
        page.show_ballot(live_server.world.ballot_id)
    return member, page


def test_a_ballot_reply_is_signed_on_the_laptop(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    member, page = ballot_page(qtbot, live_server, tmp_path, tasks)
    assert page.reply_box.isVisibleTo(page)
    assert page.drafts.count() == 1
    # The draft is a card: its title, its state and "new" until read as chips.
    chips = [text for text, _tone in page.drafts.item(0).data(CHIP)]
    assert chips[0] == "Mới" and chips[-1] in ("Có trên máy", "Chưa tải về")
    assert not page.replies.isVisibleTo(page)  # no empty box before the first reply
    with qtbot.wait_signal(page.open_document, timeout=WAIT) as opened:
        page.drafts.itemActivated.emit(page.drafts.item(0))
    assert opened.args == [world.ballot_document_id]
    assert "Hãy chọn" in page.problem()
    page.choices.buttons()[2].setChecked(True)  # other opinion, without a word
    assert "hãy ghi rõ" in page.problem()
    page.comment.setPlainText("Đề nghị làm rõ khoản 2")
    assert page.problem() == ""
    with qtbot.wait_signal(page.acted, timeout=WAIT):
        page.reply()
    assert "PAdES B-LT" in page.note.text()  # online: timestamped, and the member is told
    qtbot.waitUntil(lambda: page.replies.count() == 1, timeout=WAIT)
    assert "chờ gửi" in page.replies.item(0).text()
    assert page.replies.item(0).data(TITLE) == "Ý kiến khác — “Đề nghị làm rõ khoản 2”"
    assert [text for text, _ in page.replies.item(0).data(CHIP)] == ["chờ gửi", "đang có hiệu lực"]
    assert member.sync_service().sync().rejected == 0
    target = tmp_path / "phieu.pdf"
    with qtbot.wait_signal(page.message_shown, timeout=WAIT):
        page.save_form_to(target)
    ca = certificate_from_pem(member.store.get_state("ca_pem"))
    assert check_signed_pdf(target.read_bytes(), [ca]).valid
    page.show_ballot(world.ballot_id)
    qtbot.waitUntil(lambda: "đã gửi" in page.replies.item(0).text(), timeout=WAIT)


def test_signing_a_reply_never_holds_the_local_lane_waiting_on_the_network(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    member, page = ballot_page(qtbot, live_server, tmp_path, tasks)
    page.choices.buttons()[0].setChecked(True)
    # The network goes quiet after the last sync: a server that takes the connection and
    # never answers, until the test lets go of it.
    with socket.create_server(("127.0.0.1", 0)) as silent:
        member.api.base_url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        page.reply()
        silent.settimeout(WAIT / 1000)
        held, _ = silent.accept()  # the signing is asking the server, and waits
        # Meanwhile the local lane writes at once: the signing is not on it.
        write = tasks.run_local(lambda: member.store.set_state(probe="written"))
        qtbot.waitUntil(write.done, timeout=WAIT)
        assert member.store.get_state("probe") == "written"
        assert member.store.count_outbox("pending") == 0  # the reply is still being signed
        with qtbot.wait_signal(page.acted, timeout=WAIT):
            held.close()  # the server is gone: signed without a timestamp
    assert member.store.count_outbox("pending") == 1
    assert pades_level(acts.last_form(member, world.ballot_id)) == "B-B"
    assert "chưa có dấu thời gian (PAdES B-B)" in page.note.text()


@pytest.mark.parametrize(("members", "line"), [(6, 4), (26, 14), (27, 14), (1, 1)])
def test_the_chart_line_is_more_than_half_of_all_members(members: int, line: int) -> None:
    from ecabinet.domain import is_passed
    from ui.decisions.chart import majority_line

    assert majority_line(members) == line
    assert is_passed(line, 0, members, None)
    assert not is_passed(line - 1, 0, members, None)


def test_a_closed_ballot_shows_its_result_and_takes_no_reply(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    secretariat = signed_in(live_server.url, tmp_path / "s", "secretariat")
    closed = secretariat.api._request("POST", f"/ballots/{world.ballot_id}/close")
    assert closed.status_code == 200
    member = synced(live_server, tmp_path / "m")
    page = BallotPage(member, tasks)
    qtbot.addWidget(page)
    page.show()
    with qtbot.wait_signal(page.shown, timeout=WAIT):
        page.show_ballot(world.ballot_id)
    assert "Kết quả: Không thông qua" in page.deadline.text()  # nobody answered
    assert not page.reply_box.isVisibleTo(page)


def test_the_office_records_attendance_a_conclusion_and_signs_the_minutes(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    office = synced(live_server, tmp_path / "s", "secretariat")
    office.api._request("POST", f"/meetings/{world.meeting_id}/start").close()
    console = VoteConsole(office, tasks)
    qtbot.addWidget(console)
    console.show()
    tools = console.tools
    with qtbot.wait_signal(console.counted, timeout=WAIT):
        console.show_meeting(world.meeting_id)
    qtbot.waitUntil(lambda: len(tools.roll.boxes) == 6, timeout=WAIT)  # every member, no guests
    for box in tools.roll.boxes[:4]:
        box.setChecked(True)
    with qtbot.wait_signal(tools.attendance_recorded, timeout=WAIT) as recorded:
        tools.record_attendance.click()
    assert recorded.args[0].present_members == 4 and recorded.args[0].has_quorum
    qtbot.waitUntil(lambda: "4/6" in console.quorum.text(), timeout=WAIT)
    tools.conclusion.setPlainText("Thống nhất thông qua.")
    with qtbot.wait_signal(tools.message_shown, timeout=WAIT) as told:
        tools.save_conclusion.click()
    assert "Đã ghi kết luận" in told.args[0]
    pdf = tmp_path / "bien-ban.pdf"
    with qtbot.wait_signal(tools.message_shown, timeout=WAIT) as told:
        tools.save_minutes(pdf)  # still in session: no minutes yet (rule 8), said in words
    assert "Chỉ lập biên bản cho phiên họp đã được tổ chức" in told.args[0]
    assert not pdf.exists()
    office.api._request("POST", f"/meetings/{world.meeting_id}/close").close()
    with qtbot.wait_signal(tools.message_shown, timeout=WAIT) as told:
        tools.save_minutes(pdf)
    assert "Đã lưu" in told.args[0] and "PAdES B-LT" in told.args[0]  # how long it holds up
    ca = certificate_from_pem(office.store.get_state("ca_pem"))
    assert check_signed_pdf(pdf.read_bytes(), [ca]).valid
    assert "Thống nhất thông qua." in pdf.with_suffix(".json").read_text(encoding="utf-8")

    chair = synced(live_server, tmp_path / "c", "chair")
    chairs = VoteConsole(chair, tasks)
    qtbot.addWidget(chairs)
    chairs.show_meeting(world.meeting_id)
    with qtbot.wait_signal(chairs.tools.message_shown, timeout=WAIT) as refused:
        chairs.tools.save_attendance()  # the office's act, not the chair's
    assert "không có quyền" in refused.args[0]

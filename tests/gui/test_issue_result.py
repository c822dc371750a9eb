"""The Government Office's desktop and the document exchange's organs, against a real server:
the agenda builder takes the presenting ministry from the organs table (a completer over any
part of a name, free text still allowed), and "Gửi kết quả qua trục liên thông" issues a
decided item's conclusion notice or a closed ballot's summary to the presenting ministry,
prefilled as the server chooses it, with every refusal said in Vietnamese."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ecabinet.client import meetings
from ecabinet.client.account import Account
from ecabinet.domain.organs import ORGANS
from tests.loopback import LiveServer, signed_in
from ui.office.agenda_builder import AgendaBuilder
from ui.office.issue_result import Decided, IssueResultDialog
from ui.office.meetings import OfficeMeetings
from ui.tasks import TaskManager

WAIT = 30_000


def added(qtbot: QtBot, builder: AgendaBuilder, title: str, presenter: str) -> None:
    builder.title.setText(title)
    builder.presenter.setEditText(presenter)
    with qtbot.wait_signal(builder.changed, timeout=WAIT):
        builder.add_item()


def test_the_builder_takes_the_presenting_ministry_from_the_organs_table(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    office.sync_service().sync()
    builder = AgendaBuilder(office, tasks)
    qtbot.addWidget(builder)
    space = meetings.workspace(office.member, world.meeting_id)
    builder.show_agenda(world.meeting_id, space.agenda)
    choice = builder.presenter
    assert [choice.itemText(i) for i in range(choice.count())] == [o.name for o in ORGANS]
    completer = choice.completer()
    assert completer is not None
    completer.setCompletionPrefix("tài chính")  # any part of the name, any case
    found = completer.completionModel()
    assert [found.index(r, 0).data() for r in range(found.rowCount())] == ["Bộ Tài chính"]

    # The notation, or the name in other capitals, is saved as the table writes it; a body
    # outside the Government as typed.
    added(qtbot, builder, "Báo cáo ngân sách", "btc")
    added(qtbot, builder, "Báo cáo kiểm toán", "Kiểm toán Nhà nước")
    presenters = {i.title: i.presenter for i in office.store.agenda_items(world.meeting_id)}
    assert presenters["Báo cáo ngân sách"] == "Bộ Tài chính"
    assert presenters["Báo cáo kiểm toán"] == "Kiểm toán Nhà nước"
    assert choice.count() == len(ORGANS)  # typed text is not added to the list


def issue(qtbot: QtBot, dialog: IssueResultDialog) -> str:
    """Press "Ký số và gửi" and wait for the answer, said under the form."""
    dialog.issue_button.click()
    qtbot.waitUntil(dialog.issue_button.isEnabled, timeout=WAIT)
    return dialog.note.text()


def prefilled(qtbot: QtBot, dialog: IssueResultDialog, name: str) -> None:
    qtbot.waitUntil(lambda: dialog.recipient.currentText() == name, timeout=WAIT)


def closed_session(live_server: LiveServer, office: Account) -> None:
    world = live_server.world
    office.api._request("POST", f"/meetings/{world.meeting_id}/start").close()
    office.api.add_conclusion(world.item_ids[0], "Giao Bộ Tư pháp hoàn thiện dự thảo.")
    office.api._request("POST", f"/meetings/{world.meeting_id}/close").close()
    office.sync_service().sync()


def test_the_office_issues_a_conclusion_notice_from_the_desktop(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    closed_session(live_server, office)
    items = [Decided(world.item_ids[0], "1. Nội dung 1"), Decided(world.item_ids[1], "2.")]
    dialog = IssueResultDialog(office, tasks, items, world.meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    # The item's presenter names Bộ Tư pháp: the server would send it there.
    prefilled(qtbot, dialog, "Bộ Tư pháp")
    assert dialog.notation.text() == "TB-VPCP"
    assert dialog.signer_position.placeholderText() == "KT. Bộ trưởng, Chủ nhiệm"

    dialog.issue_button.click()  # no number: asked for, nothing sent
    assert dialog.note.text() == "Hãy nhập số và ký hiệu của văn bản (ví dụ 123 và TB-VPCP)."
    dialog.number.setText("123")
    dialog.recipient.setEditText("Sở Tài chính Hà Nội")
    dialog.issue_button.click()
    assert "không có trong danh sách cơ quan liên thông" in dialog.note.text()
    assert all(p.kind != "result" for p in office.api.interconnect_outbox())

    dialog.recipient.setEditText("bộ tư pháp")
    with qtbot.wait_signal(dialog.issued, timeout=WAIT) as told:
        dialog.issue_button.click()
    assert "Bộ Tư pháp" in told.args[0] and "123/TB-VPCP" in told.args[0]
    [queued] = [p for p in office.api.interconnect_outbox() if p.kind == "result"]
    assert (queued.to_organ_id, queued.agenda_item_id) == ("000.00.00.G06", world.item_ids[0])
    assert queued.description.startswith("Số 123/TB-VPCP")

    assert "đã được gửi" in issue(qtbot, dialog)  # the same number twice
    dialog.choice.setCurrentIndex(1)  # an item with no conclusion and no vote
    prefilled(qtbot, dialog, "Bộ Tư pháp")
    dialog.number.setText("124")
    assert "chưa có kết luận" in issue(qtbot, dialog)
    assert len([p for p in office.api.interconnect_outbox() if p.kind == "result"]) == 1


def test_the_office_issues_a_closed_ballot_s_summary_to_the_ministry_it_names(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    office.api._request("POST", f"/ballots/{world.ballot_id}/close").close()
    dialog = IssueResultDialog(office, tasks, [Decided(world.ballot_id, "Phiếu")])
    qtbot.addWidget(dialog)
    assert dialog.notation.text() == "BC-VPCP"
    dialog.number.setText("45")
    # Nothing of the ballot came through the exchange: the server cannot tell, nor can we.
    assert "Không xác định được cơ quan trình" in issue(qtbot, dialog)
    dialog.recipient.setCurrentIndex(dialog.recipient.findText("Bộ Tư pháp"))
    with qtbot.wait_signal(dialog.issued, timeout=WAIT) as told:
        dialog.issue_button.click()
    assert "45/BC-VPCP" in told.args[0]
    [queued] = [p for p in office.api.interconnect_outbox() if p.kind == "result"]
    assert (queued.to_organ_id, queued.ballot_id) == ("000.00.00.G06", world.ballot_id)


def test_the_meetings_screen_offers_the_issue_on_a_closed_session_only(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    office.sync_service().sync()
    page = OfficeMeetings(office, tasks)
    qtbot.addWidget(page)
    page.meeting_id = world.meeting_id
    with qtbot.wait_signal(page.shown, timeout=WAIT):
        page.reload()
    assert page.issue_button.isHidden()  # papers sent, not yet held
    closed_session(live_server, office)
    with qtbot.wait_signal(page.shown, timeout=WAIT):
        page.reload()
    assert not page.issue_button.isHidden()
    page.issue_button.click()
    dialog = page.issue_dialog
    assert dialog.isVisible() and dialog.meeting_id == world.meeting_id
    assert [dialog.choice.itemData(i) for i in range(dialog.choice.count())] == world.item_ids
    prefilled(qtbot, dialog, "Bộ Tư pháp")
    dialog.number.setText("7")
    with qtbot.wait_signal(page.message_shown, timeout=WAIT) as told:
        dialog.issue_button.click()
    assert "7/TB-VPCP" in told.args[0]  # the screen says it too

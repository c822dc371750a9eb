"""The Government Office prepares a meeting in the desktop, against a real server: the form and
invitations, the agenda (add, reorder by drag, paper only), documents dropped and checked at
once, a new version, publishing, and who received and opened what; a whole folder imported;
the chair moves the session along and adopts the consent list."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ecabinet.client import acts
from ecabinet.client.account import Account
from ecabinet.client.meetings import Workspace
from tests.gui.test_rules import answer_next_question
from tests.loopback import LiveServer, signed_in, synced
from tests.pdfs import make_pdf
from ui.decisions.vote_console import VoteConsole
from ui.office.meetings import ROLE, OfficeMeetings
from ui.style import tokens
from ui.tasks import TaskManager
from ui.widgets.cards import CHIP

WAIT = 30_000


def office_page(qtbot: QtBot, live: LiveServer, root: Path, tasks: TaskManager) -> OfficeMeetings:
    office = signed_in(live.url, root, "secretariat")
    office.sync_service().sync()
    page = OfficeMeetings(office, tasks)
    qtbot.addWidget(page)
    with qtbot.wait_signal(page.shown, timeout=WAIT):
        page.reload()
    return page


def drop_files(page: OfficeMeetings, paths: list[Path]) -> None:
    """Files dropped from the file manager on the documents list (its drop handler with a
    real drop event: offscreen Qt has no drag and drop session to send one through)."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.agenda.documents.dropEvent(event)


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(1))))
    writer.encrypt("mat-khau")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def shown_after(
    qtbot: QtBot, page: OfficeMeetings, check: Callable[[Workspace], bool] | None = None
) -> Workspace:
    with qtbot.wait_signal(page.shown, timeout=WAIT, check_params_cb=check) as shown:
        pass
    space: Workspace = shown.args[0]
    return space


def test_the_office_prepares_publishes_and_follows_a_meeting(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    page = office_page(qtbot, live_server, tmp_path / "s", tasks)
    page.new_meeting()
    shown_after(qtbot, page)
    with qtbot.wait_signal(page.message_shown, timeout=WAIT) as told:
        page.save_button.click()
    assert "tên phiên họp" in told.args[0]
    page.form.title.setText("Phiên họp chuyên đề về chuyển đổi số")
    page.form.place.setText("Phòng họp số 1")
    for name in page.form.choices:
        page.form.set_invitation(name, "")
    page.form.set_invitation(world.users["member01"], "member")
    page.form.set_invitation(world.users["guest"], "guest")
    page.save_button.click()
    space = shown_after(qtbot, page, lambda s: s.meeting is not None)
    assert space.meeting is not None and space.meeting.status == "draft"
    assert {(i.user_id, i.kind.value) for i in space.meeting.invitations} == {
        (world.users["member01"], "member"),
        (world.users["guest"], "guest"),
    }

    builder = page.agenda
    for title, paper in (("Báo cáo", False), ("Dự thảo Nghị định", False), ("Phương án mật", True)):
        builder.title.setText(title)
        builder.presenter.setText("Bộ Thông tin")
        builder.minutes.setValue(20)
        builder.paper_only.setChecked(paper)
        builder.add_button.click()

        def listed(s: Workspace, t: str = title) -> bool:
            return t in [e.item.title for e in s.agenda]

        shown_after(qtbot, page, listed)
    assert builder.items.count() == 3
    # Drag the last item to the top: the order is saved on the server and reread.
    builder.items.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    space = shown_after(
        qtbot, page, lambda s: [e.item.title for e in s.agenda][0] == "Phương án mật"
    )
    assert [e.item.position for e in space.agenda] == [1, 2, 3]

    builder.items.setCurrentRow(0)  # the paper-only item takes no file
    assert not builder.documents.isEnabled() and not builder.attach_button.isEnabled()
    builder.items.setCurrentRow(2)  # "Dự thảo Nghị định"
    scan, locked = tmp_path / "scan.pdf", tmp_path / "mat.pdf"
    scan.write_bytes(b"GIF89a an image, not a PDF")
    locked.write_bytes(encrypted_pdf())
    for path, words in ((scan, "không phải tệp PDF"), (locked, "mã hoá")):
        with qtbot.wait_signal(builder.message_shown, timeout=WAIT) as told:
            drop_files(page, [path])
        assert path.name in told.args[0] and words in told.args[0]
    draft = tmp_path / "du-thao-nghi-dinh.pdf"
    draft.write_bytes(make_pdf(3, "Dự thảo Nghị định về chuyển đổi số"))
    drop_files(page, [draft])
    space = shown_after(qtbot, page, lambda s: bool(s.agenda[2].documents))
    (attached,) = space.agenda[2].documents
    assert (attached.version, attached.filename) == (1, "du-thao-nghi-dinh.pdf")
    assert builder.documents.count() == 1

    newer = tmp_path / "du-thao-v2.pdf"
    newer.write_bytes(make_pdf(3, "Dự thảo Nghị định, bản tiếp thu"))
    builder.documents.setCurrentRow(0)
    builder.replace_version(newer)
    space = shown_after(qtbot, page, lambda s: s.agenda[2].documents[0].version == 2)

    page.next_button.click()  # "Gửi tài liệu tới người được mời"
    space = shown_after(qtbot, page, lambda s: s.meeting.status == "published")
    member = signed_in(live_server.url, tmp_path / "m", "member01")
    member.sync_service().sync()
    meeting_id = space.meeting.id
    assert meeting_id in {m.id for m in member.store.meetings()}
    assert acts.mark_read(member, attached.document.id)
    member.sync_service().sync()
    with qtbot.wait_signal(page.delivery_shown, timeout=WAIT) as followed:
        page.follow_button.click()
    delivery = followed.args[0]
    assert (attached.document.id, world.users["member01"]) in delivery.opened
    rows = {
        page.delivery.topLevelItem(i).text(0): page.delivery.topLevelItem(i)
        for i in range(page.delivery.topLevelItemCount())
    }
    assert len(rows) == 2
    member_row = next(r for name, r in rows.items() if "Chưa" not in r.text(1))
    assert "Chưa mở" not in member_row.text(2)  # opened, with the date
    guest_row = next(r for r in rows.values() if r is not member_row)
    assert (guest_row.text(1), guest_row.text(2)) == ("Chưa", "Chưa mở")


MANIFEST = """\
meeting:
  title: Phiên họp Chính phủ thường kỳ tháng 12
  starts_at: 2026-12-15T08:30:00+07:00
items:
  - order: 1
    title: Báo cáo tình hình kinh tế - xã hội
    presenter: Bộ Tài chính
    submission: bao-cao.pdf
  - order: 2
    title: Dự thảo Nghị định
    presenter: Bộ Tư pháp
    submission: to-trinh.pdf
    draft: du-thao.pdf
"""


def test_a_folder_becomes_a_meeting_only_when_every_file_is_right(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    page = office_page(qtbot, live_server, tmp_path / "s", tasks)
    before = page.list.count()
    folder = tmp_path / "phien-hop-12"
    folder.mkdir()
    (folder / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    (folder / "bao-cao.pdf").write_bytes(make_pdf(2, "Báo cáo"))
    (folder / "to-trinh.pdf").write_bytes(b"not a pdf")
    refused = lambda text: "Chưa nhập" in text  # noqa: E731
    with qtbot.wait_signal(page.message_shown, timeout=WAIT, check_params_cb=refused) as told:
        page.import_folder(folder)
    assert "to-trinh.pdf" in told.args[0] and "du-thao.pdf" in told.args[0]
    page.reload()
    assert shown_after(qtbot, page) and page.list.count() == before  # nothing was made

    (folder / "to-trinh.pdf").write_bytes(make_pdf(1, "Tờ trình"))
    (folder / "du-thao.pdf").write_bytes(make_pdf(4, "Dự thảo"))
    page.import_folder(folder)
    space = shown_after(qtbot, page, lambda s: s.meeting is not None)
    assert space.meeting is not None and space.meeting.status == "draft"
    assert [len(e.documents) for e in space.agenda] == [1, 2]
    assert page.list.count() == before + 1


def test_the_chair_moves_to_an_item_and_adopts_the_consent_list(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    first, second = world.item_ids
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    office.api.meeting_act(world.meeting_id, "start")
    present = ("chair", "member01", "member02", "member03", "member04")
    office.api.set_attendance(world.meeting_id, [world.users[u] for u in present])
    for username in ("chair", "member02", "member03", "member04"):  # 4 of 6: over half
        member = signed_in(live_server.url, tmp_path / username, username)
        member.sync_service().sync()
        for item in (first, second):
            acts.set_position(member, item, "no_objection")
        member.sync_service().sync()
    objector: Account = signed_in(live_server.url, tmp_path / "m", "member01")
    objector.sync_service().sync()
    acts.set_position(objector, second, "object", "Chưa đủ cơ sở")
    objector.sync_service().sync()

    chair = signed_in(live_server.url, tmp_path / "c2", "chair")
    chair.sync_service().sync()
    console = VoteConsole(chair, tasks)
    qtbot.addWidget(console)
    control = console.control
    console.show_meeting(world.meeting_id)
    qtbot.waitUntil(control.consent_button.isEnabled, timeout=WAIT)
    assert control.consent_ids == [first]  # the objection keeps the second item out
    assert "1." in control.consent.text()
    asked: list[str] = []
    answer_next_question(QMessageBox.StandardButton.Yes, asked)  # the chair confirms
    with qtbot.wait_signal(console.message_shown, timeout=WAIT) as told:
        control.consent_button.click()
    assert "Đã thông qua 1" in told.args[0] and "4/6" in asked[0]
    qtbot.waitUntil(lambda: console.items.item(0).text().startswith("✓"), timeout=WAIT)
    qtbot.waitUntil(lambda: not control.consent_button.isEnabled(), timeout=WAIT)
    assert control.consent_ids == []  # decided: no longer proposed

    console.items.setCurrentRow(1)
    with qtbot.wait_signal(console.message_shown, timeout=WAIT) as told:
        control.discuss_button.click()
    assert "Đã chuyển" in told.args[0]
    qtbot.waitUntil(lambda: console.items.item(1).text().startswith("▶"), timeout=WAIT)
    assert console.items.item(1).data(CHIP) == ("Đang thảo luận", tokens.OK)  # its card's chip
    assert chair.store.get("agenda_item", second).status == "discussing"


def test_a_guest_is_invited_to_the_items_ticked_and_receives_only_those(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    first, second = world.item_ids
    guest_id, member_id = world.users["guest"], world.users["member01"]
    guest = synced(live_server, tmp_path / "g", "guest")
    assert [i.id for i in guest.store.agenda_items(world.meeting_id)] == [first]
    page = office_page(qtbot, live_server, tmp_path / "s", tasks)
    row = next(
        page.list.item(i)
        for i in range(page.list.count())
        if page.list.item(i).data(ROLE) == world.meeting_id
    )
    with qtbot.wait_signal(page.shown, timeout=WAIT):
        page.list.setCurrentItem(row)
    form = page.form
    guest_row = form.rows[guest_id]
    assert [guest_row.child(i).text(0) for i in range(guest_row.childCount())] == [
        "1. Nội dung 1",
        "2. Nội dung 2",
    ]
    assert form.guest_items() == {guest_id: [first]}  # as the server holds the invitation

    # A member made a guest is offered the agenda; none ticked is the whole meeting.
    form.set_invitation(member_id, "guest")
    assert form.rows[member_id].childCount() == 2 and member_id not in form.guest_items()
    form.set_invitation(member_id, "member")
    assert form.rows[member_id].childCount() == 0

    guest_row.child(0).setCheckState(0, Qt.CheckState.Unchecked)
    guest_row.child(1).setCheckState(0, Qt.CheckState.Checked)
    page.save_button.click()
    space = shown_after(
        qtbot,
        page,
        lambda s: (
            s.meeting is not None
            and any(i.agenda_item_ids == [second] for i in s.meeting.invitations)
        ),
    )
    assert space.meeting is not None
    assert form.guest_items() == {guest_id: [second]}  # reread from the server's copy
    assert guest.sync_service().sync().online
    assert [i.id for i in guest.store.agenda_items(world.meeting_id)] == [second]

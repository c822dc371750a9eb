"""The Government Office's "Văn bản đến" against a real server: a package delivered by the
exchange is listed with its sender, number, dates and state; "Phân công…" puts it on an agenda
item as the chosen kind, or on a draft ballot whose members then read its origin, and the
server makes the document; a refusal is told in Vietnamese words; the screen is the
secretariat's alone in the sidebar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
from pytestqt.qtbot import QtBot

from ecabinet.domain import DocumentKind
from tests.edxml_packages import EdxmlPackage
from tests.exchange_loopback import bearer, deliver
from tests.gui.conftest import shown_screen
from tests.gui.test_main_window import open_window
from tests.loopback import LiveServer, signed_in, synced
from ui.decisions.ballot_page import BallotPage
from ui.main_window import MainWindow
from ui.office.inbox import OfficeInbox
from ui.screens import Screen
from ui.tasks import TaskManager

WAIT = 30_000
ORIGIN = "Tờ trình số 74/TTr-BTC ngày 10/11/2026 của Bộ Tài chính"
SUBJECT, SENDER, CODE, DATE, DUE, STATE = range(6)


def listed(qtbot: QtBot, page: OfficeInbox) -> None:
    with qtbot.wait_signal(page.loaded, timeout=WAIT):
        page.reload()


def test_the_office_assigns_an_incoming_document_to_an_item(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    package = EdxmlPackage()
    incoming_id = deliver(live_server, package)
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    office.sync_service().sync()
    page = OfficeInbox(office, tasks)
    qtbot.addWidget(page)
    listed(qtbot, page)
    row = page.list.topLevelItem(0)
    assert row.text(SUBJECT) == package.subject
    assert row.text(SENDER) == "Bộ Tài chính"
    assert row.text(CODE) == "74/TTr-BTC"
    assert (row.text(DATE), row.text(DUE)) == ("10/11/2026", "20/11/2026")
    assert row.text(STATE) == "Chưa phân công"

    page.ask_assignment()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=WAIT)
    dialog = page.dialog
    assert dialog is not None
    assert dialog.to_item.isChecked()
    dialog.meeting.setCurrentIndex(dialog.meeting.findData(world.meeting_id))
    dialog.item.setCurrentIndex(dialog.item.findData(world.item_ids[1]))
    dialog.kind.setCurrentIndex(dialog.kind.findData(DocumentKind.DRAFT.value))
    dialog.attachment.setCurrentIndex(dialog.attachment.findData("Du-thao-Nghi-dinh.pdf"))
    with qtbot.wait_signal(page.loaded, timeout=WAIT):  # assigned, then listed again
        dialog.accept()
    assert page.list.topLevelItem(0).text(STATE) == "Đã phân công (1)"

    inbox = requests.get(
        f"{live_server.url}/api/v1/interconnect/inbox",
        headers=bearer(live_server.url, "secretariat"),
        timeout=10,
    ).json()
    [document_id] = inbox[0]["assigned_document_ids"]
    made = office.store.document(document_id)  # the local copy was pulled after it
    assert made is not None
    assert (made.agenda_item_id, made.kind) == (world.item_ids[1], DocumentKind.DRAFT)
    assert made.origin == ORIGIN
    assert incoming_id == inbox[0]["id"]


def test_a_draft_ballot_takes_it_and_members_see_its_origin_once_sent(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    deliver(live_server, EdxmlPackage())
    secretariat = bearer(live_server.url, "secretariat")
    deadline = (datetime.now(UTC) + timedelta(days=5)).isoformat()
    made = requests.post(
        f"{live_server.url}/api/v1/ballots",
        json={"title": "Phiếu về dự thảo Nghị định", "question": "Đồng ý?", "deadline": deadline},
        headers=secretariat,
        timeout=10,
    )
    made.raise_for_status()
    ballot_id = made.json()["id"]
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    page = OfficeInbox(office, tasks)
    qtbot.addWidget(page)
    listed(qtbot, page)
    page.ask_assignment()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=WAIT)
    dialog = page.dialog
    assert dialog is not None
    assert dialog.ballot.findData(live_server.world.ballot_id) == -1  # sent already: not offered
    dialog.to_ballot.setChecked(True)
    assert not dialog.item.isEnabled() and dialog.ballot.isEnabled()
    dialog.ballot.setCurrentIndex(dialog.ballot.findData(ballot_id))
    with qtbot.wait_signal(page.assigned, timeout=WAIT):
        dialog.accept()
    sent = requests.post(
        f"{live_server.url}/api/v1/ballots/{ballot_id}/send", headers=secretariat, timeout=10
    )
    sent.raise_for_status()

    member = synced(live_server, tmp_path / "m")
    ballot_page = BallotPage(member, tasks)
    qtbot.addWidget(ballot_page)
    with qtbot.wait_signal(ballot_page.shown, timeout=WAIT):
        ballot_page.show_ballot(ballot_id)
    [draft] = [ballot_page.drafts.item(i) for i in range(ballot_page.drafts.count())]
    assert draft.toolTip() == ORIGIN
    assert draft.text().endswith(f"\n{ORIGIN}")  # its second line


def test_a_refused_assignment_is_told_in_words(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    deliver(live_server, EdxmlPackage())
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    page = OfficeInbox(office, tasks)
    qtbot.addWidget(page)
    listed(qtbot, page)
    incoming = page.chosen()
    assert incoming is not None
    with qtbot.wait_signal(page.message_shown, timeout=WAIT) as told:
        page.assign(
            {
                "incoming_id": incoming.id,
                "agenda_item_id": live_server.world.item_ids[0],
                "kind": "draft",
                "attachment": "khong-co.pdf",
            }
        )
    assert told.args[0] == "Không thực hiện được: Văn bản đến không có tệp PDF này để đưa vào."


def test_only_the_office_has_the_inbox_in_its_sidebar(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    def window_of(username: str) -> MainWindow:
        account = signed_in(live_server.url, tmp_path / username, username)
        window = open_window(qtbot, account, tasks)
        with qtbot.wait_signal(window.sync.finished, timeout=WAIT):
            window.sync.start()
        return window

    assert not window_of("member01").sidebar.choose(Screen.OFFICE_INBOX)
    office = window_of("secretariat")
    with qtbot.wait_signal(office.office_inbox.loaded, timeout=WAIT):
        assert office.sidebar.choose(Screen.OFFICE_INBOX)
    assert shown_screen(office) == Screen.OFFICE_INBOX


def test_the_office_sees_what_leaves_through_the_exchange_and_how_it_went(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    from ecabinet.server.db import make_engine, make_session_factory
    from ecabinet.server.interconnect.delivery import HttpAdapter, deliver_due
    from tests.exchange_loopback import ExchangeEndpoint

    deliver(live_server, EdxmlPackage())
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    page = OfficeInbox(office, tasks)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.outbox.topLevelItemCount() == 2, timeout=WAIT)
    latest = page.outbox.topLevelItem(0)
    assert latest.text(0) == "Trạng thái 03 — Đã tiếp nhận"  # the status said once
    assert (latest.text(1), latest.text(2)) == ("Bộ Tài chính", "Chờ gửi")

    # The exchange refuses both: the Office reads it, with the exchange's reason.
    engine = make_engine(live_server.settings.database_url)
    try:
        with ExchangeEndpoint(failures=1, failure=422, reason="Sai mã") as endpoint:
            with make_session_factory(engine)() as db:
                assert deliver_due(db, HttpAdapter(endpoint.url)).failed == 2
    finally:
        engine.dispose()
    page.reload()
    qtbot.waitUntil(
        lambda: page.outbox.topLevelItem(0).text(2) == "Không gửi được (đã thử 1 lần)",
        timeout=WAIT,
    )
    assert page.outbox.topLevelItem(0).toolTip(2) == "Lỗi gần nhất: HTTP 422: Sai mã"

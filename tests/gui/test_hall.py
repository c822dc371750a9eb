"""The pieces of the console made for the hall: the result sentence under the rules, the
chart's words that never collide, the hall display's time and colours, its screen, and the
layout check itself (it must fail on what it is meant to catch)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ecabinet.client import acts
from ecabinet.wire.objects import ResultData, SpeakerRequestData
from ecabinet.wire.session import Quorum, VoteCount
from ecabinet.wire.sync import Change, ChangesPage
from tests.gui.layout_check import layout_problems
from tests.loopback import LiveServer, signed_in
from ui.decisions.chart import VoteChart
from ui.decisions.hall_display import HallDisplay, default_screen
from ui.decisions.hall_state import HallState, result_sentence
from ui.decisions.vote_console import VoteConsole
from ui.tasks import TaskManager
from ui.theme import colors

WAIT = 30_000
NOW = datetime(2026, 12, 15, 1, 30, tzinfo=UTC)


def a_count(status: str, agree: int, disagree: int, total: int = 27) -> VoteCount:
    quorum = Quorum(total_members=total, present_members=total, needed=18, has_quorum=True)
    return VoteCount(
        vote_status=status,
        agree=agree,
        disagree=disagree,
        abstain=0,
        not_voted=total - agree - disagree,
        quorum=quorum,
    )


def a_result(agree: int, disagree: int, passed: bool, total: int = 27) -> ResultData:
    return ResultData(
        id="00000000-0000-0000-0000-000000000001",
        subject="vote",
        agenda_item_id="00000000-0000-0000-0000-000000000002",
        total_members=total,
        agree=agree,
        disagree=disagree,
        abstain_or_other=0,
        not_answered=total - agree - disagree,
        chair_choice="agree" if passed else "disagree",
        passed=passed,
        published_at=NOW,
    )


@pytest.mark.parametrize(
    ("count", "result", "start"),
    [
        (a_count("none", 0, 0), None, "Chưa mở biểu quyết."),
        (a_count("open", 3, 1), None, "Đang biểu quyết: 3 tán thành; cần ít nhất 14"),
        # more than half of ALL members (27): 14 passes, 13 does not, whoever was present
        (a_count("closed", 14, 0), None, "Được thông qua: 14/27"),
        (
            a_count("closed", 13, 0),
            None,
            "Không được thông qua: 13/27 thành viên tán thành; cần 14",
        ),
        # a tie before the published result: the chair's side is not known yet, and said so
        (a_count("closed", 5, 5), None, "Số phiếu ngang nhau (5–5): quyết định theo phía"),
        # a tie settled by the published result, either way
        (a_count("closed", 5, 5), a_result(5, 5, True), "Được thông qua: số phiếu ngang nhau"),
        (a_count("closed", 5, 5), a_result(5, 5, False), "Không được thông qua: số phiếu ngang"),
    ],
)
def test_the_result_sentence_follows_the_rules(
    qtbot: QtBot, count: VoteCount, result: ResultData | None, start: str
) -> None:
    assert result_sentence(count, result).startswith(start)


@pytest.mark.parametrize("size", [QSize(260, 170), QSize(420, 220), QSize(1100, 420)])
@pytest.mark.parametrize("votes", [(0, 0), (13, 2), (14, 13), (27, 0)])
def test_the_charts_words_stay_inside_and_apart(
    qtbot: QtBot, size: QSize, votes: tuple[int, int]
) -> None:
    chart = VoteChart()
    qtbot.addWidget(chart)
    chart.show_count(a_count("open", *votes))
    chart.resize(size.expandedTo(chart.minimumSize()))
    chart.show()
    shape = chart.chart_layout()
    inside = chart.rect().toRectF()
    texts = shape.texts()
    for text in texts:
        assert inside.contains(text), text
    for index, first in enumerate(texts):
        for second in texts[index + 1 :]:
            assert not first.intersects(second), (first, second)
    for bar in shape.bars:
        assert not shape.line_label.intersects(bar)  # the line's words never over a bar
    for value in shape.values:  # nor does the dashed line cross a number
        assert not (value.left() - 1 <= shape.line_x <= value.right() + 1)
    assert shape.line_label.bottom() <= shape.line_top + 2


def test_the_hall_display_counts_the_speakers_time_and_says_when_it_is_over(
    qtbot: QtBot,
) -> None:
    clock = [NOW]
    hall = HallDisplay(now=lambda: clock[0])
    qtbot.addWidget(hall)
    hall.resize(1366, 768)
    hall.show()
    hall.show_state(
        HallState(
            meeting_title="Phiên họp Chính phủ thường kỳ tháng 12",
            item_position=3,
            item_title="Dự thảo Nghị định về chuyển đổi số trong cơ quan nhà nước",
            presenter="Bộ Khoa học và Công nghệ",
            speaker="Vũ Hải Đăng",
            speaker_since=NOW - timedelta(seconds=75),
            speaker_minutes=1,
            count=a_count("closed", 14, 3),
            result=a_result(14, 3, True),
        )
    )
    assert hall.item_number.text() == "Nội dung 3"
    assert hall.presenter.text() == "Cơ quan trình: Bộ Khoa học và Công nghệ"
    assert hall.speaker_time.text().startswith("01:15 / 01:00")
    assert "quá thời gian" in hall.speaker_time.text()  # in words, not only in red
    assert hall.speaker_time.palette().windowText().color() == colors().danger
    assert hall.ticker.isActive()
    assert hall.clock.text() == "08:30 (giờ Hà Nội)"  # 01:30 UTC is 08:30 in Hà Nội (rule 7)
    clock[0] = NOW + timedelta(seconds=30)
    hall.ticker.timeout.emit()
    assert hall.speaker_time.text().startswith("01:45")
    assert hall.result.text().startswith("Được thông qua: 14/27")
    assert hall.result.palette().windowText().color() == colors().ok
    assert not layout_problems(hall)
    hall.show_state(HallState(meeting_title="Phiên họp"))  # between items: nothing stale
    assert hall.speaker.text() == "Chưa có người phát biểu"
    assert not hall.speaker_time.isVisible()
    assert not hall.chart.isVisible() and hall.result.text() == "Chưa mở biểu quyết."


def test_the_projector_is_the_screen_the_console_is_not_on() -> None:
    screens = QGuiApplication.screens()
    assert default_screen(screens, screens[0]) is (screens[1] if len(screens) > 1 else screens[0])
    assert default_screen([], None) is None


def test_the_layout_check_catches_clipped_text_overlaps_and_hidden_rows(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    root.resize(400, 300)
    label = QLabel("Chưa đủ túc số: có mặt 0/27 thành viên", root)
    label.setGeometry(0, 0, 60, 20)
    wrapped = QLabel("Danh sách thông qua không thảo luận: nội dung 1, 2, 3, 4, 5, 6", root)
    wrapped.setWordWrap(True)
    wrapped.setGeometry(0, 30, 120, 16)
    button = QPushButton("Thông qua danh sách không thảo luận", root)
    button.setGeometry(0, 60, 80, 30)
    rows = QListWidget(root)
    rows.addItems([f"{n}. Nội dung" for n in range(1, 9)])
    rows.setGeometry(200, 0, 190, 60)
    overlapping = QLabel("x", root)
    overlapping.setGeometry(210, 10, 20, 20)
    root.show()
    found = "\n".join(layout_problems(root, whole_lists=[rows]))
    assert "“Chưa đủ túc số" in found and "text needs" in found
    assert "needs" in found and "of height" in found  # the wrapped label is too short
    assert "“Thông qua danh sách" in found
    assert "out of sight" in found  # eight rows in a list that shows three
    assert "overlap" in found

    fitting = QWidget()
    qtbot.addWidget(fitting)
    row = QHBoxLayout(fitting)
    row.addWidget(QLabel("Có mặt 20/27 thành viên"))
    row.addWidget(QPushButton("Mở biểu quyết"))
    fitting.show()
    assert layout_problems(fitting) == []


def test_a_tie_shows_the_published_result_the_chairs_side_decided(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    item_id = world.item_ids[0]
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    office.api._request("POST", f"/meetings/{world.meeting_id}/start").close()
    present = [world.users[u] for u in ("chair", "member01", "member02", "member03", "member04")]
    office.api.set_attendance(world.meeting_id, present)
    office.api.open_vote(item_id)
    for username, choice in (
        ("chair", "agree"),
        ("member01", "agree"),
        ("member02", "disagree"),
        ("member03", "disagree"),
    ):
        voter = signed_in(live_server.url, tmp_path / username, username)
        assert voter.sync_service().sync().online
        acts.cast_vote(voter, item_id, choice)
        assert voter.sync_service().sync().rejected == 0
    chair = signed_in(live_server.url, tmp_path / "chair-console", "chair")
    assert chair.sync_service().sync().online
    console = VoteConsole(chair, tasks)
    qtbot.addWidget(console)
    console.show()
    with qtbot.wait_signal(console.counted, timeout=WAIT):
        console.show_meeting(world.meeting_id)
    with qtbot.wait_signal(console.vote_closed, timeout=WAIT):
        console.close_button.click()
    qtbot.waitUntil(lambda: "Số phiếu ngang nhau (2–2)" in console.result.text(), timeout=WAIT)
    assert chair.sync_service().sync().online  # what the window does on vote_closed
    console.read_facts()
    qtbot.waitUntil(
        lambda: console.result.text().startswith("Được thông qua: số phiếu ngang nhau (2–2)"),
        timeout=WAIT,
    )
    assert console.hall_state().result is not None and console.hall_state().result.passed


def test_the_hall_shows_whom_the_server_says_is_speaking(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    """When the server marks a request as started (``started_at`` without ``ended_at``), the
    hall shows that speaker and counts from that moment, though this laptop never started them."""
    world = live_server.world
    item_id = world.item_ids[0]
    member = signed_in(live_server.url, tmp_path / "m2", "member02")
    member.store.record_action("speaker.request", {"agenda_item_id": item_id})
    assert member.sync_service().sync().rejected == 0
    chair = signed_in(live_server.url, tmp_path / "chair", "chair")
    assert chair.sync_service().sync().online
    asked = next(
        r for r in chair.store.list("speaker_request", item_id) if isinstance(r, SpeakerRequestData)
    )
    started = datetime.now(UTC) - timedelta(seconds=90)
    chair.store.apply_page(  # as the feed will carry it once the server records the floor
        ChangesPage(
            changes=[
                Change(
                    seq=10**9,
                    type="speaker_request",
                    id=asked.id,
                    data=asked.model_copy(update={"started_at": started}).model_dump(mode="json"),
                )
            ],
            cursor=chair.store.get_state("cursor"),
        )
    )
    console = VoteConsole(chair, tasks)
    qtbot.addWidget(console)
    console.show()
    with qtbot.wait_signal(
        console.hall_changed, timeout=WAIT, check_params_cb=lambda s: s.speaker == "Member02"
    ) as changed:
        console.show_meeting(world.meeting_id)
    state = changed.args[0]
    assert state.speaker_since == started  # from the server's moment, not this laptop's
    hall = HallDisplay(now=lambda: started + timedelta(seconds=90))
    qtbot.addWidget(hall)
    hall.show_state(state)
    assert hall.speaker.text() == "Member02" and hall.speaker_time.text().startswith("01:30")

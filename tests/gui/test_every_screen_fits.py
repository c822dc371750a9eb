"""Every screen of the window fits: for each role, at 1366x768 and 1920x1080, in Vietnamese
and in English, no label or button has its text cut and no two sibling widgets overlap.

The walk is the screenshot tour's (ui/screenshots.py ``screen_walk``), so a screen added to
the tour is checked here too. A real server with the test world made to read like the demo:
a Government of 27 members with the demo's long names, and the meeting, its items, papers and
the ballot with titles as long as real ones; one window per role and language, resized
between sizes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.db import make_engine, make_session_factory
from ecabinet.server.feed import publish
from tests.gui.layout_check import layout_problems
from tests.gui.test_console_layout import a_government
from tests.gui.test_main_window import synced_window
from tests.loopback import LiveServer, signed_in
from ui import i18n
from ui.main_window import MainWindow
from ui.screenshots import SIZES, screen_walk
from ui.tasks import TaskManager

WAIT = 30_000
NETWORK_WORKERS = 3  # TaskManager's network lane, as the tasks fixture makes it
ROLES = {"member": "member01", "chair": "chair", "secretariat": "secretariat"}
# Titles as long as the demo's (ecabinet/server/demo_content): what cuts a column's text.
ITEMS = (
    "Dự thảo Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Đất đai",
    "Báo cáo tình hình kinh tế - xã hội tháng 11 và nhiệm vụ, giải pháp trọng tâm tháng 12",
)
PAPER = "Dự thảo Nghị quyết về giải pháp thúc đẩy giải ngân vốn đầu tư công năm 2026 ({n})"


def like_the_demo(live: LiveServer) -> None:
    """The test world's short titles made long, and published again for the first sync."""
    engine = make_engine(live.settings.database_url)
    try:
        with make_session_factory(engine)() as db:
            meeting = db.get(m.Meeting, live.world.meeting_id)
            ballot = db.get(m.Ballot, live.world.ballot_id)
            assert meeting is not None and ballot is not None
            meeting.title = "Phiên họp Chính phủ thường kỳ tháng 12 năm 2026"
            meeting.place = "Trụ sở Chính phủ, số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội"
            ballot.title = "Phiếu lấy ý kiến Thành viên Chính phủ về " + ITEMS[0][0].lower()
            ballot.title += ITEMS[0][1:]
            items = db.scalars(select(m.AgendaItem).where(m.AgendaItem.meeting_id == meeting.id))
            for n, item in enumerate(items):
                item.title, item.presenter = ITEMS[n % len(ITEMS)], "Bộ Nông nghiệp và Môi trường"
            for n, doc in enumerate(db.scalars(select(m.Document)), start=1):
                doc.title = PAPER.format(n=n)
            publish.publish_meeting_tree(db, meeting)
            publish.publish_ballot_tree(db, ballot)
            db.commit()
    finally:
        engine.dispose()


@pytest.fixture
def english_after() -> Iterator[None]:
    """Whatever the test installed, the next test starts in Vietnamese."""
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install_translations(app, "vi")


def settle(qtbot: QtBot, tasks: TaskManager) -> None:
    """Until every read the screen asked for has answered, twice (an answer may ask again):
    the local lane runs in order; on the network lane, tasks that wait for each other on every
    worker at once can run only when all that came before them are done."""
    for _ in range(2):
        answered: list[object] = []
        tasks.run_local(lambda: None, answered.append)
        barrier = threading.Barrier(NETWORK_WORKERS, timeout=WAIT / 1000)
        for _worker in range(NETWORK_WORKERS):
            tasks.run_network(barrier.wait, answered.append)
        qtbot.waitUntil(lambda: len(answered) == 1 + NETWORK_WORKERS, timeout=WAIT)  # noqa: B023


def problems_of(qtbot: QtBot, window: MainWindow, where: str) -> list[str]:
    found = []
    for size in SIZES:
        window.resize(size)
        qtbot.waitUntil(lambda: window.size() == size, timeout=WAIT)  # noqa: B023
        for step in screen_walk(window):
            shown = step.show()
            settle(qtbot, window.tasks)
            target = shown or window
            place = f"{where} {size.width()}x{size.height()} {step.name}"
            found += [f"{place}: {problem}" for problem in layout_problems(target)]
            if shown is not None:
                shown.close()
    return found


@pytest.mark.parametrize("role", list(ROLES))
def test_every_screen_fits_both_sizes_in_both_languages(
    qtbot: QtBot,
    live_server: LiveServer,
    tmp_path: Path,
    tasks: TaskManager,
    english_after: None,
    role: str,
) -> None:
    like_the_demo(live_server)
    a_government(live_server, tmp_path)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    found: list[str] = []
    walked: list[str] = []
    for language in ("vi", "en"):
        i18n.install_translations(app, language)  # before the window: its words are set once
        account = signed_in(live_server.url, tmp_path / f"{role}-{language}", ROLES[role])
        window = synced_window(qtbot, account, tasks)
        walked = [step.name for step in screen_walk(window)]
        found += problems_of(qtbot, window, f"{role} {language}")
        window.close()
    expected = {"home", "meeting", "reader-notes", "ballot", "search", "travel", "settings"}
    assert expected | {"sign-in"} <= set(walked)
    if role != "member":
        assert {"board", "console", "hall"} <= set(walked)
    if role == "secretariat":
        assert {"office-meetings", "office-ballots", "record"} <= set(walked)
    assert not found, f"{len(found)} layout problems:\n" + "\n".join(found)

"""Every screen of the window fits: for each role, at 1366x768 and 1920x1080, in Vietnamese
and in English, no label or button has its text cut and no two sibling widgets overlap.

The walk is the screenshot tour's (ui/screenshots.py ``screen_walk``), so a screen added to
the tour is checked here too. A real server with the test world grown to a Government of 27
members with the demo's long names; one window per role and language, resized between sizes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.layout_check import layout_problems
from tests.gui.test_console_layout import a_government
from tests.gui.test_main_window import synced_window
from tests.loopback import LiveServer, signed_in
from ui import i18n
from ui.main_window import MainWindow
from ui.screenshots import SIZES, screen_walk
from ui.tasks import TaskManager

WAIT = 30_000
ROLES = {"member": "member01", "chair": "chair", "secretariat": "secretariat"}


@pytest.fixture
def english_after() -> Iterator[None]:
    """Whatever the test installed, the next test starts in Vietnamese."""
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install_translations(app, "vi")


def settle(qtbot: QtBot, tasks: TaskManager) -> None:
    """Until the reads the screen asked of the local lane (one at a time, in order) have
    answered, twice: a read's answer may ask for another."""
    for _ in range(2):
        answered: list[None] = []
        tasks.run_local(lambda: None, answered.append)
        qtbot.waitUntil(lambda: bool(answered), timeout=WAIT)  # noqa: B023 (used at once)


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
    assert {"meeting", "reader-notes", "ballot", "search", "travel", "settings", "sign-in"} <= set(
        walked
    )
    if role != "member":
        assert {"board", "console", "hall"} <= set(walked)
    if role == "secretariat":
        assert {"office-meetings", "office-ballots", "record"} <= set(walked)
    assert not found, f"{len(found)} layout problems:\n" + "\n".join(found)

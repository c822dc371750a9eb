"""The window paints before the heavy modules load: the start window needs neither the client
core nor the main window, and the main window needs neither the reader with QtPdf, nor pyHanko,
fpdf or pypdf, which come when first needed; nor the modules of its pages other than "Hôm
nay", each made when its screen is first shown (docs/benchmarks.md, "Start time")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from ecabinet.client.account import Account
from ecabinet.client.library import Library
from ecabinet.client.paths import Profile
from tests.bench.kept_secrets import KeptSecrets
from tests.factories import PASSWORD
from tests.loopback import LiveServer
from ui.starting import StartWindow

ROOT = Path(__file__).resolve().parents[2]
PDF_LIBRARIES = ("pyhanko", "fpdf", "fontTools", "pypdf")
PROBE = """
import sys
import {module}
wanted = {wanted!r}
print(sorted(m for m in sys.modules if m in wanted or m.split(".")[0] in wanted))
"""


def imported_with(module: str, wanted: tuple[str, ...]) -> str:
    """Which of ``wanted`` a new process has imported once it has imported ``module``."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module, wanted=wanted)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return out.stdout.strip()


def test_importing_the_window_leaves_the_reader_and_the_pdf_libraries_for_later() -> None:
    wanted = ("ui.reader.reader", "PySide6.QtPdf", "PySide6.QtPdfWidgets", *PDF_LIBRARIES)
    assert imported_with("ui.main_window", wanted) == "[]"
    assert "PySide6.QtPdf" in imported_with("ui.reader.reader", wanted)  # the probe sees them


LATER_PAGES = (
    "ui.meeting.page",
    "ui.meeting.roll_call",
    "ui.decisions.item_panel",
    "ui.decisions.ballot_page",
    "ui.decisions.board",
    "ui.decisions.vote_console",
    "ui.documents.page",
    "ui.search.page",
    "ui.travel.page",
    "ui.record.page",
    "ui.office.ballots",
    "ui.office.meetings",
)
# What only a later screen or the first sync uses: the meeting's calendar file, search, the
# notes' text layout, the Office's client, the sign-in dialog and the screenshot tour.
LATER_MODULES = (
    "icalendar",
    "ecabinet.client.search",
    "ecabinet.client.notes",
    "pypdfium2",
    "ecabinet.client.office",
    "ui.signin.dialog",
    "ui.screenshots",
)


def test_the_window_s_start_leaves_the_other_pages_for_their_first_showing() -> None:
    wanted = LATER_PAGES + LATER_MODULES
    assert imported_with("ui.app, ui.main_window", wanted) == "[]"
    made = imported_with("ui.meeting.page, ui.office.meetings, ui.search.page", wanted)
    assert "ui.meeting.page" in made and "ecabinet.client.search" in made  # the probe sees them


def test_the_start_window_comes_before_the_client_core_and_the_main_window() -> None:
    wanted = ("sqlalchemy", "ecabinet.client.account", "ui.main_window", "main")
    assert imported_with("main, ui.app, ui.starting", wanted) == "['main']"


def test_the_icons_are_drawn_without_importing_qtawesome_or_qtpy(qtbot: QtBot) -> None:
    # qtpy's star imports of QtCore, QtGui and QtWidgets came before the first paint;
    # the icons read QtAwesome's font file and charmap without importing the package.
    wanted = ("qtawesome", "qtpy")
    assert imported_with("ui.app, ui.main_window", wanted) == "[]"
    from ui.icons import ICON_NAMES, icon

    for name in ICON_NAMES:
        image = icon(name, "#000000").pixmap(32, 32).toImage()
        inked = [image.pixelColor(x, y).alpha() > 0 for x in range(32) for y in range(32)].count(
            True
        )
        assert 10 < inked < 32 * 32 * 3 // 4, name  # a glyph, neither nothing nor a block


def test_the_main_window_takes_the_start_window_s_place_and_size(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMainWindow

    start = StartWindow()
    qtbot.addWidget(start)
    start.show()
    start.setGeometry(40, 50, 1000, 700)
    window = QMainWindow()
    qtbot.addWidget(window)
    start.hand_over(window)
    assert window.isVisible() and not start.isVisible()
    assert window.geometry() == start.geometry()


# What only the network uses (the first sync starts once "Hôm nay" is shown): requests and
# urllib3, and the protocol's models that no read of the store needs; and what only signing
# and certificates use (cryptography's x509).
AFTER_TODAY = (
    "cryptography.x509",
    "ecabinet.signing.keys",
    "ecabinet.signing.detached",
    "requests",
    "urllib3",
    "ecabinet.wire.agenda",
    "ecabinet.wire.auth",
    "ecabinet.wire.interconnect",
    "ecabinet.wire.meetings",
    "ecabinet.wire.minutes",
    "ecabinet.wire.office",
    "ecabinet.wire.pki",
    "ecabinet.wire.record",
    "ecabinet.wire.session",
    "ecabinet.wire.summary",
)
# As main.py starts on a signed-in profile: which of ``wanted`` are imported when "Hôm nay"
# first shows what the profile holds (its next session), and the session's title.
SHOWN_PROBE = """
import sys
from pathlib import Path
import ui.app
from ui.app import run

wanted = {wanted!r}
show_window = ui.app.show_window


def shown(*args, **kwargs):
    window = show_window(*args, **kwargs)
    show_today = window.home_page.show_today

    def seen(today, office, now=None):
        show_today(today, office, now)
        if today.next_meeting is not None:
            print(sorted(m for m in wanted if m in sys.modules))
            print(today.next_meeting.meeting.title)

    window.home_page.show_today = seen
    return window


def open_account():
    from ecabinet.client.account import Account
    from ecabinet.client.paths import Profile
    from tests.bench.kept_secrets import KeptSecrets

    root = Path({root!r})
    return Account.open(Profile.open(root), secrets=KeptSecrets(root / "secrets.json"))


ui.app.show_window = shown
run(open_account, quit_when_shown=True)
"""


def test_today_shows_the_laptop_s_data_before_the_network_and_signing_modules_load(
    live_server: LiveServer, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    account = Account.open(Profile.open(root), secrets=KeptSecrets(root / "secrets.json"))
    account.sign_in(live_server.url, "member01", PASSWORD)
    assert account.sync_service().sync().online
    upcoming = Library(account).overview().upcoming[0].title
    account.store.close()
    out = subprocess.run(
        [sys.executable, "-c", SHOWN_PROBE.format(wanted=AFTER_TODAY, root=str(root))],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    imported, title = out.stdout.splitlines()[:2]
    assert title == upcoming  # the profile's own data is what shows
    assert imported == "[]"

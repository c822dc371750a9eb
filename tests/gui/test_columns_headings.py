"""An empty list of papers still shows its long columns' headings whole (ui/widgets/columns.py):
the Office's inbox of a People's Committee before its first package read "Co" for "Cơ quan gửi"."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ecabinet.client.account import Account
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets
from ui.office.inbox import OfficeInbox
from ui.tasks import TaskManager


def test_an_empty_inbox_shows_its_sender_heading_whole(
    qtbot: QtBot, tmp_path: Path, tasks: TaskManager
) -> None:
    account = Account.open(Profile.open(tmp_path / "p"), secrets=MemorySecrets())
    page = OfficeInbox(account, tasks)
    qtbot.addWidget(page)
    page.resize(1060, 600)
    page.show()
    view = page.list
    header = view.header()
    qtbot.waitUntil(lambda: view.columnWidth(0) > 100, timeout=5_000)
    assert view.topLevelItemCount() == 0
    assert view.columnWidth(1) >= header.sectionSizeHint(1)

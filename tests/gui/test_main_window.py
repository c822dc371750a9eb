"""The main window against a real server: it syncs off the GUI thread and lists what arrived."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from pytestqt.qtbot import QtBot

from ecabinet.client.engine import SyncResult
from tests.client.conftest import LiveServer, signed_in
from ui.main_window import MainWindow, vietnamese_date
from ui.tasks import TaskManager


def texts(window: MainWindow) -> list[str]:
    out = []
    root = window.tree.invisibleRootItem()
    stack = [root.child(i) for i in range(root.childCount())]
    while stack:
        node = stack.pop()
        out.append(f"{node.text(0)} | {node.text(1)}")
        stack.extend(node.child(i) for i in range(node.childCount()))
    return out


def test_sync_fills_the_window(qtbot: QtBot, live_server: LiveServer, tmp_path: Path) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    tasks = TaskManager()
    window = MainWindow(account, tasks)
    qtbot.addWidget(window)
    with qtbot.wait_signal(window.sync_finished, timeout=30_000) as blocker:
        window.start_sync()
    result = blocker.args[0]
    assert isinstance(result, SyncResult)
    assert result.online
    qtbot.wait_signal(window.refreshed, timeout=10_000)
    qtbot.waitUntil(lambda: any("Phiên họp thường kỳ" in t for t in texts(window)), timeout=10_000)
    shown = texts(window)
    assert any("Nội dung 1" in t and "Bộ Tư pháp" in t for t in shown)
    assert any("Có trên máy" in t for t in shown)
    assert any("Phiếu lấy ý kiến" in t for t in shown)
    assert "Trực tuyến" in window.status_label.text()
    window.grab().save(str(tmp_path / "main-window.png"))
    tasks.shutdown()


def test_vietnamese_dates() -> None:
    from datetime import datetime

    moment = datetime(2025, 12, 15, 8, 30, tzinfo=UTC).astimezone()
    text = vietnamese_date(moment)
    assert text.startswith(("Thứ", "Chủ Nhật"))
    assert "/12/2025" in text


def test_an_expired_session_asks_to_sign_in_again(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.api.token = "no-longer-a-valid-token-at-all"
    tasks = TaskManager()
    window = MainWindow(account, tasks)
    qtbot.addWidget(window)
    with qtbot.wait_signal(window.session_expired, timeout=20_000):
        window.start_sync()
    assert not account.signed_in
    assert "hết hạn" in window.status_label.text()
    tasks.shutdown()

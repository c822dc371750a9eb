"""The window's threads (architecture.md, "Threads"): every write of the laptop's store is made
on the one local lane, the sync's included, and the keyring is never called on the GUI thread.

A watch on the store's database fails the test for any write (INSERT, UPDATE, DELETE, CREATE,
...) made on another thread, while a member signs in, syncs, reads, marks a position, sets a
PIN, and syncs again; a recording secret store notes the thread of each keyring call."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from ecabinet.client.account import TOKEN, Account
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets
from ecabinet.client.store import LocalStore
from tests.factories import PASSWORD
from tests.gui.test_decisions import choose_position
from tests.loopback import LiveServer
from ui.main_window import MainWindow
from ui.screens import Screen
from ui.signin.dialog import SignInDialog
from ui.tasks import TaskManager

WAIT = 30_000
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|VACUUM)", re.I)


class StoreWriteWatch:
    """Notes each statement that writes the store, and on which lane it ran."""

    def __init__(self, tasks: TaskManager) -> None:
        self.tasks = tasks
        self.on_lane = 0
        self.elsewhere: list[tuple[str, str]] = []  # (thread name, statement)
        self._lock = threading.Lock()

    def watch(self, store: LocalStore) -> None:
        event.listen(store.engine, "before_cursor_execute", self._statement)

    def _statement(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not WRITES.match(statement):
            return
        with self._lock:
            if self.tasks.on_local_lane():
                self.on_lane += 1
            else:
                self.elsewhere.append((threading.current_thread().name, statement[:80]))


class RecordingSecrets(MemorySecrets):
    """A keyring that notes which thread called it."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, str, bool]] = []  # (call, name, on the GUI thread)

    def _note(self, call: str, name: str) -> None:
        gui = threading.current_thread() is threading.main_thread()
        self.calls.append((call, name, gui))

    def get(self, name: str) -> str | None:
        self._note("get", name)
        return super().get(name)

    def set(self, name: str, value: str) -> None:
        self._note("set", name)
        super().set(name, value)

    def delete(self, name: str) -> None:
        self._note("delete", name)
        super().delete(name)


@pytest.fixture
def secrets() -> Iterator[RecordingSecrets]:
    yield RecordingSecrets()


def sign_in_through_the_dialog(
    qtbot: QtBot, window: MainWindow, live: LiveServer, username: str = "member01"
) -> None:
    dialog = SignInDialog(window.account, window.tasks, parent=window)
    qtbot.addWidget(dialog)
    dialog.server.setText(live.url)
    dialog.username.setText(username)
    dialog.password.setText(PASSWORD)
    with qtbot.wait_signal(dialog.signed_in, timeout=WAIT):
        dialog.submit()


def test_every_write_of_the_store_is_made_on_the_local_lane(
    qtbot: QtBot,
    live_server: LiveServer,
    tmp_path: Path,
    tasks: TaskManager,
    secrets: RecordingSecrets,
) -> None:
    account = Account.open(Profile.open(tmp_path / "p"), secrets=secrets)
    watch = StoreWriteWatch(tasks)
    watch.watch(account.store)
    secrets.calls.clear()  # opening the profile comes before the window, as in main.py
    window = MainWindow(account, tasks)
    qtbot.addWidget(window)
    window.show()
    sign_in_through_the_dialog(qtbot, window, live_server)
    assert account.member.store is account.store  # the same store, so the watch still sees it
    with qtbot.wait_signal(window.sync.finished, timeout=WAIT) as synced:
        window.sync.start()
    assert synced.args[0].online and synced.args[0].changes_pulled > 0
    # Indexing and carrying notes follow the sync; the search index writes the store too.
    qtbot.waitUntil(lambda: window.home_page.meeting_card.entries != [], timeout=WAIT)
    with qtbot.wait_signal(window.document_opened, timeout=WAIT):
        window.open_document(live_server.world.document_ids[0])  # marks it read: an act
    window.show_page(Screen.MEETING, live_server.world.meeting_id)
    panel = window.item_panel
    with qtbot.wait_signal(panel.shown, timeout=WAIT):
        panel.show_item(live_server.world.item_ids[1])
    choose_position(panel, "no_objection")
    with qtbot.wait_signal(panel.acted, timeout=WAIT):
        panel.save_position.click()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=WAIT)  # the act started one
    with qtbot.wait_signal(window.sync.finished, timeout=WAIT) as pushed:
        window.sync.start()
    assert pushed.args[0].online
    qtbot.waitUntil(lambda: account.store.count_outbox("pending") == 0, timeout=WAIT)
    qtbot.waitUntil(
        lambda: account.store.get_state("last_success_at") != "", timeout=WAIT
    )  # the sync's own bookkeeping was written
    assert watch.on_lane > 0  # the watch saw the writes: it is not asleep
    assert watch.elsewhere == []
    # No keyring call on the GUI thread either, while all this happened.
    assert [c for c in secrets.calls if c[2]] == []
    assert ("set", TOKEN, False) in secrets.calls


def test_a_network_worker_cannot_write_the_store_but_through_the_lane(
    qtbot: QtBot, tasks: TaskManager
) -> None:
    """The writer runs a write handed from any worker on the local lane, and refuses the GUI
    thread (which must never wait on the disk)."""
    seen: list[bool] = []
    future = tasks.run_network(lambda: tasks.write(lambda: seen.append(tasks.on_local_lane())))
    qtbot.waitUntil(future.done, timeout=WAIT)
    assert future.exception() is None and seen == [True]
    with pytest.raises(RuntimeError):
        tasks.write(lambda: None)


def test_an_expired_session_and_a_wipe_touch_the_keyring_off_the_gui_thread(
    qtbot: QtBot,
    live_server: LiveServer,
    tmp_path: Path,
    tasks: TaskManager,
    secrets: RecordingSecrets,
) -> None:
    account = Account.open(Profile.open(tmp_path / "p"), secrets=secrets)
    account.sign_in(live_server.url, "member01", PASSWORD)
    before = account.member
    account.api.token = "no-longer-a-valid-token-at-all"
    window = MainWindow(account, tasks)
    qtbot.addWidget(window)
    window.show()
    secrets.calls.clear()
    with qtbot.wait_signal(window.session_expired, timeout=WAIT):
        window.sync.start()
    assert not account.signed_in
    assert account.member is not before  # the old member was dropped whole
    assert ("delete", TOKEN, False) in secrets.calls
    assert [c for c in secrets.calls if c[2]] == []

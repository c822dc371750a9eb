"""The task manager: results come back on the GUI thread, always after the call returns."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

import shiboken6
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from ui.tasks import TaskManager


class AlreadyDone(Executor):
    """An executor whose tasks are finished by the time submit returns (a fast worker)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def test_a_task_that_is_already_done_is_still_answered_later(qtbot: QtBot) -> None:
    tasks = TaskManager()
    order: list[str] = []
    tasks._submit(AlreadyDone(), lambda: 1, lambda _v: order.append("answer"), None)
    order.append("caller goes on")
    qtbot.waitUntil(lambda: len(order) == 2, timeout=5000)
    assert order == ["caller goes on", "answer"]
    tasks.shutdown()


def test_answers_and_errors_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    tasks = TaskManager()
    gui = threading.get_ident()
    seen: list[tuple[str, int]] = []
    tasks.run_network(threading.get_ident, lambda worker: seen.append(("done", worker)))
    tasks.run_local(
        lambda: 1 / 0,
        on_error=lambda error: seen.append((type(error).__name__, threading.get_ident())),
    )
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    done = next(worker for kind, worker in seen if kind == "done")
    assert done != gui  # the work ran on a worker
    assert ("ZeroDivisionError", gui) in seen  # the error came back to the GUI thread
    tasks.shutdown()
    dropped = tasks.run_local(lambda: 1)
    assert dropped.cancelled()  # after shutdown, late work is dropped, not raised


def test_what_a_worker_reports_as_it_goes_reaches_the_gui_thread_in_order(qtbot: QtBot) -> None:
    tasks = TaskManager()
    gui = threading.get_ident()
    seen: list[tuple[int, int]] = []
    report = tasks.on_gui_thread(lambda done, _total: seen.append((done, threading.get_ident())))

    def work() -> None:
        for done in range(200):
            report(done, 200)

    tasks.run_network(work)
    qtbot.waitUntil(lambda: len(seen) == 200, timeout=10_000)
    assert [done for done, _ in seen] == list(range(200))
    assert {thread for _, thread in seen} == {gui}
    tasks.shutdown()
    report(200, 200)  # the window is closing: dropped, not run
    qtbot.wait(50)
    assert len(seen) == 200


def test_an_answer_for_a_screen_closed_while_its_task_ran_is_dropped(qtbot: QtBot) -> None:
    tasks = TaskManager()
    release = threading.Event()
    closed_list, open_list = QListWidget(), QListWidget()

    def slow_read() -> list[str]:
        release.wait(5)
        return ["a"]

    tasks.run_local(slow_read, closed_list.addItems)
    tasks.run_local(lambda: ["b"], open_list.addItems)
    shiboken6.delete(closed_list)  # the reader closed: its widgets are gone
    release.set()
    qtbot.waitUntil(lambda: open_list.count() == 1, timeout=5000)  # no error on the way
    assert open_list.item(0).text() == "b"
    tasks.shutdown()

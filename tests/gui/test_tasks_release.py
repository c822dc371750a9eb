"""What a task holds is let go on the GUI thread, never on a worker (ui/tasks.py): PySide6's
deferred deletion of a Qt object whose last reference a worker dropped crashed the process."""

from __future__ import annotations

import threading
import weakref
from functools import partial

from pytestqt.qtbot import QtBot

from ui.tasks import TaskManager


class _Held:
    """Stands for a window a task's closure captures."""


def _released_on(holder: list[str]) -> _Held:
    held = _Held()
    weakref.finalize(held, lambda: holder.append(threading.current_thread().name))
    return held


def _deliver_to(delivered: list[str], answer: _Held, result: str) -> None:
    delivered.append(f"{result} {answer!r}")


def test_a_task_and_its_callbacks_are_let_go_on_the_gui_thread(
    qtbot: QtBot, tasks: TaskManager
) -> None:
    released: list[str] = []
    delivered: list[str] = []
    for n in range(40):
        captured = _released_on(released)
        answer = _released_on(released)
        lane = tasks.run_local if n % 2 else tasks.run_network
        lane(partial(repr, captured), partial(_deliver_to, delivered, answer))
        del captured, answer
    qtbot.waitUntil(lambda: len(delivered) == 40)
    qtbot.waitUntil(lambda: len(released) == 80)
    assert set(released) == {threading.current_thread().name}

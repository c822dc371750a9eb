"""GUI tests get a task manager (the real loopback server comes from tests/plugin.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ui.main_window import MainWindow
from ui.screens import Screen
from ui.tasks import TaskManager


@pytest.fixture
def tasks() -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


def shown_screen(window: MainWindow) -> Screen:
    """The window's screen, read anew: mypy would keep an earlier ``assert window.page == X``."""
    return window.page

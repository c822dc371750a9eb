"""GUI tests get a task manager (the real loopback server comes from tests/plugin.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui.garbage import GuiThreadCollector
from ui.main_window import MainWindow
from ui.screens import Screen
from ui.tasks import TaskManager


@pytest.fixture(scope="package", autouse=True)
def collected_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """Cycles are collected on the GUI thread only, as in the desktop (ui/garbage.py): the
    loopback server's and the workers' threads would otherwise free a test's widgets."""
    collector = GuiThreadCollector()
    yield
    collector.stop()


@pytest.fixture
def tasks() -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


def shown_screen(window: MainWindow) -> Screen:
    """The window's screen, read anew: mypy would keep an earlier ``assert window.page == X``."""
    return window.page

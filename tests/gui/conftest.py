"""GUI tests get a task manager (the real loopback server comes from tests/plugin.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.screens import Screen
from ui.tasks import TaskManager


@pytest.fixture(autouse=True)
def collect_after_each_test(qapp: QApplication) -> Iterator[None]:
    """Python's collector frees cycles that hold Qt objects (a widget in a closure it
    connected) whenever an allocation trips it: in the middle of a later test, or on a worker
    thread. Once a test's widgets are closed and their deleteLater()s have run, collect here,
    on the GUI thread, at a moment of no other Qt work. (A crash inside a collection during a
    later GUI test was seen on CI.)"""
    yield
    QApplication.processEvents()
    gc.collect()


@pytest.fixture
def tasks() -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


def shown_screen(window: MainWindow) -> Screen:
    """The window's screen, read anew: mypy would keep an earlier ``assert window.page == X``."""
    return window.page

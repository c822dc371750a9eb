"""GUI tests get a task manager (the real loopback server comes from tests/plugin.py) and
QSettings of their own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
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


@pytest.fixture(autouse=True)
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """QSettings in a temporary folder: the tests never touch the real user's choices (the
    theme, a remembered username, where a splitter was left), nor each other's."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@pytest.fixture
def tasks() -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


def shown_screen(window: MainWindow) -> Screen:
    """The window's screen, read anew: mypy would keep an earlier ``assert window.page == X``."""
    return window.page

"""The window as the member left it: its size, place and maximised state, its toolbar, and
where the splitters stood (the sidebar, the meeting's agenda and panel, the reader's side
panels), kept in QSettings at closing and put back at the next start.

A place saved on a screen that is no longer there (the projector of the hall, a docked
monitor) would open the window where nobody sees it: a geometry that meets no current screen
is ignored and the window opens at its default size. The choices are the laptop's, not the
member's papers, so they live in QSettings, never in the profile. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

GROUP = "window"


def on_some_screen(rect: QRect) -> bool:
    """Whether enough of ``rect`` is on a current screen to grab its title bar."""
    for screen in QGuiApplication.screens():
        seen = screen.availableGeometry().intersected(rect)
        if seen.width() >= 100 and seen.height() >= 50:
            return True
    return False


def remembered_splitters(window: QWidget) -> list[QSplitter]:
    """The splitters worth remembering: those given a name (``setObjectName``)."""
    return [s for s in window.findChildren(QSplitter) if s.objectName()]


def restore_splitters(widget: QWidget) -> None:
    """Put back the splitters of a part made after the window (the reader, at the first
    document) as ``save_window`` kept them."""
    settings = QSettings()
    settings.beginGroup(GROUP)
    try:
        _restore_splitters(settings, widget)
    finally:
        settings.endGroup()


def _restore_splitters(settings: QSettings, widget: QWidget) -> None:
    for splitter in remembered_splitters(widget):
        sizes = settings.value(f"splitter/{splitter.objectName()}")
        if isinstance(sizes, QByteArray):
            splitter.restoreState(sizes)


def save_window(window: QMainWindow) -> None:
    settings = QSettings()
    settings.beginGroup(GROUP)
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("rect", window.frameGeometry())
    settings.setValue("state", window.saveState())
    for splitter in remembered_splitters(window):
        settings.setValue(f"splitter/{splitter.objectName()}", splitter.saveState())
    settings.endGroup()


def restore_window(window: QMainWindow) -> bool:
    """Put back what ``save_window`` kept; False when the geometry was not used (none kept,
    or off every current screen)."""
    settings = QSettings()
    settings.beginGroup(GROUP)
    try:
        state = settings.value("state")
        if isinstance(state, QByteArray):
            window.restoreState(state)
        _restore_splitters(settings, window)
        geometry, rect = settings.value("geometry"), settings.value("rect")
        if not isinstance(geometry, QByteArray) or not isinstance(rect, QRect):
            return False
        if not on_some_screen(rect):
            return False
        return window.restoreGeometry(geometry)
    finally:
        settings.endGroup()

"""The window's frame: the sidebar beside the notice banner and the screen in front, all held
by the lock's guard (which makes them the central widget, or covers them), and the status bar
below, whose cancel button stops the sync. GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from ui.lock.guard import WindowGuard
from ui.status_area import StatusArea
from ui.window.notices import NoticeBanner

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def frame_window(window: MainWindow) -> tuple[NoticeBanner, WindowGuard, StatusArea]:
    """Lay out the sidebar and the screens' stack; returns the banner, guard and status bar."""
    banner = NoticeBanner()
    right = QWidget()
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(0, 0, 0, 0)
    right_layout.addWidget(banner)
    right_layout.addWidget(window.pages, 1)
    splitter = QSplitter()
    splitter.setObjectName("sidebar-splitter")  # remembered (ui/window/state.py)
    splitter.addWidget(window.sidebar)
    splitter.addWidget(right)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([280, 920])
    guard = WindowGuard(window, window.account, window.tasks, splitter)  # the central widget
    guard.sign_in_needed.connect(window.session_expired)
    status = StatusArea()
    status.cancel_requested.connect(window.sync.cancel)
    window.statusBar().addWidget(status, 1)
    return banner, guard, status

"""The window a member sees the moment e-Cabinet starts, while the laptop's profile opens and
the main window's modules load behind it; the main window takes its place and its size.

Only Qt's widgets are imported here, so it paints in about the time of an empty Qt window.
GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from ui.widgets.labels import heading

START_SIZE = (1200, 780)  # the main window's first size too


class StartWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("e-Cabinet")
        self.resize(*START_SIZE)
        self.label: QLabel = heading(self.tr("e-Cabinet\nĐang mở dữ liệu trên máy…"), scale=1.3)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.label)

    def hand_over(self, window: QMainWindow) -> None:
        """The main window appears where this one is, as large, and this one goes."""
        if self.isMaximized():
            window.showMaximized()
        else:
            window.setGeometry(self.geometry())
            window.show()
        self.close()

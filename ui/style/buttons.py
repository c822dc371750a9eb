"""The button that does what the screen is for ("Ký số và gửi", "Lưu ý kiến"): drawn in the
accent by the style sheet, one per screen or box. GUI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton


def primary(button: QPushButton) -> QPushButton:
    button.setProperty("primary", True)
    return button

"""Telling the member at once that the chair opened a vote: a short sound (which the member
can turn off in Settings; remembered in QSettings), and the words for the system tray's
message, which the window's tray shows (ui/window/tray.py). The words in the window are the
window's notice.

The sound is resources/sounds/vote-opened.wav through QSoundEffect when Qt Multimedia is
installed, else the system's beep (the desktop bundle ships PySide6-Essentials, which has no
Qt Multimedia). GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QUrl, Signal
from PySide6.QtWidgets import QApplication

SOUND_SETTING = "vote_sound"
SOUND_FILE = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "vote-opened.wav"


def sound_enabled() -> bool:
    return bool(QSettings().value(SOUND_SETTING, True, type=bool))


def set_sound_enabled(enabled: bool) -> None:
    QSettings().setValue(SOUND_SETTING, enabled)


class VoteAlert(QObject):
    sounded = Signal()  # the sound was played (or the beep given)
    told = Signal(str, str)  # title, message: for the tray

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect: Any = None
        try:
            from PySide6.QtMultimedia import QSoundEffect  # type: ignore[import-not-found]
        except ImportError:
            pass
        else:
            self._effect = QSoundEffect(self)
            self._effect.setSource(QUrl.fromLocalFile(str(SOUND_FILE)))
            self._effect.setVolume(0.6)

    def alert(self, title: str, message: str) -> None:
        self.told.emit(title, message)
        if sound_enabled():
            if self._effect is not None:
                self._effect.play()
            else:
                QApplication.beep()
            self.sounded.emit()

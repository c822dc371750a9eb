"""Python's cycle collector runs on the GUI thread only.

CPython collects cycles on whichever thread happens to allocate past the collector's
threshold: here a network worker, the live stream's reader, or (in the tests) the loopback
server's thread. A cycle that holds a Qt object (a widget captured by a lambda connected to
one of its own signals is one) is then destroyed on that thread, and Qt objects may only be
destroyed on the thread they live on: a crash, at a random later moment. So automatic
collection is turned off while the window runs, and a timer on the GUI thread collects each
generation when the collector would have (the pattern of Erik Janssens' ``GarbageCollector``,
used by Anki and many Qt programs).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

CHECK_EVERY_MS = 500


class GuiThreadCollector(QObject):
    """Create on the GUI thread; ``stop`` gives collection back to the interpreter."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(CHECK_EVERY_MS)

    @Slot()
    def collect_due(self) -> None:
        """Collect the oldest generation past its threshold, as the interpreter would."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Collect everything here, then let the interpreter collect again (if it did)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

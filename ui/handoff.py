"""Hands work from any thread to the GUI thread, in the order it was posted.

Only an argument-less signal crosses threads; the callables themselves wait in a Python queue
that holds them. So no Python object's life depends on how PySide6 keeps the arguments of a
queued signal: PySide6 6.12.0 is known to lose references on some calls (None's, True's),
and a GUI test run crashed in the teardown of worker threads that had emitted Python objects.
``post`` may be called on any thread; the callables run on the thread this object lives on
(the GUI thread).
"""

from __future__ import annotations

import queue
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot


class Handoff(QObject):
    _posted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        # Always queued: posted from the GUI thread too, it runs after the caller returns.
        self._posted.connect(self._run_waiting, Qt.ConnectionType.QueuedConnection)

    def post(self, work: Callable[[], None]) -> None:
        """Any thread: run ``work`` on the GUI thread soon."""
        self._waiting.put(work)
        self._posted.emit()

    @Slot()
    def _run_waiting(self) -> None:
        while True:
            try:
                work = self._waiting.get_nowait()
            except queue.Empty:
                return
            work()

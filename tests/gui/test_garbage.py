"""Cycles, and the Qt objects they hold, are freed on the GUI thread, never on a worker."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from ui.garbage import GuiThreadCollector


class Cycle:
    """Garbage only a collection frees; notes the thread that freed it."""

    freed_on: list[int] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.freed_on.append(threading.get_ident())


def test_a_worker_that_allocates_a_lot_never_frees_a_cycle(qtbot: QtBot) -> None:
    collector = GuiThreadCollector()  # nested in the package's: it must not mind that
    gui = threading.get_ident()
    Cycle.freed_on.clear()
    Cycle()  # unreachable at once: only a collection frees it

    def allocate() -> None:
        # Garbage far past the youngest generation's threshold: without the collector, the
        # interpreter would collect here, on this thread, and free the cycle with it.
        for _ in range(5 * gc.get_threshold()[0]):
            garbage: dict[str, object] = {}
            garbage["me"] = garbage

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert Cycle.freed_on == []
    qtbot.waitUntil(lambda: Cycle.freed_on != [], timeout=10_000)
    assert Cycle.freed_on == [gui]
    collector.stop()


def test_stopping_gives_collection_back_as_it_was(qtbot: QtBot) -> None:
    was = gc.isenabled()
    collector = GuiThreadCollector()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled() == was

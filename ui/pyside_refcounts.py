"""Keeps ``None``, ``True`` and ``False`` alive under PySide6 6.12.0 on CPython 3.11.

PySide6 6.12.0 hands back ``None`` from many void calls (``QScrollBar.setValue``, QPainter
drawing, ``processEvents``) and ``True`` from ``Signal.emit`` without owning a reference,
so each call takes one reference from them for good. On CPython 3.11 the count reaches zero
and the interpreter aborts ("deallocating None", "bool_dealloc"): the reader drains ``None``
by thousands per document (every highlight it paints), and ``TaskManager`` drains ``True``
by one per task, ~600 in a fresh interpreter. CPython 3.12 made these objects immortal (PEP
683), which makes the defect harmless there; ``keep_singletons_alive`` gives 3.11 the same
by adding a huge count to the three objects once. ``ui/__init__.py`` calls it, so it runs
before any screen or test touches Qt; any thread holding the GIL.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA = 1 << 40  # more references than a process will ever lose
_done = False


def keep_singletons_alive() -> None:
    global _done  # noqa: PLW0603 - once per process, like the interpreter's own flag
    if _done or sys.version_info >= (3, 12):
        return
    _done = True
    for singleton in (None, True, False):
        before = sys.getrefcount(singleton)
        # ob_refcnt is the first field of every object in a release build of CPython 3.11.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += _EXTRA
        if sys.getrefcount(singleton) - before != _EXTRA:  # another layout: undo, do nothing
            count.value -= _EXTRA

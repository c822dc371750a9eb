"""None, True and False outlive PySide6 6.12.0's lost references once ui is imported.

PySide6 6.12.0 takes a reference from ``None`` on many void calls and from ``True`` on each
``Signal.emit``; on CPython 3.11 the interpreter aborts when a count reaches zero (a few
thousand emits). This drains them far past a fresh interpreter's counts and checks what is
left could never reach zero.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QScrollBar
from pytestqt.qtbot import QtBot

import ui  # noqa: F401  (importing ui applies the fix)

PLENTY = 1 << 39


class _Sender(QObject):
    sent = Signal(int)


def test_thousands_of_emits_and_void_calls_do_not_abort(qtbot: QtBot) -> None:
    sender = _Sender()
    received: list[int] = []
    sender.sent.connect(received.append)
    bar = QScrollBar()
    bar.setRange(0, 10_000)
    for number in range(5_000):  # without the fix this aborts on CPython 3.11
        sender.sent.emit(number)
        bar.setValue(number)
    assert received == list(range(5_000))
    if sys.version_info < (3, 12):  # 3.12+ keeps them alive by itself (PEP 683)
        assert min(sys.getrefcount(x) for x in (None, True, False)) > PLENTY

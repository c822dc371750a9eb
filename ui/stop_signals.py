"""SIGTERM and SIGINT end the desktop as closing its window does (GUI thread, before exec).

Python runs a signal handler only when the main thread runs Python code again, and an idle Qt
event loop runs none: the interpreter's own C handler writes to a socket (``set_wakeup_fd``)
whose notifier wakes the loop, and the Python handler then quits it. So ``run`` returns and
what runs at exit runs, the demo's server stopped with the rest; without this, SIGTERM ended
the process at once and left that child serving.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QCoreApplication, QSocketNotifier

# The wake-up socket pair, open for the life of the process: the interpreter writes to one
# end by its number, which must stay valid.
_SOCKETS: list[socket.socket] = []


def quit_on_stop_signals(app: QCoreApplication) -> None:
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    _SOCKETS.extend((reader, writer))
    signal.set_wakeup_fd(writer.fileno())
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda _number, _frame: app.quit())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def woken() -> None:
        # Python code on the main thread: the pending handler has run by now.
        try:
            reader.recv(64)
        except BlockingIOError:
            pass

    notifier.activated.connect(woken)

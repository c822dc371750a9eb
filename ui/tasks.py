"""Runs core work off the GUI thread and hands results back to it.

Two lanes, as in architecture.md: one worker for local database writes (so the member's acts
are written in the order they were made) and a small pool for the network and large files.
Results and errors come back on the GUI thread through a Handoff (ui/handoff.py), so callers
never touch widgets from a worker. (The shape follows Anki's aqt/taskman.py.)

What a task holds (a widget's method, a window) is let go on the GUI thread, never on a
worker: PySide6 defers the C++ deletion of a Python-owned Qt object whose last reference a
worker drops to the GUI thread, through a queue that it fills and drains unlocked, and a
worker filling it while the GUI thread drains it crashed the process (a core caught in the GUI
tests showed exactly that, with a pool worker dropping its finished task). So the GUI thread
keeps each task and its callbacks until the task is delivered, and the worker lets go of its
own reference before the task is done.

``write`` is the window's writer (ecabinet.client.signed_in.Writer): a worker that must write
the store (the sync, on the network lane) hands the write to the local lane and waits for it,
so the local lane is the one writer of the laptop's store.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from shiboken6 import isValid

from ui.handoff import Handoff

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Job[T]:
    """What a worker runs: it lets go of the task as it starts it, so the worker's reference
    is gone before the task is done and the GUI thread's is the last."""

    __slots__ = ("_task",)

    def __init__(self, task: Callable[[], T]) -> None:
        self._task: Callable[[], T] | None = task

    def __call__(self) -> T:
        task, self._task = self._task, None
        assert task is not None, "a job runs once"
        return task()


_Held = tuple[
    Callable[[], Any], Callable[[Any], None] | None, Callable[[BaseException], None] | None
]


def _receiver_gone(callback: Callable[..., None] | None) -> bool:
    """Whether ``callback`` is a method of a Qt object whose C++ side has been deleted."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not isValid(owner)


class TaskManager(QObject):
    """Create once in the GUI thread; call ``run_*`` from the GUI thread."""

    def __init__(self, parent: QObject | None = None, network_workers: int = 3) -> None:
        super().__init__(parent)
        # Thread idents, not QThread.currentThread(): asking Qt on a pool's thread would make
        # Qt adopt it, a wrapper that outlives the thread.
        self._gui_ident = threading.get_ident()
        self._local_ident: int | None = None
        self._local = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="ecab-local", initializer=self._note_local_thread
        )
        self._network = ThreadPoolExecutor(
            max_workers=network_workers, thread_name_prefix="ecab-net"
        )
        # Always queued: a task that finishes before its callback is attached would otherwise
        # be answered at once, inside run_*, before the caller has finished setting up.
        self._handoff = Handoff(self)
        self._closed = False
        # Each task and its callbacks until delivered, by number: GUI thread only.
        self._held: dict[int, _Held] = {}
        self._numbers = itertools.count()

    def run_local(
        self,
        task: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        """Local database writes, one at a time, in submission order."""
        return self._submit(self._local, task, on_done, on_error)

    def write(self, fn: Callable[[], T], /) -> T:
        """Run ``fn`` on the local lane and wait for it: the writer of every store write made
        on a worker. On the local lane itself it runs at once (a wait there would never end);
        the GUI thread never waits on the disk, so it is refused there."""
        if self.on_local_lane():
            return fn()
        if threading.get_ident() == self._gui_ident:
            raise RuntimeError("the GUI thread never waits on the store: use run_local")
        return self._local.submit(fn).result()

    def on_local_lane(self) -> bool:
        return threading.get_ident() == self._local_ident

    def _note_local_thread(self) -> None:
        self._local_ident = threading.get_ident()

    def run_network(
        self,
        task: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        """Network calls and large files, a few at a time."""
        return self._submit(self._network, task, on_done, on_error)

    def _submit(
        self,
        pool: Executor,
        task: Callable[[], T],
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> Future[T]:
        if self._closed:
            # The application is closing: late timers (a page to remember, a refresh) are
            # dropped rather than raising into the event loop.
            dropped: Future[T] = Future()
            dropped.cancel()
            return dropped
        number = next(self._numbers)
        self._held[number] = (task, on_done, on_error)
        future = pool.submit(_Job(task))
        # Runs on the worker thread, and holds nothing of the task's: only posts its number.
        future.add_done_callback(partial(self._finished, number))
        return future

    def _finished(self, number: int, fut: Future[Any]) -> None:
        if not self._closed:
            self._handoff.post(partial(self._deliver, number, fut))

    def _deliver(self, number: int, fut: Future[Any]) -> None:
        held = self._held.pop(number, None)
        if held is None:  # posted before a shutdown that has let go of it: not delivered
            return
        _task, on_done, on_error = held
        if _receiver_gone(on_done) or _receiver_gone(on_error):
            # The screen that asked has been closed while its task ran: its answer has no one
            # to go to (Qt drops a signal to a deleted receiver the same way).
            return
        error = fut.exception()
        if error is not None:
            try:
                if on_error is not None:
                    on_error(error)
                else:
                    log.error("background task failed", exc_info=error)
            finally:
                # The traceback's frames hold what the task held; the worker may still hold
                # the future, so they are let go here, not with it.
                error.__traceback__ = None
            return
        if on_done is not None:
            on_done(fut.result())

    def on_gui_thread(self, receiver: Callable[..., None]) -> Callable[..., None]:
        """A callable a worker may call as it goes (a progress, a page drawn): each call runs
        ``receiver`` with its arguments on the GUI thread, in order, through the handoff; the
        worker never emits a signal or touches a Qt object itself. Calls after ``shutdown``
        are dropped."""

        def relay(*args: Any) -> None:
            if not self._closed:
                self._handoff.post(lambda: receiver(*args))

        return relay

    def shutdown(self, wait: bool = True) -> None:
        self._closed = True
        self._local.shutdown(wait=wait, cancel_futures=True)
        self._network.shutdown(wait=wait, cancel_futures=True)
        if wait:  # every worker has let go: what the tasks held goes here, on the GUI thread
            self._held.clear()

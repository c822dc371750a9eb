"""The window's guard: it locks after idle time, and hides every paper once the laptop has
been away from the server too long (``ecabinet.client.lock`` says when).

The papers and the lock screen share one stack. Locking closes the open document, so its
bytes leave memory, and disables the window's actions, so no shortcut reaches a page behind
the lock. Unlocking is checked on a worker (scrypt). GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from ecabinet.client import lock
from ecabinet.client.account import Account
from ui.lock.screen import LockScreen
from ui.tasks import TaskManager

EXPIRY_CHECK_MS = 60_000
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class WindowGuard(QObject):
    locked = Signal()  # the papers are out of sight
    unlocked = Signal()
    sign_in_needed = Signal()

    def __init__(
        self, window: QMainWindow, account: Account, tasks: TaskManager, papers: QWidget
    ) -> None:
        super().__init__(window)
        self.window, self.account, self.tasks = window, account, tasks
        self.screen = LockScreen()
        self.screen.unlock_requested.connect(self._try_unlock)
        self.screen.sign_in_requested.connect(self.sign_in_needed)
        self.stack = QStackedWidget()
        self.stack.addWidget(papers)
        self.stack.addWidget(self.screen)
        window.setCentralWidget(self.stack)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(lock.DEFAULT_IDLE_MINUTES * 60_000)  # until the policy says
        self.idle_timer.timeout.connect(self.lock_idle)
        self.expiry_timer = QTimer(self)
        self.expiry_timer.timeout.connect(self.check_expiry)
        self.expiry_timer.start(EXPIRY_CHECK_MS)
        self._disabled: list[QAction] = []
        self.offline_hours = lock.DEFAULT_OFFLINE_HOURS  # the body's, from each view
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return self.stack.currentWidget() is self.screen

    def watch_idle(self, milliseconds: int) -> None:
        self.idle_timer.start(milliseconds)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT and self.idle_timer.isActive():
            self.idle_timer.start()  # the member is here: the idle time starts again
        return False

    # --- locking -----------------------------------------------------------------------

    def lock_idle(self) -> None:
        if self.is_locked or not self.account.signed_in:
            return
        self.screen.show_idle()
        self._cover()

    def show_papers_hidden(self, hidden: bool, offline_hours: int | None = None) -> None:
        """Called with each fresh view of the profile (which says the body's offline limit):
        hidden until the next sign-in."""
        if offline_hours is not None:
            self.offline_hours = offline_hours
        if hidden:
            self.screen.show_hidden(
                self.tr(
                    "Máy này đã không kết nối với máy chủ quá {hours} giờ. Để bảo vệ tài liệu, "
                    "hãy kết nối mạng và đăng nhập lại. Các thao tác chưa gửi vẫn được giữ."
                ).format(hours=self.offline_hours)
            )
            self._cover()
        elif self.is_locked and not self.screen.asking:
            self._uncover()

    def _cover(self) -> None:
        if self.is_locked:
            return
        self.stack.setCurrentWidget(self.screen)
        self._disabled = [a for a in self.window.actions() if a.isEnabled()]
        for action in self._disabled:
            action.setEnabled(False)
        self.window.menuBar().setEnabled(False)
        self.locked.emit()

    def _uncover(self) -> None:
        self.stack.setCurrentIndex(0)
        for action in self._disabled:
            action.setEnabled(True)
        self._disabled = []
        self.window.menuBar().setEnabled(True)
        self.idle_timer.start()
        self.unlocked.emit()

    # --- unlocking ---------------------------------------------------------------------

    def _try_unlock(self, secret: str) -> None:
        store = self.account.member.store
        self.screen.say(self.tr("Đang kiểm tra…"))
        self.tasks.run_local(
            lambda: (lock.unlock(store, secret), lock.tries_left(store)),
            self._answered,
            self._refused,
        )

    def _answered(self, outcome: tuple[bool, int]) -> None:
        right, left = outcome
        if right:
            self._uncover()
            return
        self.screen.say(
            self.tr("Mật khẩu hoặc mã PIN không đúng. Còn {count} lần thử.").format(count=left)
        )

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, lock.LockedOut):
            self.screen.say(self.tr("Không kiểm tra được: {error}").format(error=error))
            return
        self.tasks.run_local(self.account.end_session, lambda _none: self._ended())

    def _ended(self) -> None:
        self.show_papers_hidden(True)
        self.screen.say(self.tr("Nhập sai quá nhiều lần: hãy đăng nhập lại với máy chủ."))
        self.sign_in_needed.emit()

    def check_expiry(self) -> None:
        self.tasks.run_local(self.account.enforce_offline_expiry, self._expiry_checked)

    def _expiry_checked(self, expired: bool) -> None:
        if expired:
            self.show_papers_hidden(True)
            self.sign_in_needed.emit()

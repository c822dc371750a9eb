"""The system's own ways of telling: the tray icon with its menu (Mở e-Cabinet, Đồng bộ ngay,
Thoát) and a tooltip that says how the sync stands, and the desktop's notifications.

Where the desktop has no tray (QSystemTrayIcon.isSystemTrayAvailable() is false: some Linux
desktops, the offscreen platform) a notification is shown in the window's notice line
instead. The member can turn notifications off in Settings (QSettings, the laptop's choice).
What a notification says is decided in ui/notifier.py; which ballots to remind of, and that
each is reminded once, in ecabinet/client/reminders.py. GUI thread.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ecabinet.client.engine import SyncResult
from ecabinet.client.library import BallotEntry
from ecabinet.client.reminders import remind_due
from ecabinet.official_time import official_clock
from ui.icons import product_icon
from ui.notifier import Notification, ballots_due_notice

if TYPE_CHECKING:
    from ui.main_window import MainWindow

NOTIFY_SETTING = "notifications"
MESSAGE_MS = 10_000


def notifications_enabled() -> bool:
    return bool(QSettings().value(NOTIFY_SETTING, True, type=bool))


def set_notifications_enabled(enabled: bool) -> None:
    QSettings().setValue(NOTIFY_SETTING, enabled)


class WindowTray(QObject):
    notified = Signal(str, str)  # title, message: shown in the tray or in the notice line

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # Without a parent: the tray, not the window, shows it (and the window's keys are not its).
        self.menu = QMenu()
        self.open_action = self.menu.addAction(self.tr("Mở e-Cabinet"), self.bring_up)
        self.sync_action = self.menu.addAction(self.tr("Đồng bộ ngay"), window.sync.start)
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(self.tr("Thoát"), window.close)
        self.tooltip = "e-Cabinet"
        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(product_icon(), self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.show()
        self._set_tooltip(self.tr("Chưa đồng bộ"))
        sync = window.sync
        sync.started.connect(lambda: self._set_tooltip(self.tr("Đang đồng bộ…")))
        sync.finished.connect(self._synced)
        sync.failed.connect(lambda _text: self._set_tooltip(self.tr("Không đồng bộ được")))

    def bring_up(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        else:
            window.show()
        window.raise_()
        window.activateWindow()

    def notify(self, note: Notification, fallback: bool = True) -> None:
        """Show ``note`` in the tray; without a tray, in the window's notice line when
        ``fallback`` (the window may already say it in its own words)."""
        if not notifications_enabled():
            return
        if self.icon is not None and self.icon.supportsMessages():
            self.icon.showMessage(
                note.title, note.message, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS
            )
        elif fallback:
            self.window.show_notice(f"{note.title}: {note.message}")
        else:
            return
        self.notified.emit(note.title, note.message)

    def remind_ballots(self, now: datetime | None = None) -> None:
        """After a sync: the ballots due within a day of ``now``, each told once (on the
        local lane: remembering them writes the profile)."""
        if not notifications_enabled():
            return
        account = self.window.account.member
        self.window.tasks.run_local(
            lambda: remind_due(account, now), lambda due: self._remind(due, now)
        )

    def _remind(self, due: list[BallotEntry], now: datetime | None) -> None:
        note = ballots_due_notice(due, self.window.guard.is_locked, now)
        if note is not None:
            self.notify(note)

    def _synced(self, result: SyncResult) -> None:
        if result.online:
            self._set_tooltip(
                self.tr("Đã đồng bộ lúc {time}").format(time=official_clock(datetime.now(UTC)))
            )
        else:
            self._set_tooltip(self.tr("Ngoại tuyến: đang làm việc với dữ liệu trên máy"))
        self.remind_ballots()

    def _set_tooltip(self, state: str) -> None:
        self.tooltip = f"e-Cabinet — {state}"
        if self.icon is not None:
            self.icon.setToolTip(self.tooltip)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.bring_up()

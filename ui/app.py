"""Building and running the desktop application (GUI thread).

A start window is painted first (ui/starting.py); the profile is opened on the local lane,
which imports the client core with it, and the main window is built when it is open. The
main window's modules are imported only then, so nothing heavy comes before the first paint.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from ecabinet import __version__
from ui.garbage import GuiThreadCollector
from ui.i18n import install_translations
from ui.icons import product_icon
from ui.starting import StartWindow
from ui.stop_signals import quit_on_stop_signals
from ui.tasks import TaskManager
from ui.theme import apply_font_scale, apply_theme, follow_system

if TYPE_CHECKING:
    from ecabinet.client.account import Account
    from ui.main_window import MainWindow

# Workers (downloads, indexing) share one interpreter lock with the GUI thread; handing it
# over every millisecond instead of every five keeps the window answering while they run
# (measured by `python -m tests.bench gui`).
GIL_SWITCH_INTERVAL_S = 0.001


def make_application(argv: list[str], language: str | None = None) -> QApplication:
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("e-Cabinet")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ecabinet")
    app.setWindowIcon(product_icon())
    # High-DPI: Qt 6 scales by the screen's factor and keeps fractional factors (125%, 150%)
    # unrounded by default; icons are SVG, so they stay sharp at any factor.
    apply_theme(app)
    follow_system(app)
    apply_font_scale(app)
    install_translations(app, language)  # None: the member's choice
    return app


def run(
    open_account: Callable[[], Account],
    startup: Callable[[Account], str] | None = None,
    screenshots: Path | None = None,
    quit_when_shown: bool = False,
    language: str | None = None,
) -> int:
    """Open the profile (``open_account``: the keyring and the encrypted store, so on the local
    lane, never the GUI thread), then the main window on it; ``startup`` runs next on a worker
    (the demo's server start and sign-in) and returns a message for the status bar. With
    ``screenshots`` every screen is saved there after the first sync, and the application
    quits; ``language`` overrides the member's choice for this run (a tour in English); with
    ``quit_when_shown`` it quits once the window first shows the profile (a
    start-time probe)."""
    app = make_application(sys.argv, language)
    quit_on_stop_signals(app)
    GuiThreadCollector(app)  # no cycle, and so no Qt object, is freed on a worker
    tasks = TaskManager()
    windows: list[MainWindow] = []  # the one window, kept alive for the event loop
    start = StartWindow()
    start.show()

    def opened(account: Account) -> None:
        window = show_window(app, tasks, account, startup, screenshots, quit_when_shown, start)
        windows.append(window)

    def not_opened(error: BaseException) -> None:
        QMessageBox.critical(
            None,
            "e-Cabinet",
            QCoreApplication.translate("App", "Không mở được dữ liệu trên máy: {error}").format(
                error=error
            ),
        )
        app.exit(1)

    tasks.run_local(open_account, opened, not_opened)
    code = app.exec()
    start.close()
    for window in windows:
        window.live.stop()
    tasks.shutdown(wait=False)
    return code


def show_window(
    app: QApplication,
    tasks: TaskManager,
    account: Account,
    startup: Callable[[Account], str] | None,
    screenshots: Path | None,
    quit_when_shown: bool,
    start: StartWindow | None = None,
) -> MainWindow:
    from ui.main_window import MainWindow

    window = MainWindow(account, tasks)
    if screenshots is not None:
        from ui.screenshots import ScreenshotTour  # the tour's modules only for a tour

        ScreenshotTour(window, screenshots).finished.connect(app.exit)
    if quit_when_shown:
        window.refreshed.connect(app.quit)

    def ask_to_sign_in(message: str = "") -> None:
        from ui.signin.dialog import SignInDialog  # most starts are signed in already

        dialog = SignInDialog(account, tasks, message, window)
        dialog.signed_in.connect(
            lambda name: window.status.show_message(
                QCoreApplication.translate("App", "Đã đăng nhập: {name}").format(name=name)
            )
        )
        dialog.signed_in.connect(window.sync.start)
        dialog.open()

    window.session_expired.connect(
        lambda: ask_to_sign_in(
            QCoreApplication.translate("App", "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.")
        )
    )
    if start is not None:
        start.hand_over(window)
    else:
        window.show()
    if startup is None and account.signed_in:
        # Offline or not, the member lands on what is already on the laptop; the sync starts
        # once it is shown, not beside its first read (its imports and writes would delay it).
        def sync_once_shown() -> None:
            window.refreshed.disconnect(sync_once_shown)
            window.sync.start()

        window.refreshed.connect(sync_once_shown)
    elif startup is None:
        ask_to_sign_in()
    else:
        window.status.show_message(
            QCoreApplication.translate("App", "Đang khởi động máy chủ trình diễn và đăng nhập…")
        )

        def started(message: str) -> None:
            window.status.show_message(message)
            window.sync.start()

        def failed(error: BaseException) -> None:
            window.status.show_message(
                QCoreApplication.translate("App", "Không khởi động được: {error}").format(
                    error=error
                )
            )
            if screenshots is not None:
                app.exit(1)

        begin = startup
        tasks.run_network(lambda: begin(account), started, failed)
    return window

"""Building and running the desktop application (GUI thread)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ecabinet import __version__
from ecabinet.client.account import Account
from ui.main_window import MainWindow
from ui.signin.dialog import SignInDialog
from ui.tasks import TaskManager

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("e-Cabinet")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ecabinet")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "ecabinet.svg")))
    return app


def run(account: Account, startup: Callable[[], str] | None = None) -> int:
    """Open the main window on ``account``; ``startup`` runs first on a worker (the demo's
    server start and sign-in) and returns a message for the status bar."""
    app = make_application(sys.argv)
    tasks = TaskManager()
    window = MainWindow(account, tasks)

    def ask_to_sign_in(message: str = "") -> None:
        dialog = SignInDialog(account, tasks, message, window)
        dialog.signed_in.connect(lambda name: window.show_message(f"Đã đăng nhập: {name}"))
        dialog.signed_in.connect(window.start_sync)
        dialog.open()

    window.session_expired.connect(
        lambda: ask_to_sign_in("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.")
    )
    window.show()
    if startup is None and account.signed_in:
        # Offline or not, the member lands on what is already on the laptop.
        window.start_sync()
    elif startup is None:
        ask_to_sign_in()
    else:
        window.show_message("Đang khởi động máy chủ demo và đăng nhập…")

        def started(message: str) -> None:
            window.show_message(message)
            window.start_sync()

        def failed(error: BaseException) -> None:
            window.show_message(f"Không khởi động được: {error}")

        tasks.run_network(startup, started, failed)
    code = app.exec()
    tasks.shutdown(wait=False)
    return code

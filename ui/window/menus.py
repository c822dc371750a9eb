"""The window's actions: its menus, its toolbar and their keys, and the settings dialog they
open. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from ecabinet.client import lock
from ui.screens import Screen
from ui.settings.dialog import SettingsDialog
from ui.widgets.actions import Shortcut, make_action

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# The strings keep the window's context in the translations (resources/translations).
translate = QCoreApplication.translate


class WindowMenus:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        keys = QKeySequence.StandardKey
        self.sync_action = self._action(
            translate("MainWindow", "Đồng bộ"), [keys.Refresh], window.sync.start, "sync"
        )
        self.search_action = self._action(
            translate("MainWindow", "Tìm trong mọi tài liệu"),
            ["Ctrl+Shift+F"],
            window.show_search,
            "search",
        )
        self.documents_action = self._action(
            translate("MainWindow", "Tài liệu"),
            ["Ctrl+Shift+D"],
            lambda: window.show_page(Screen.DOCUMENTS, ""),
            "documents",
        )
        self.travel_action = self._action(
            translate("MainWindow", "Sẵn sàng đi công tác"),
            ["Ctrl+Shift+T"],
            lambda: window.show_page(Screen.TRAVEL, ""),
            "travel",
        )
        self.home_action = self._action(
            translate("MainWindow", "Hôm nay"),
            ["Alt+Home"],
            lambda: window.show_page(Screen.HOME, ""),
            "home",
        )
        self.back_action = self._action(
            translate("MainWindow", "Quay lại"), [keys.Back], window.go_back, "back"
        )
        self.quit_action = self._action(
            translate("MainWindow", "Thoát"), [keys.Quit, "Ctrl+Q"], window.close
        )
        self.settings_action = self._action(
            translate("MainWindow", "Cài đặt…"),
            [keys.Preferences, "Ctrl+,"],
            self._settings,
            "settings",
        )
        self._build_menus(window)

    def _action(
        self, text: str, shortcuts: list[Shortcut], slot: Callable[..., Any], icon_name: str = ""
    ) -> QAction:
        action = make_action(self.window, text, shortcuts, slot, icon_name)
        self.window.addAction(action)
        return action

    def _build_menus(self, window: QMainWindow) -> None:
        menu = window.menuBar()
        file_menu = menu.addMenu(translate("MainWindow", "&Tệp"))
        file_menu.addActions([self.sync_action, self.travel_action])
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.quit_action)
        view_menu = menu.addMenu(translate("MainWindow", "&Xem"))
        view_menu.addActions(
            [self.home_action, self.documents_action, self.search_action, self.back_action]
        )
        toolbar = window.addToolBar(translate("MainWindow", "Công cụ"))
        toolbar.setObjectName("main-toolbar")
        toolbar.addActions(
            [
                self.back_action,
                self.home_action,
                self.sync_action,
                self.search_action,
                self.documents_action,
                self.travel_action,
            ]
        )

    def _settings(self) -> None:
        window = self.window
        dialog = SettingsDialog(window)
        store = window.account.member.store

        def pin_chosen(pin: str) -> None:
            window.tasks.run_local(
                lambda: lock.set_pin(store, pin),
                lambda _none: dialog.note.setText(
                    translate("MainWindow", "Đã đặt mã PIN mở khoá màn hình.")
                ),
            )

        dialog.pin_chosen.connect(pin_chosen)
        dialog.open()

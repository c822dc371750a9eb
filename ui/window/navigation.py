"""Which screen the window shows, with what, and the way back.

A screen is put in front through the registry (ui/screens.py): the screen left is told, the
sidebar selects the entry of a screen it lists, and the screen shown is given its object id.
GUI thread.
"""

from __future__ import annotations

from ui.screens import SIDEBAR_SCREENS, Screen, ScreenRegistry
from ui.sidebar import Sidebar

HISTORY_LENGTH = 50


class Navigation:
    def __init__(self, registry: ScreenRegistry, sidebar: Sidebar) -> None:
        self.registry = registry
        self.sidebar = sidebar
        self.screen, self.object_id = Screen.HOME, ""
        self.history: list[tuple[Screen, str]] = []

    def show(self, screen: Screen, object_id: str = "") -> None:
        if (screen, object_id) != (self.screen, self.object_id):
            self.history.append((self.screen, self.object_id))
            del self.history[:-HISTORY_LENGTH]
        if screen != self.screen:
            self.registry.leave(self.screen)
        self.screen, self.object_id = screen, object_id
        entry = self.registry.entry(screen)
        self.registry.stack.setCurrentWidget(entry.widget)
        if screen in SIDEBAR_SCREENS:
            # Selecting the entry comes back here through the sidebar's signal, with the
            # same screen and id: nothing is pushed twice.
            self.sidebar.choose(screen, object_id)
        else:
            # Nothing selected, so that choosing the entry last selected (the meeting, "Hôm
            # nay") from the reader or the console goes there again.
            self.sidebar.forget_choice()
        entry.shown(object_id)

    def back(self) -> None:
        if self.history:
            screen, object_id = self.history.pop()
            self.show(screen, object_id)
            self.history.pop()  # show pushed where we came from; going back drops it

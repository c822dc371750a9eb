"""A page's place among the window's screens, the page built when first needed.

Building every page with the window, and importing their modules, delayed "Hôm nay" by the
time of screens a member may not open in a whole session (the console, the Office's screens,
search). The slot stands in the screens' stack from the start; the page is made and put in it
when its screen is first shown, or when code first asks for it (``window.<page>``). GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.screens import Screen


class PageSlot[P: QWidget](QWidget):
    def __init__(self, make: Callable[[], P], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make = make  # builds the page and wires it to the window
        self.built: P | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def page(self) -> P:
        if self.built is None:
            self.built = self._make()
            self._layout.addWidget(self.built)
            # Shown with the slot at once, not at the layout's next pass: a page made as its
            # screen comes in front is visible to what follows in the same call.
            self.built.show()
        return self.built


class HasSlots(Protocol):
    slots: dict[Screen, PageSlot[Any]]


class SlotPage[P: QWidget]:
    """``window.<page>``: the page in the slot of ``screen``, made at the first use."""

    def __init__(self, screen: Screen) -> None:
        self.screen = screen

    def __get__(self, window: HasSlots, owner: object = None) -> P:
        page: P = window.slots[self.screen].page()
        return page

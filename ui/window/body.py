"""The member's body on the window: its name in the window's title and the status bar, and its
words (ui/body_words.py) given to every page that names the body or its office, whether made
already or made later. The body comes with each View (ui/view.py): a sign-in to another body
in the same window renames everything at the next read. GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ui.body_words import BodyWords, body_words

if TYPE_CHECKING:
    from ui.main_window import MainWindow

TITLE = "e-Cabinet"


@runtime_checkable
class NamesTheBody(Protocol):
    def show_body(self, words: BodyWords) -> None: ...


class WindowBody:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        # Until the first read: the Government's, as a laptop signed in before servers held
        # several bodies stored none.
        self.words = body_words("", "")
        self.stored: tuple[str, str] | None = None

    def show(self, code: str, name: str) -> None:
        if (code, name) == self.stored:
            return
        self.stored = (code, name)
        self.words = words = body_words(code, name)
        window = self.window
        # Named only once sign-in stored a body: a laptop not signed in yet names none.
        window.setWindowTitle(f"{TITLE} — {words.name}" if code or name else TITLE)
        window.status.show_body(words.name if code or name else "")
        for page in self._made():
            page.show_body(words)

    def give(self, page: object) -> None:
        """A page just made gets the words of the body already known."""
        if isinstance(page, NamesTheBody):
            page.show_body(self.words)

    def _made(self) -> Iterator[NamesTheBody]:
        window = self.window
        made = [slot.built for slot in window.slots.values()]
        made += [window.reader_slot.built, window.made_item_panel]
        yield from (page for page in made if isinstance(page, NamesTheBody))

"""The reader's place among the window's screens, its reader built when first needed.

The reader brings QtPdf, pypdf and fpdf with it: importing and building it at start would
delay the window's first paint by the time of those imports, for a member who may only
look at "Hôm nay" and reply to a ballot. The slot stands in the screens' stack from the start;
the reader is made and put in it at the first document opened (or the first thing that asks
for it). GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ecabinet.client.account import Account
from ui.tasks import TaskManager
from ui.window.page_slot import PageSlot

if TYPE_CHECKING:
    from ui.reader.reader import DocumentReader


class ReaderSlot(PageSlot["DocumentReader"]):
    def __init__(
        self,
        account: Account,
        tasks: TaskManager,
        made: Callable[[DocumentReader], None],
        parent: QWidget | None = None,
    ) -> None:
        def make() -> DocumentReader:
            from ui.reader.reader import DocumentReader  # deferred: see above

            reader = DocumentReader(account, tasks)
            made(reader)  # wires the new reader to the window
            return reader

        super().__init__(make, parent)

    def reader(self) -> DocumentReader:
        return self.page()

    def close_document(self) -> None:
        """Nothing to close when no reader was ever made."""
        if self.built is not None:
            self.built.close_document()

    def following(self) -> bool:
        """Whether the reader follows the chair to the next item: on until the member turns
        it off in a reader, so on while no reader was made."""
        return self.built is None or self.built.toolbar.follow_action.isChecked()

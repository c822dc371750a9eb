"""Opening a document in the window's reader, and closing it behind the lock.

The file is unsealed on the local lane: a large draft never holds up the window; the reader
is shown once the bytes are in memory. GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ecabinet.client import acts
from ecabinet.client.library import DocumentEntry, Library
from ecabinet.client.vault import DamagedFile
from ui.screens import Screen

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# The strings keep the window's context in the translations (resources/translations).
translate = QCoreApplication.translate


class DocumentOpener:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._reopen: tuple[str, int] | None = None  # what the lock closed, and at which page
        window.guard.locked.connect(self._locked)
        window.guard.unlocked.connect(self._unlocked)

    def open_at(self, document_id: str, page: int, words: str) -> None:
        """Open in the reader; ``page`` -1 means where the member last stopped."""
        account = self.window.account.member

        def entry_and_bytes() -> tuple[DocumentEntry | None, bytes | None]:
            entry = Library(account).document(document_id)
            if entry is None or entry.version is None or not entry.present:
                return entry, None
            try:
                return entry, account.store.vault.read(entry.version.sha256)
            except DamagedFile:
                return entry, None  # removed: the next sync fetches it again

        self.window.tasks.run_local(
            entry_and_bytes, lambda found: self._open_entry(*found, page=page, words=words)
        )

    def _open_entry(
        self, entry: DocumentEntry | None, data: bytes | None, *, page: int, words: str
    ) -> None:
        window = self.window
        if entry is None or entry.version is None:
            window.status.show_message(translate("MainWindow", "Tài liệu này không còn trên máy."))
            return
        if data is None:
            window.status.show_message(
                translate("MainWindow", "“{title}” chưa có trên máy; đang tải về.").format(
                    title=entry.document.title
                )
            )
            window.sync.start()
            return
        window.reader.open_document(
            document_id=entry.document.id,
            version_id=entry.version.id,
            title=entry.document.title,
            origin=entry.document.origin,
            data=data,
            allow_copy=entry.document.allow_copy,
            page=None if page < 0 else page,
            search=words,
        )
        window.show_page(Screen.READER, entry.document.id)
        if entry.unread:
            account, document_id = window.account.member, entry.document.id
            window.tasks.run_local(
                lambda: acts.mark_read(account, document_id), lambda _: window.refresh()
            )
        window.document_opened.emit(entry.document.id)

    def _locked(self) -> None:
        """Nothing readable stays open behind the lock: the document leaves memory."""
        reader = self.window.reader_slot.built
        if reader is None:
            return  # no document was ever opened
        if self.window.page == Screen.READER and reader.document_id:
            self._reopen = (reader.document_id, reader.current_page)
        reader.close_document()

    def _unlocked(self) -> None:
        if self._reopen is not None:
            document_id, page = self._reopen
            self._reopen = None
            self.open_at(document_id, page, "")

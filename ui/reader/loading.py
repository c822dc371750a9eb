"""Opening and closing a document in the reader, and what is read for it off the GUI thread.

The file is loaded from memory (pdfium reads pages lazily); each part of the reader is then
told of the new document. Thumbnails and page texts are made on workers from their own copy
of the file (ui/reader/background.py); the item the document belongs to (for asking to
speak and for the header) and the page last read come from the local lane. Each opening has
its generation: answers about a document no longer open are dropped. GUI thread.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from ecabinet.client.session_acts import item_of_document
from ui.reader.background import buffer_of, page_texts, render_thumbnails
from ui.reader.header import place_words

if TYPE_CHECKING:
    from ui.reader.reader import DocumentReader

# The strings keep the reader's context in the translations (resources/translations).
translate = QCoreApplication.translate


class DocumentLoading(QObject):
    def __init__(self, reader: DocumentReader) -> None:
        super().__init__(reader)
        self.reader = reader
        self.generation = 0  # answers from workers about an older document are dropped
        self._thumbnail_generation = 0
        self._buffer = buffer_of(b"")
        self._cancel = threading.Event()
        reader.thumbnail_ready.connect(self._thumbnail)

    def open(
        self,
        *,
        document_id: str,
        version_id: str,
        title: str,
        origin: str,
        data: bytes,
        allow_copy: bool,
        page: int | None,
        search: str,
    ) -> None:
        reader = self.reader
        self.close()
        self.generation += 1
        reader.document_id, reader.version_id = document_id, version_id
        reader.allow_copy = allow_copy
        reader.plain_title = title
        # The origin (national document exchange) joins the meeting and item under the title.
        reader.show_title(title, "", origin)
        self._show_place(document_id, title, origin)
        # The file is opened from memory: on disk it is sealed, and stays so.
        self._buffer = buffer_of(data)
        reader.document.load(self._buffer)
        if reader.document.status() != QPdfDocument.Status.Ready:
            reader.show_message(
                translate(
                    "DocumentReader", "Không mở được tài liệu: tệp bị hỏng hoặc không phải PDF."
                )
            )
            return
        reader.view.reset_pages()
        reader.annotator.texts = None
        reader.annotator.load(version_id)
        count = reader.document.pageCount()
        toolbar = reader.toolbar
        toolbar.page_count.setText(f"/ {count}")
        toolbar.page_field.setText("1")
        toolbar.copy_action.setEnabled(True)
        reader.side.show_document(count)
        self._start_background(data)
        reader.finder.reset(search)
        toolbar.search_field.setText(search)
        if page is None:
            self._restore_last_page()
        else:
            reader.go_to_page(page)
        reader.loaded.emit(count)

    def close(self) -> None:
        reader = self.reader
        reader.paging.save_now()
        self._cancel.set()
        self.generation += 1
        reader.view.reset_pages()
        reader.document.close()
        reader.side.thumbnails.clear()
        reader.finder.reset(reader.finder.pending)
        reader.message.hide()
        reader.document_id = ""
        reader.toolbar.speak.show_item("")

    def _show_place(self, document_id: str, title: str, origin: str) -> None:
        """The item the document belongs to (for asking to speak) and its meeting and item
        under the title, read on the local lane."""
        generation, account = self.generation, self.reader.account.member

        def read() -> tuple[str, str]:
            item_id = item_of_document(account, document_id)
            item = account.store.agenda_item(item_id) if item_id else None
            meeting = account.store.meeting(item.meeting_id) if item else None
            words = place_words(
                meeting.title if meeting else "",
                item.position if item else 0,
                item.title if item else "",
            )
            return item_id, words

        def show(found: tuple[str, str]) -> None:
            if generation == self.generation:  # still the same document
                self.reader.toolbar.speak.show_item(found[0])
                self.reader.show_title(title, found[1], origin)

        self.reader.tasks.run_local(read, show)

    def _start_background(self, data: bytes) -> None:
        generation, tasks = self.generation, self.reader.tasks
        self._cancel = cancel = threading.Event()
        emit = tasks.on_gui_thread(self.reader.thumbnail_ready.emit)

        def thumbnails() -> int:
            return render_thumbnails(data, emit, cancel)

        self._thumbnail_generation = generation
        tasks.run_network(thumbnails, on_error=lambda _e: None)
        tasks.run_network(
            lambda: page_texts(data),
            lambda texts: self._texts_ready(generation, texts),
            lambda _error: self._texts_ready(generation, []),  # nothing to search in, said so
        )

    def _thumbnail(self, page: int, image: QImage) -> None:
        if self._thumbnail_generation == self.generation:
            self.reader.side.show_thumbnail(page, image)

    def _texts_ready(self, generation: int, texts: list[str]) -> None:
        if generation != self.generation:
            return
        self.reader.annotator.texts = texts  # notes on words keep their quote and its context
        self.reader.finder.texts_ready(texts)

    def _restore_last_page(self) -> None:
        reader = self.reader
        generation, store, document_id = (
            self.generation,
            reader.account.member.store,
            reader.document_id,
        )

        def restore(page: int | None) -> None:
            if generation == self.generation and page is not None:
                reader.go_to_page(page)

        reader.tasks.run_local(lambda: store.last_page(document_id), restore)

"""Opening and closing a document in the reader, and what is read for it off the GUI thread.

The file is loaded from memory (pdfium reads pages lazily); each part of the reader is then
told of the new document. Thumbnails and page texts are made on workers from their own copy
of the file (ui/reader/background.py); the item the document belongs to (for asking to speak)
and the page last read come from the local lane. Each opening has its generation: answers
about a document no longer open are dropped. GUI thread.
"""

from __future__ import annotations

import threading
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from ecabinet.client.session_acts import item_of_document
from ui.reader.background import buffer_of, page_texts, render_thumbnails
from ui.theme import colors

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
        self._show_speak(document_id)
        reader.plain_title = title
        # The origin (national document exchange) is a quiet second line under the title.
        quiet = f'<br><span style="color:{colors().muted.name()}">{escape(origin)}</span>'
        reader.title.setText(f"<b>{escape(title)}</b>{quiet if origin else ''}")
        reader.title.setTextFormat(Qt.TextFormat.RichText)
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

    def _show_speak(self, document_id: str) -> None:
        generation, account = self.generation, self.reader.account

        def show(item_id: str) -> None:
            if generation == self.generation:  # still the same document
                self.reader.toolbar.speak.show_item(item_id)

        self.reader.tasks.run_local(lambda: item_of_document(account, document_id), show)

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

"""The reader's work off the GUI thread: page texts for in-document search, and thumbnails.

Each job opens its own QPdfDocument on the bytes, so the view's document is never touched
from a worker. Search folds diacritics as the cross-document search does: "ngan sach" finds
"ngân sách" here too. Worker threads (through the TaskManager's network lane).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from ecabinet.client.search_text import fold_chars, terms

THUMBNAIL_WIDTH = 120


def buffer_of(data: bytes) -> QBuffer:
    """An open in-memory device over a PDF, for QPdfDocument to read (which it does at once:
    the device must live as long as the document)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


@contextmanager
def _opened(data: bytes) -> Iterator[QPdfDocument]:
    document = QPdfDocument()
    buffer = buffer_of(data)
    buffer.setParent(document)  # they go together
    document.load(buffer)
    try:
        if document.status() != QPdfDocument.Status.Ready:
            raise ValueError(f"cannot open the document: {document.error().name}")
        yield document
    finally:
        document.close()
        # Deleted here, by the worker that made it: left to the garbage collector it could
        # be deleted later from another thread, which Qt does not survive.
        shiboken6.delete(document)


def page_texts(data: bytes) -> list[str]:
    with _opened(data) as document:
        return [document.getAllText(page).text() for page in range(document.pageCount())]


def find(texts: list[str], query: str) -> list[tuple[int, int, int]]:
    """Every match of the query's words, as (page, start, length) in each page's text.

    The words are looked for as one phrase, folded; a query that is not found as a phrase
    falls back to its longest word, so a member always sees where their word is.
    """
    words = terms(query)
    if not words:
        return []
    phrase = " ".join(words)
    hits = _find_all(texts, phrase)
    return hits or _find_all(texts, max(words, key=len))


def _find_all(texts: list[str], needle: str) -> list[tuple[int, int, int]]:
    hits = []
    for page, text in enumerate(texts):
        # Same length as the text: positions found here are positions in the PDF's text.
        folded = "".join(" " if c.isspace() else c for c in fold_chars(text))
        at = folded.find(needle)
        while at >= 0:
            hits.append((page, at, len(needle)))
            at = folded.find(needle, at + len(needle))
    return hits


def render_thumbnails(
    data: bytes,
    deliver: Callable[[int, QImage], None],
    cancel: threading.Event,
    width: int = THUMBNAIL_WIDTH,
) -> int:
    """Render every page small and hand each image over as it is ready; returns the count."""
    with _opened(data) as document:
        count = document.pageCount()
        for page in range(count):
            if cancel.is_set():
                break
            size = document.pagePointSize(page)
            height = int(width * size.height() / size.width()) if size.width() else width
            rendered = document.render(page, QSize(width, height))
            # pdfium leaves the paper transparent: lay the page on white, as it is printed.
            image = QImage(rendered.size(), QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            painter.drawImage(0, 0, rendered)
            painter.end()
            deliver(page, image)
        return count

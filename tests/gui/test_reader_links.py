"""A link in a document is never followed to the outside: the reader's page view (QtPdf's
QPdfView) opens no address, web or file, when the member clicks a link; nothing in the
application asks the system to open one. Real widgets, offscreen, real files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPoint, QPointF, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument, QPdfLinkModel
from pytestqt.qtbot import QtBot

from tests.active_pdfs import web_link
from ui.reader.page_view import PageView

A4_HEIGHT = 842.0  # make_pdf's pages, in points
# tests.active_pdfs puts its link at [50 50 150 80] (PDF space, from the bottom left).
ON_THE_LINK = QPointF(100, A4_HEIGHT - 65)
SCHEMES = ("http", "https", "file")


class Opened(QObject):
    """Stands in for the system's browser and file manager: records what it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def opened() -> Iterator[Opened]:
    catcher = Opened()
    for scheme in SCHEMES:
        # The stubs ask for bytes; PySide6 takes the slot's name only as str.
        QDesktopServices.setUrlHandler(scheme, catcher, "open")  # type: ignore[arg-type]
    yield catcher
    for scheme in SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.mark.parametrize("address", ["https://chinhphu.vn/", "file:///C:/Windows/calc.exe"])
def test_clicking_a_link_in_a_document_opens_nothing(
    qtbot: QtBot, opened: Opened, address: str
) -> None:
    data = web_link(address)  # a page with one URI link to the address
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    links = QPdfLinkModel()
    links.setDocument(document)
    links.setPage(0)
    assert links.linkAt(ON_THE_LINK).url().toString() == address  # QtPdf sees the link there
    view = PageView()
    qtbot.addWidget(view)
    view.setDocument(document)
    view.reset_pages()
    view.resize(900, 1300)
    view.show()
    qtbot.waitExposed(view)
    layout = view.layout()
    where = layout.from_page(0, ON_THE_LINK) - view._scroll()
    point = QPoint(round(where.x()), round(where.y()))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.wait(50)  # anything queued by the clicks has been delivered
    assert opened.urls == []
    # The handler works: had anything asked, it would have been recorded.
    QDesktopServices.openUrl(QUrl("https://chinhphu.vn/"))
    assert opened.urls == ["https://chinhphu.vn/"]


def test_nothing_in_the_application_asks_the_system_to_open_an_address() -> None:
    ui = Path(__file__).resolve().parents[2] / "ui"
    callers = [p for p in ui.rglob("*.py") if "openUrl" in p.read_text(encoding="utf-8")]
    assert callers == []

"""The reader's side panels: page thumbnails, the outline (the PDF's bookmarks) and the notes,
one at a time beside the pages, or none (the toolbar's toggles choose; ``PANELS`` names them).

The thumbnails start as grey placeholders and are replaced as a worker renders each page
(ui/reader/background.py). Choosing a thumbnail or an outline entry asks the reader to go
there. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfBookmarkModel
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.reader.notes_panel import NotesPanel

THUMBNAIL_SIZE = (120, 170)
PANELS = ("thumbnails", "outline", "notes")

# The strings keep the reader's context in the translations (resources/translations).
translate = QCoreApplication.translate


class ThumbnailList(QListWidget):
    """The pages one under another, each centred in the panel whatever its width: a grid of
    one column as wide as the panel (icon mode centres an icon in its cell)."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        label = self.fontMetrics().height() + 12
        self.setGridSize(QSize(max(self.viewport().width(), 1), THUMBNAIL_SIZE[1] + label))


class SidePanels(QStackedWidget):
    page_chosen = Signal(int)  # 0-based page
    place_chosen = Signal(int, QPointF)  # a page and a point on it, from the outline

    def __init__(self, bookmarks: QPdfBookmarkModel, notes_panel: NotesPanel) -> None:
        super().__init__()
        self.bookmarks = bookmarks
        self.thumbnails = ThumbnailList()
        self.thumbnails.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbnails.setFlow(QListWidget.Flow.LeftToRight)
        self.thumbnails.setWrapping(True)  # one cell a row: the grid is the panel's width
        self.thumbnails.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.thumbnails.setIconSize(QPixmap(*THUMBNAIL_SIZE).size())
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setMovement(QListWidget.Movement.Static)
        self.thumbnails.itemActivated.connect(
            lambda item: self.page_chosen.emit(self.thumbnails.row(item))
        )
        self.thumbnails.itemClicked.connect(
            lambda item: self.page_chosen.emit(self.thumbnails.row(item))
        )
        self.outline = QTreeView()
        self.outline.setModel(bookmarks)
        self.outline.setHeaderHidden(True)
        self.outline.activated.connect(self._outline_chosen)
        self.outline.clicked.connect(self._outline_chosen)
        self.no_outline = QLabel(translate("DocumentReader", "Tài liệu không có mục lục."))
        outline_box = QWidget()
        outline_layout = QVBoxLayout(outline_box)
        outline_layout.setContentsMargins(0, 0, 0, 0)
        outline_layout.addWidget(self.no_outline)
        outline_layout.addWidget(self.outline, 1)
        self.panels: dict[str, QWidget] = dict(
            zip(PANELS, (self.thumbnails, outline_box, notes_panel), strict=True)
        )
        for panel in self.panels.values():
            self.addWidget(panel)

    def show_document(self, count: int) -> None:
        """A placeholder for each of ``count`` pages, and the outline if it has one."""
        placeholder = QPixmap(*THUMBNAIL_SIZE)
        placeholder.fill(Qt.GlobalColor.lightGray)
        for page in range(count):
            item = QListWidgetItem(QIcon(placeholder), str(page + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.thumbnails.addItem(item)
        self.outline.expandAll()
        self.no_outline.setVisible(self.bookmarks.rowCount() == 0)
        self.outline.setVisible(self.bookmarks.rowCount() > 0)

    def show_thumbnail(self, page: int, image: QImage) -> None:
        item = self.thumbnails.item(page)
        if item is not None:
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def select_page(self, page: int) -> None:
        item = self.thumbnails.item(page)
        if item is not None:
            self.thumbnails.setCurrentItem(item)

    def _outline_chosen(self, index: QModelIndex) -> None:
        page = index.data(QPdfBookmarkModel.Role.Page)
        location = index.data(QPdfBookmarkModel.Role.Location)
        if isinstance(page, int):
            self.place_chosen.emit(page, location or QPointF())

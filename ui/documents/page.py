"""Every document on the laptop in one list: what it belongs to, its state, unread marks.

Typing in the filter narrows the list by title or meeting, diacritics or not. A document
received through the national document exchange names its origin in the title's tooltip.
GUI thread; fed with the library's catalogue read on a worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.library import DocumentEntry
from ecabinet.client.search_text import fold
from ui import labels
from ui.style import tokens
from ui.widgets.chips import MARK, TONE, ChipDelegate
from ui.widgets.columns import TitlesShareTheRoom
from ui.widgets.labels import heading
from ui.widgets.trees import top_level

ROLE = Qt.ItemDataRole.UserRole


class DocumentsPage(QWidget):
    open_document = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading(self.tr("Tài liệu trên máy"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Lọc theo tên tài liệu hoặc phiên họp…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(
            [self.tr("Tài liệu"), self.tr("Thuộc"), self.tr("Loại"), self.tr("Tình trạng")]
        )
        self.list.setRootIsDecorated(False)
        self.list.setSortingEnabled(True)
        self.list.setAccessibleName(self.tr("Danh sách tài liệu"))
        self.list.setItemDelegate(ChipDelegate(self.list))
        TitlesShareTheRoom(self.list)
        self.list.itemActivated.connect(
            lambda node, _col: self.open_document.emit(node.data(0, ROLE))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)

    def show_documents(self, catalogue: list[tuple[str, DocumentEntry]]) -> None:
        current = self.list.currentItem()
        keep = current.data(0, ROLE) if current is not None else None
        self.list.setSortingEnabled(False)
        self.list.clear()
        for context, entry in catalogue:
            fresh = labels.freshness(entry)
            state = labels.document_state(entry)
            node = QTreeWidgetItem(
                self.list,
                [
                    entry.document.title,
                    context,
                    labels.document_kind(entry.document.kind),
                    state,
                ],
            )
            node.setData(2, TONE, tokens.NEUTRAL)
            here = tokens.OK if entry.present else tokens.ACCENT if entry.downloading else ""
            node.setData(3, TONE, here or tokens.NEUTRAL)
            node.setData(0, ROLE, entry.document.id)
            node.setToolTip(1, context)
            if entry.document.origin:  # received through the national document exchange
                node.setToolTip(0, f"{entry.document.title}\n{entry.document.origin}")
            # A dot before an unread title and its mark as a chip after it; room for the dot
            # before a read one, so the titles line up.
            tone = tokens.ACCENT if fresh == labels.freshness_new() else tokens.WARNING
            node.setData(0, MARK, (fresh, tone))
            if entry.document.id == keep:
                self.list.setCurrentItem(node)
        self.list.setSortingEnabled(True)
        self._apply_filter(self.filter.text())

    def _apply_filter(self, text: str) -> None:
        wanted = fold(text).split()
        for node in top_level(self.list):
            haystack = fold(f"{node.text(0)} {node.text(1)}")
            node.setHidden(not all(word in haystack for word in wanted))

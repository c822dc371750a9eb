"""Search across every document on the laptop, Vietnamese-aware, offline.

Typing without diacritics finds the accented words (ecabinet.client.search). Each result names
the document and page and shows a snippet with the match marked; opening it asks the window
for the reader at that page with the words highlighted. Queries run on a worker a moment
after the member stops typing, and an answer to an older query is never shown over a newer one.
GUI thread.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.account import Account
from ecabinet.client.search import SearchHit, SearchIndex
from ui.tasks import TaskManager
from ui.widgets.labels import heading
from ui.widgets.rich_text import HTML_ROLE, RichTextDelegate

ROLE = Qt.ItemDataRole.UserRole
TYPING_PAUSE_MS = 250


def marked_html(hit: SearchHit) -> str:
    """The snippet as rich text with every match in bold, everything else escaped."""
    out, last = [], 0
    for start, end in hit.marks:
        out += [html.escape(hit.snippet[last:start]), "<b><u>", html.escape(hit.snippet[start:end])]
        out.append("</u></b>")
        last = end
    out.append(html.escape(hit.snippet[last:]))
    return "".join(out)


def words_to_highlight(hit: SearchHit) -> str:
    """The document's own spelling of the longest match, for the reader's exact search."""
    if not hit.marks:
        return ""
    start, end = max(hit.marks, key=lambda span: span[1] - span[0])
    return hit.snippet[start:end]


class SearchPage(QWidget):
    open_hit = Signal(str, int, str)  # document id, page (0-based), words to highlight
    searched = Signal(int)  # number of results shown

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self._asked = 0
        self.heading = heading(self.tr("Tìm kiếm trong tài liệu trên máy"))
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Gõ từ cần tìm, có dấu hoặc không dấu…"))
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(self.tr("Từ cần tìm"))
        self.summary = QLabel()
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Kết quả tìm kiếm"))
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.itemActivated.connect(self._open)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(TYPING_PAUSE_MS)
        self.pause.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self.pause.start())
        self.query.returnPressed.connect(self.run_search)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def run_search(self) -> None:
        self.pause.stop()
        text = self.query.text().strip()
        self._asked += 1
        asked = self._asked
        if not text:
            self._show(asked, text, [])
            return
        account = self.account.member

        def search() -> list[SearchHit]:
            return SearchIndex(account.store, account.write).search(text)

        self.tasks.run_network(search, lambda hits: self._show(asked, text, hits))

    def _show(self, asked: int, text: str, hits: list[SearchHit]) -> None:
        if asked != self._asked:
            return  # the member has typed on since
        self.results.clear()
        for hit in hits:
            page = self.tr("trang {page}").format(page=hit.page)
            item = QListWidgetItem(self.results)
            item.setData(ROLE, (hit.document_id, hit.page - 1, words_to_highlight(hit)))
            item.setData(
                HTML_ROLE,
                f"<b>{html.escape(hit.document_title)}</b> — {page}<br>{marked_html(hit)}",
            )
            # Plain text for screen readers; the delegate paints the marked snippet.
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{hit.document_title}, {page}: {hit.snippet}"
            )
        if not text:
            self.summary.setText("")
        elif hits:
            self.summary.setText(self.tr("{count} kết quả").format(count=len(hits)))
        else:
            self.summary.setText(
                self.tr("Không tìm thấy “{text}” trong tài liệu trên máy.").format(text=text)
            )
        if hits:
            self.results.setCurrentRow(0)
        self.searched.emit(len(hits))

    def _open(self, item: QListWidgetItem) -> None:
        document_id, page, words = item.data(ROLE)
        self.open_hit.emit(document_id, page, words)

"""The comparison of a replaced draft with its previous version, page by page.

Pages with changes are listed first with their number of changes; the chosen page shows its
words with what was added underlined in green and what was taken out struck through in red
(words, not only colours, say which: screen readers and printouts keep the marks), and beside
it the notes on that page and those that could not be placed. GUI thread; the comparison is
computed on a worker before this opens.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import versions
from ecabinet.client.versions import Comparison
from ecabinet.pdf.compare import DELETED, INSERTED, PageChanges
from ui.theme import colors

if TYPE_CHECKING:
    from ui.reader.reader import DocumentReader

ROLE = Qt.ItemDataRole.UserRole

# The comparison's own strings keep the dialog's context; the reader's, the reader's.
translate = QCoreApplication.translate


def page_html(page: PageChanges) -> str:
    palette = colors()
    out = []
    for kind, text in page.pieces:
        words = html.escape(text)
        if kind == INSERTED:
            out.append(f'<u style="color:{palette.ok.name()}" title="thêm">[+ {words}]</u>')
        elif kind == DELETED:
            out.append(f'<s style="color:{palette.danger.name()}" title="bỏ">[− {words}]</s>')
        else:
            out.append(words)
    return " ".join(out)


class CompareDialog(QDialog):
    def __init__(self, comparison: Comparison, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self.setWindowTitle(self.tr("So sánh phiên bản — {title}").format(title=title))
        self.resize(1100, 700)
        changed = sum(1 for p in comparison.pages if p.changes)
        self.summary = QLabel(
            self.tr("Bản {new} so với bản {old}: {changed} trang có thay đổi.").format(
                new=comparison.new.number, old=comparison.old.number, changed=changed
            )
        )
        self.pages = QListWidget()
        self.pages.setMaximumWidth(220)
        ordered = sorted(comparison.pages, key=lambda p: (p.changes == 0, p.page))
        for page in ordered:
            text = self.tr("Trang {page}: {n} thay đổi").format(page=page.page + 1, n=page.changes)
            if not page.changes:
                text = self.tr("Trang {page}: không đổi").format(page=page.page + 1)
            item = QListWidgetItem(text, self.pages)
            item.setData(ROLE, page.page)
        self.text = QTextBrowser()
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.notes.setMaximumWidth(300)
        self.pages.currentItemChanged.connect(lambda item, _old: self.show_page(item.data(ROLE)))
        row = QHBoxLayout()
        row.addWidget(self.pages)
        row.addWidget(self.text, 1)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Ghi chú trên trang này:")))
        side.addWidget(self.notes, 1)
        row.addLayout(side)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Qt has no Vietnamese of its own buttons: without this the window says "Close".
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        if self.pages.count():
            self.pages.setCurrentRow(0)

    def show_page(self, page: int) -> None:
        changes = next(p for p in self.comparison.pages if p.page == page)
        self.text.setHtml(f"<p style='line-height:150%'>{page_html(changes)}</p>")
        self.notes.clear()
        for note in self.comparison.notes_on_page(page):
            QListWidgetItem(f"{note.kind}: “{note.quote}” {note.text}".strip(), self.notes)
        for note in self.comparison.unplaced:
            QListWidgetItem(
                self.tr("Không đặt được: “{quote}” {text}").format(
                    quote=note.quote, text=note.text
                ),
                self.notes,
            )


def compare_with_previous(reader: DocumentReader) -> None:
    """Open the comparison of the reader's document with its previous version, computed on a
    worker; the member is told when there is none."""
    account, document_id, title = reader.account.member, reader.document_id, reader.plain_title
    if not document_id:
        return

    def done(comparison: Comparison | None) -> None:
        if comparison is None:
            reader.show_message(
                translate("DocumentReader", "Tài liệu này chưa có bản trước để so sánh.")
            )
            return
        reader.comparison_dialog = dialog = CompareDialog(comparison, title, reader)
        dialog.open()
        reader.compared.emit(comparison)

    reader.tasks.run_network(
        lambda: versions.compare_with_previous(account, document_id),
        done,
        lambda error: reader.show_message(
            translate("DocumentReader", "Không so sánh được: {reason}").format(reason=error)
        ),
    )

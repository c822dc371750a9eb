"""The notes leaving the laptop and coming back: exported as an annotated PDF or as XFDF,
imported from XFDF, and printed. Exports, imports and printing run on workers; printing paints
the watermarked, annotated PDF onto the printer from a worker, which Qt allows for QPrinter.
A file is written under a temporary name and then renamed, never left half-written.
GUI thread.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from ecabinet.client.account import Account
from ecabinet.client.exports import save_paper
from ecabinet.client.note_files import export_pdf, export_xfdf, import_xfdf, printable_pdf
from ecabinet.pdf.xfdf import read_xfdf
from ui.labels import error_words
from ui.reader.annotator import Annotator
from ui.tasks import TaskManager

PRINT_DPI = 300  # sharp on paper, for text and for the watermark

# The strings keep the notes tools' context in the translations (resources/translations).
translate = QCoreApplication.translate


def print_pdf(printer: QPrinter, data: bytes) -> int:
    """Paint every page of a PDF onto the printer, one page at a time; returns the pages
    printed. Any thread."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        document = QPdfDocument()
        document.load(handle.name)
        count = document.pageCount()
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be opened")
        try:
            for page in range(count):
                if page:
                    printer.newPage()
                points = document.pagePointSize(page)
                target = points.scaled(
                    painter.viewport().size().toSizeF(), Qt.AspectRatioMode.KeepAspectRatio
                )
                # Rendered at most at PRINT_DPI and scaled by the printer: a page at the
                # printer's own 1200 dpi would be an image of half a gigabyte.
                pixels = points * (PRINT_DPI / 72)
                if pixels.width() > target.width():
                    pixels = target
                image = document.render(page, pixels.toSize())
                painter.drawImage(QRectF(QPointF(0, 0), target), image)
        finally:
            painter.end()
            document.close()
        return count


class NoteFiles(QObject):
    message_shown = Signal(str)

    def __init__(
        self,
        account: Account,
        tasks: TaskManager,
        annotator: Annotator,
        owner: QWidget,
        document_id: Callable[[], str],
    ) -> None:
        super().__init__(owner)
        self.account, self.tasks, self.annotator = account, tasks, annotator
        self.owner, self.document_id = owner, document_id

    def ask_export(self, kind: str) -> None:
        document_id = self.document_id()
        if not document_id:
            return
        suffix = (
            translate("NotesTools", "Tài liệu PDF có ghi chú (*.pdf)")
            if kind == "pdf"
            else translate("NotesTools", "Tệp ghi chú để mở bằng trình đọc PDF khác (*.xfdf)")
        )
        target, _ = QFileDialog.getSaveFileName(
            self.owner, translate("NotesTools", "Xuất ghi chú"), f"ghi-chu.{kind}", suffix
        )
        if target:
            self.export_to(kind, Path(target))

    def export_to(self, kind: str, target: Path) -> None:
        account, document_id = self.account.member, self.document_id()

        def write() -> Path:
            export = export_pdf if kind == "pdf" else export_xfdf
            return save_paper(target, export(account, document_id))

        self.tasks.run_network(
            write,
            lambda path: self.message_shown.emit(
                translate("NotesTools", "Đã xuất: {path}").format(path=path)
            ),
            lambda error: self.message_shown.emit(
                translate("NotesTools", "Không xuất được: {reason}").format(reason=error)
            ),
        )

    def ask_import(self) -> None:
        source, _ = QFileDialog.getOpenFileName(
            self.owner,
            translate("NotesTools", "Nhập ghi chú"),
            "",
            translate("NotesTools", "Tệp ghi chú của trình đọc PDF khác (*.xfdf *.xml)"),
        )
        if source:
            self.import_from(Path(source))

    def import_from(self, source: Path) -> None:
        account, document_id = self.account.member, self.document_id()
        self.tasks.run_local(
            lambda: import_xfdf(account, document_id, read_xfdf(source)),
            self._imported,
            lambda error: self.message_shown.emit(
                translate("NotesTools", "Không nhập được: {reason}").format(
                    reason=error_words(error)
                )
            ),
        )

    def _imported(self, count: int) -> None:
        self.message_shown.emit(
            translate("NotesTools", "Đã nhập {count} ghi chú.").format(count=count)
        )
        self.annotator.reload()

    def print_document(self) -> None:
        account, document_id = self.account.member, self.document_id()
        if not document_id:
            return
        self.tasks.run_network(
            lambda: printable_pdf(account, document_id),
            self._ask_printer,
            lambda error: self.message_shown.emit(
                translate("NotesTools", "Không chuẩn bị được bản in: {reason}").format(reason=error)
            ),
        )

    def _ask_printer(self, data: bytes) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.owner)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.tasks.run_network(
            lambda: print_pdf(printer, data),
            lambda pages: self.message_shown.emit(
                translate("NotesTools", "Đã gửi {pages} trang tới máy in.").format(pages=pages)
            ),
            lambda error: self.message_shown.emit(
                translate("NotesTools", "Không in được: {reason}").format(reason=error)
            ),
        )

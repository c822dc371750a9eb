"""The agenda builder: items in order (drag to reorder), each with its presenting ministry
(chosen from the organs table, ui/office/organ_choice.py), time allotted and a "paper only"
mark for classified items; the chosen item's documents, to which PDFs are attached by dropping
them (checked at once, the answer said in words) and which a new version replaces.

Each act is one request on the network lane; ``changed`` then asks the page to reread the
local copy. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import meetings
from ecabinet.client.account import Account
from ecabinet.client.meetings import AgendaEntry
from ecabinet.domain import DocumentKind
from ui.labels import document_kind
from ui.office.file_words import refusal_words
from ui.office.organ_choice import OrganChoice
from ui.style import tokens
from ui.tasks import TaskManager
from ui.widgets.cards import CHIP, DETAIL, TITLE, show_as_cards
from ui.widgets.file_drop import FileDropList
from ui.widgets.labels import heading

ROLE = Qt.ItemDataRole.UserRole


class AgendaBuilder(QWidget):
    changed = Signal()  # an act succeeded: reread the local copy
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account, self.tasks = account, tasks
        self.meeting_id = ""
        self.agenda: tuple[AgendaEntry, ...] = ()
        self.items = QListWidget()
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        # Cards as the Office's meeting list beside it: the title, its presenter and time.
        show_as_cards(self.items)
        self.items.model().rowsMoved.connect(self._moved)
        self.items.currentRowChanged.connect(self._chosen)
        self.documents = FileDropList()
        self.documents.files_dropped.connect(self.attach)
        # A paper's whole title, wrapped in the column, not cut behind a sideways scrollbar.
        show_as_cards(self.documents)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(heading(self.tr("Nội dung (kéo để đổi thứ tự)"), 1.05))
        left.addWidget(self.items, 1)
        left.addLayout(self._item_form())
        right = QVBoxLayout()
        right.addWidget(heading(self.tr("Tài liệu (kéo thả tệp PDF vào đây)"), 1.05))
        right.addWidget(self.documents, 1)
        right.addLayout(self._document_buttons())
        right.addWidget(self.note)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    def _item_form(self) -> QFormLayout:
        self.title = QLineEdit()
        self.title.setMaxLength(1000)
        self.presenter = OrganChoice()
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 600)
        self.minutes.setSuffix(self.tr(" phút"))
        self.paper_only = QCheckBox(self.tr("Chỉ bản giấy (tài liệu mật: không kèm tệp)"))
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm nội dung"))
        self.add_button.clicked.connect(self.add_item)
        self.save_button = QPushButton(self.tr("Lưu nội dung"))
        self.save_button.clicked.connect(self.save_item)
        self.remove_button = QPushButton(self.tr("Xoá nội dung"))
        self.remove_button.clicked.connect(self.remove_item)
        for button in (self.add_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        form = QFormLayout()
        form.addRow(self.tr("Tên nội dung"), self.title)
        form.addRow(self.tr("Cơ quan trình"), self.presenter)
        form.addRow(self.tr("Thời lượng"), self.minutes)
        form.addRow("", self.paper_only)
        form.addRow(buttons)
        return form

    def _document_buttons(self) -> QVBoxLayout:
        self.kind = QComboBox()
        for kind in DocumentKind:
            self.kind.addItem(document_kind(kind), kind.value)
        self.attach_button = QPushButton(self.tr("Thêm tài liệu…"))
        self.attach_button.clicked.connect(self._choose_files)
        self.replace_button = QPushButton(self.tr("Thay bằng phiên bản mới…"))
        self.replace_button.clicked.connect(self._choose_version)
        # Two rows, so the agenda tab leaves the meetings list its width on a 1366 px screen.
        row = QHBoxLayout()
        row.addWidget(self.kind, 1)
        row.addWidget(self.attach_button)
        rows = QVBoxLayout()
        rows.addLayout(row)
        rows.addWidget(self.replace_button)
        return rows

    # --- showing ---------------------------------------------------------------------------

    def show_agenda(self, meeting_id: str, agenda: tuple[AgendaEntry, ...]) -> None:
        keep = self.current_item_id()
        self.meeting_id, self.agenda = meeting_id, agenda
        self.items.blockSignals(True)
        self.items.clear()
        for entry in agenda:
            item = entry.item
            text = f"{item.position}. {item.title}"
            details = [d for d in (item.presenter,) if d]
            if item.minutes_allotted:
                details.append(self.tr("{n} phút").format(n=item.minutes_allotted))
            if item.paper_only:
                details.append(self.tr("chỉ bản giấy"))
            row = QListWidgetItem(f"{text}\n{' · '.join(details)}" if details else text)
            row.setData(ROLE, item.id)
            self.items.addItem(row)
            if item.id == keep:
                self.items.setCurrentItem(row)
        self.items.blockSignals(False)
        self._chosen(self.items.currentRow())

    def current_item_id(self) -> str:
        row = self.items.currentItem()
        return str(row.data(ROLE)) if row is not None else ""

    def _entry(self) -> AgendaEntry | None:
        item_id = self.current_item_id()
        return next((e for e in self.agenda if e.item.id == item_id), None)

    def _chosen(self, _row: int) -> None:
        entry = self._entry()
        self.documents.clear()
        for button in (self.save_button, self.remove_button):
            button.setEnabled(entry is not None)
        paper = entry is not None and entry.item.paper_only
        self.documents.setEnabled(entry is not None and not paper)
        self.attach_button.setEnabled(entry is not None and not paper)
        self.replace_button.setEnabled(entry is not None and bool(entry.documents))
        if entry is None:
            return
        self.title.setText(entry.item.title)
        self.presenter.setText(entry.item.presenter)
        self.minutes.setValue(entry.item.minutes_allotted)
        self.paper_only.setChecked(entry.item.paper_only)
        for doc in entry.documents:
            text = self.tr("{kind}: {title} — phiên bản {n} ({file})").format(
                kind=document_kind(doc.document.kind),
                title=doc.document.title,
                n=doc.version,
                file=doc.filename,
            )
            row = QListWidgetItem(text, self.documents)
            row.setData(ROLE, doc.document.id)
            # The card: the paper's title, its kind as a chip, its version and file under.
            row.setData(TITLE, doc.document.title)
            row.setData(CHIP, (document_kind(doc.document.kind), tokens.NEUTRAL))
            version = self.tr("phiên bản {n}").format(n=doc.version)
            row.setData(DETAIL, f"{version} · {doc.filename}")
        if paper:
            QListWidgetItem(
                self.tr("Nội dung mật: chỉ phát bản giấy tại phiên họp."), self.documents
            )

    # --- acts --------------------------------------------------------------------------------

    def _item_body(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(),
            "presenter": self.presenter.text().strip(),
            "minutes_allotted": self.minutes.value(),
            "paper_only": self.paper_only.isChecked(),
        }

    def add_item(self) -> None:
        body, meeting_id = self._item_body(), self.meeting_id
        if not meeting_id or not body["title"]:
            self._say(self.tr("Hãy lưu phiên họp và nhập tên nội dung trước."))
            return
        account = self.account.member
        self._act(
            lambda: meetings.add_item(account, meeting_id, body), self.tr("Đã thêm nội dung.")
        )

    def save_item(self) -> None:
        entry, body = self._entry(), self._item_body()
        if entry is None or not body["title"]:
            return
        if body["paper_only"] and entry.documents:
            self._say(
                self.tr("Nội dung đã có tệp đính kèm nên không thể chuyển sang chỉ bản giấy.")
            )
            return
        account, item_id = self.account.member, entry.item.id
        self._act(lambda: meetings.update_item(account, item_id, body), self.tr("Đã lưu nội dung."))

    def remove_item(self) -> None:
        entry = self._entry()
        if entry is None:
            return
        account, item_id = self.account.member, entry.item.id
        self._act(lambda: meetings.delete_item(account, item_id), self.tr("Đã xoá nội dung."))

    def _moved(self, *_args: object) -> None:
        order = [str(self.items.item(i).data(ROLE)) for i in range(self.items.count())]
        account, meeting_id = self.account.member, self.meeting_id
        self._act(
            lambda: meetings.reorder_items(account, meeting_id, order), self.tr("Đã đổi thứ tự.")
        )

    def attach(self, paths: list[Path]) -> None:
        entry = self._entry()
        if entry is None or entry.item.paper_only:
            self._say(self.tr("Hãy chọn một nội dung không phải chỉ bản giấy."))
            return
        account, item_id, kind = self.account.member, entry.item.id, str(self.kind.currentData())

        def attach_all() -> None:
            for path in paths:
                meetings.attach(account, item_id, path, kind)

        names = ", ".join(p.name for p in paths)
        self._act(attach_all, self.tr("Đã đính kèm: {names}").format(names=names))

    def replace_version(self, path: Path) -> None:
        row = self.documents.currentItem() or self.documents.item(0)
        document_id = row.data(ROLE) if row is not None else None
        if not document_id:
            return
        account = self.account.member
        self._act(
            lambda: meetings.replace(account, str(document_id), path),
            self.tr("Đã thay bằng phiên bản mới; thành viên được báo và ghi chú được chuyển."),
        )

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn tài liệu"), "", "PDF (*.pdf)")
        if files:
            self.attach([Path(f) for f in files])

    def _choose_version(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn phiên bản mới"), "", "PDF (*.pdf)"
        )
        if name:
            self.replace_version(Path(name))

    def _act(self, call: Callable[[], object], done: str) -> None:
        account = self.account.member

        def run() -> None:
            meetings.act(account, call)

        def succeeded(_none: None) -> None:
            self._say(done)
            self.changed.emit()

        self.tasks.run_network(run, succeeded, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._say(self.tr("Không thực hiện được: {reason}").format(reason=refusal_words(error)))
        self.changed.emit()  # a refused move must not leave the list in the wrong order

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.message_shown.emit(text)

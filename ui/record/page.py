"""The record ("Nhật ký hoạt động") for the Government Office: who did what and when.

Each entry a sentence naming people (ui/record/sentences.py), filtered by kind of act and by
date, newest first, fifty at a time ("Xem thêm" asks for the next page); exported as a
spreadsheet (CSV) for the records officer. Online only: the record is the server's.
GUI thread; requests on the network lane.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import record
from ecabinet.client.account import Account
from ecabinet.client.api import Offline
from ecabinet.official_time import OFFICIAL_ZONE
from ecabinet.wire.record import AuditRow
from ui.formatting import local_date
from ui.record.sentences import sentence
from ui.tasks import TaskManager
from ui.widgets.labels import heading

PAGE = 50


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class RecordPage(QWidget):
    loaded = Signal(int)  # rows shown
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account, self.tasks = account, tasks
        self.rows: list[AuditRow] = []
        self._generation = 0  # which reload the rows on screen belong to
        self.kind = QComboBox()
        for value, words in (
            ("", self.tr("Mọi hoạt động")),
            ("meeting", self.tr("Phiên họp")),
            ("item", self.tr("Nội dung phiên họp")),
            ("document", self.tr("Tài liệu")),
            ("vote", self.tr("Biểu quyết")),
            ("ballot", self.tr("Phiếu lấy ý kiến")),
            ("user", self.tr("Người dùng")),
            ("device", self.tr("Thiết bị")),
            ("auth", self.tr("Đăng nhập")),
            ("pki", self.tr("Chứng thư số")),
        ):
            self.kind.addItem(words, value)
        # Today in Hà Nội, as the filter reads the days (rule 7): the laptop's own date is a
        # day behind from 00:00 to 07:00 Hà Nội time on a laptop kept in UTC, and hid today.
        today = datetime.now(OFFICIAL_ZONE).date()
        today_here = QDate(today.year, today.month, today.day)
        self.since = QDateEdit(today_here.addMonths(-1))
        self.until = QDateEdit(today_here)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.show_button = QPushButton(self.tr("Xem"))
        self.show_button.clicked.connect(self.reload)
        self.more = QPushButton(self.tr("Xem thêm"))
        self.more.clicked.connect(self.load_more)
        self.export = QPushButton(self.tr("Xuất bảng tính…"))
        self.export.clicked.connect(self._export)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Thời gian"), self.tr("Hoạt động")])
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel()
        filters = QHBoxLayout()
        for widget in (
            self.kind, QLabel(self.tr("từ")), self.since, QLabel(self.tr("đến")), self.until,
            self.show_button, self.export,
        ):  # fmt: skip
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Nhật ký hoạt động")))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more)
        layout.addWidget(self.note)

    def filters(self) -> dict[str, str | int]:
        # The days chosen are Hà Nội's calendar days (rule 7), whatever the laptop's zone.
        since = datetime.combine(_day(self.since), time.min, OFFICIAL_ZONE).astimezone(UTC)
        until = datetime.combine(_day(self.until), time.max, OFFICIAL_ZONE).astimezone(UTC)
        return {
            "action": str(self.kind.currentData()),
            "since": since.isoformat(),
            "until": until.isoformat(),
            "limit": PAGE,
        }

    def reload(self) -> None:
        # A reload while an earlier read is on its way (the page shown twice in a row) must
        # not add that read's rows to its own: each read belongs to the reload that asked.
        self._generation += 1
        self.rows = []
        self.table.clear()
        self._fetch(self.filters())

    def load_more(self) -> None:
        if self.rows:
            self._fetch({**self.filters(), "before_id": self.rows[-1].id})

    def _fetch(self, filters: dict[str, str | int]) -> None:
        account = self.account.member
        generation = self._generation
        self.note.setText(self.tr("Đang tải…"))
        self.tasks.run_network(
            lambda: record.audit(account, filters),
            lambda rows: self._show(rows) if generation == self._generation else None,
            self._failed,
        )

    def _show(self, rows: list[AuditRow]) -> None:
        self.rows += rows
        for row in rows:
            said = sentence(row)
            QTreeWidgetItem(self.table, [local_date(row.at), said]).setToolTip(1, said)
        self.more.setEnabled(len(rows) == PAGE)
        self.note.setText(self.tr("{count} hoạt động").format(count=len(self.rows)))
        self.loaded.emit(len(self.rows))

    def _failed(self, error: BaseException) -> None:
        text = (
            self.tr("Cần kết nối máy chủ để xem nhật ký.")
            if isinstance(error, Offline)
            else self.tr("Không tải được nhật ký: {reason}").format(reason=error)
        )
        self.note.setText(text)
        self.message_shown.emit(text)

    def _export(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Xuất nhật ký"), "nhat-ky.csv", self.tr("Bảng tính (*.csv)")
        )
        if target:
            self.export_to(Path(target))

    def export_to(self, target: Path) -> None:
        account, filters = self.account.member, {**self.filters(), "limit": 1000}
        self.tasks.run_network(
            lambda: record.export_audit(account, filters, target),
            lambda path: self.message_shown.emit(self.tr("Đã xuất: {path}").format(path=path)),
            self._failed,
        )

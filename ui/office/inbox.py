"""The Government Office's "Văn bản đến": documents the ministries sent through the national
document exchange, each with its sender, number and notation, date, subject, due date and
whether it was assigned; "Phân công…" puts the chosen one on an agenda item or a draft ballot
(ui/office/assign_dialog.py), and a refusal is told in the Office's words. Below, what leaves
through the exchange (statuses, results) with its delivery state (ui/office/outbox.py).

Online only; the inbox, the targets and the assignment are read and sent on the network lane.
GUI thread.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import inbox
from ecabinet.client.account import Account
from ecabinet.client.api import ApiProblem
from ecabinet.client.inbox import Targets
from ecabinet.wire.interconnect import IncomingPublic
from ui.body_words import BodyWords, body_words
from ui.office.assign_dialog import AssignDialog
from ui.office.file_words import refusal_words
from ui.office.outbox import OutboxList
from ui.style import tokens
from ui.tasks import TaskManager
from ui.widgets.chips import TONE, ChipDelegate
from ui.widgets.columns import TitlesShareTheRoom
from ui.widgets.labels import heading

ROLE = Qt.ItemDataRole.UserRole
SUBJECT = 0  # the subject and the sender share the room left (TitlesShareTheRoom)
STATE = 5  # drawn as a chip: assigned or still waiting for the Office

# The server's refusals of an assignment (POST /interconnect/assignments), in the Office's words.
REFUSALS = {
    "paper_only": QT_TRANSLATE_NOOP(
        "OfficeInbox", "Nội dung này chỉ phát bản giấy (tài liệu mật): không đưa tệp lên máy."
    ),
    "ballot_sent": QT_TRANSLATE_NOOP(
        "OfficeInbox", "Phiếu lấy ý kiến này đã gửi: không thêm dự thảo được nữa."
    ),
    "no_pdf": QT_TRANSLATE_NOOP("OfficeInbox", "Văn bản đến không có tệp PDF này để đưa vào."),
    "not_found": QT_TRANSLATE_NOOP(
        "OfficeInbox",
        "Văn bản, nội dung hoặc phiếu đã chọn không còn trên máy chủ; hãy tải lại danh sách.",
    ),
}


def refused_words(error: BaseException) -> str:
    if isinstance(error, ApiProblem) and error.code in REFUSALS:
        return QCoreApplication.translate("OfficeInbox", str(REFUSALS[error.code]))
    return refusal_words(error)


def day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


class OfficeInbox(QWidget):
    loaded = Signal(list)  # the incoming documents shown
    assigned = Signal(str)  # the incoming document's id, once made a document
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account, self.tasks = account, tasks
        self.rows: list[IncomingPublic] = []
        self.dialog: AssignDialog | None = None
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [
                self.tr("Trích yếu"),
                self.tr("Cơ quan gửi"),
                self.tr("Số, ký hiệu"),
                self.tr("Ngày"),
                self.tr("Hạn xử lý"),
                self.tr("Tình trạng"),
            ]
        )
        self.list.setAccessibleName(self.tr("Danh sách văn bản đến"))
        self.list.setItemDelegate(ChipDelegate(self.list))
        TitlesShareTheRoom(self.list)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.list.itemActivated.connect(lambda *_: self.ask_assignment())
        self.assign_button = QPushButton(self.tr("Phân công…"))
        self.assign_button.setToolTip(
            self.tr("Đưa văn bản vào một nội dung phiên họp hoặc làm dự thảo của phiếu lấy ý kiến")
        )
        self.assign_button.clicked.connect(self.ask_assignment)
        reload_button = QPushButton(self.tr("Tải lại"))
        reload_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_button)
        buttons.addWidget(reload_button)
        buttons.addStretch(1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        # What leaves through the exchange, with its delivery state (ui/office/outbox.py).
        self.outbox = OutboxList()
        layout = QVBoxLayout(self)
        self.heading = heading("")  # names the member's office (show_body)
        self.show_body(body_words("", ""))
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.note)
        layout.addWidget(heading(self.tr("Văn bản đi qua trục liên thông")))
        layout.addWidget(self.outbox, 1)
        self._enable()

    def show_body(self, words: BodyWords) -> None:
        self.heading.setText(self.tr("Văn bản đến — {office}").format(office=words.office))

    def reload(self) -> None:
        account = self.account.member
        self.tasks.run_network(lambda: inbox.incoming(account), self._show, self._failed)
        self.tasks.run_network(
            lambda: inbox.outgoing(account), self.outbox.show_packages, self._failed
        )

    def _show(self, rows: list[IncomingPublic]) -> None:
        keep = self.chosen()
        self.rows = rows
        self.list.clear()
        for row in rows:
            code = "/".join(p for p in (row.code_number, row.code_notation) if p)
            assigned = len(row.assigned_document_ids)
            state = (
                self.tr("Đã phân công ({count})").format(count=assigned)
                if assigned
                else self.tr("Chưa phân công")
            )
            texts = [
                row.subject,
                row.from_organ_name,
                code,
                day(row.promulgation_date),
                day(row.due_date),
                state,
            ]
            node = QTreeWidgetItem(self.list, texts)
            node.setData(0, ROLE, row.id)
            node.setToolTip(SUBJECT, f"{row.origin}\n{row.subject}")
            node.setData(STATE, TONE, tokens.OK if assigned else tokens.WARNING)
            if self.list.currentItem() is None or (keep is not None and keep.id == row.id):
                self.list.setCurrentItem(node)  # the one chosen before, else the latest
        if not rows:
            self.note.setText(self.tr("Chưa có văn bản đến."))
        self._enable()
        self.loaded.emit(rows)

    def chosen(self) -> IncomingPublic | None:
        node = self.list.currentItem()
        wanted = node.data(0, ROLE) if node is not None else None
        return next((r for r in self.rows if r.id == wanted), None)

    def _enable(self) -> None:
        self.assign_button.setEnabled(self.chosen() is not None)

    # --- "Phân công…" ------------------------------------------------------------------

    def ask_assignment(self) -> None:
        """Read where the document can go, then ask (the dialog opens when that is known)."""
        incoming = self.chosen()
        if incoming is None:
            return
        account = self.account.member
        self.assign_button.setEnabled(False)
        self.tasks.run_network(
            lambda: inbox.targets(account), lambda t: self._ask(incoming, t), self._failed
        )

    def _ask(self, incoming: IncomingPublic, targets: Targets) -> None:
        self._enable()
        if not targets.meetings and not targets.ballots:
            self._say(
                self.tr(
                    "Chưa có phiên họp nào chưa kết thúc có nội dung, cũng chưa có phiếu lấy ý "
                    "kiến chưa gửi: hãy chuẩn bị phiên họp hoặc phiếu trước."
                )
            )
            return
        self.dialog = dialog = AssignDialog(incoming, targets, self)
        dialog.accepted.connect(lambda: self.assign(dialog.body()))
        dialog.open()

    def assign(self, body: dict[str, Any]) -> None:
        account, incoming_id = self.account.member, str(body["incoming_id"])
        self.assign_button.setEnabled(False)

        def done(_none: None) -> None:
            self._say(self.tr("Đã phân công văn bản; các thành viên sẽ nhận khi đồng bộ."))
            self.assigned.emit(incoming_id)
            self.reload()

        self.tasks.run_network(lambda: inbox.assign(account, body), done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._enable()
        self._say(self.tr("Không thực hiện được: {reason}").format(reason=refused_words(error)))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.message_shown.emit(text)

"""The position board for the chair and the Government Office: every item by every member.

Each cell says the member's mark in words (colour only helps); each item shows its speakers
and its likely outcome; the consent list (rule 6: more than half of all members marked "no
objection", nobody objects or wants to speak) is proposed above, to adopt in one act, with the
items a member pulled off it. Online only: fetched on the network lane.
GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import chair
from ecabinet.client.account import Account
from ecabinet.client.api import Offline
from ecabinet.wire.session import Board
from ui.decisions.words import OUTLOOKS, POSITIONS, word
from ui.tasks import TaskManager
from ui.theme import colors


class PositionBoard(QWidget):
    loaded = Signal(object)  # the Board shown
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self.meeting_id = ""
        # Its own line: lupdate does not see a tr() inside an f-string (it stayed Vietnamese).
        title = self.tr("Bảng ý kiến các thành viên")
        self.heading = QLabel(f"<b>{title}</b>")
        self.consent = QLabel()
        self.consent.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Cập nhật"))
        self.refresh_button.clicked.connect(lambda: self.show_meeting(self.meeting_id))
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Ý kiến theo nội dung và thành viên"))
        self.note = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.consent)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def show_meeting(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        account = self.account.member
        self.note.setText(self.tr("Đang tải…"))
        self.tasks.run_network(lambda: chair.board(account, meeting_id), self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        text = (
            self.tr("Cần kết nối máy chủ để xem bảng ý kiến.")
            if isinstance(error, Offline)
            else self.tr("Không tải được bảng ý kiến: {reason}").format(reason=error)
        )
        self.note.setText(text)
        self.message_shown.emit(text)

    def _show(self, board: Board) -> None:
        if board.meeting_id != self.meeting_id:
            return
        consent = [f"{i.position}. {i.title}" for i in board.items if i.consent]
        text = (
            self.tr("Đề xuất thông qua không thảo luận (một lần biểu quyết): {items}").format(
                items="; ".join(consent)
            )
            if consent
            else self.tr("Chưa có nội dung nào đủ điều kiện thông qua không thảo luận.")
        )
        text += " " + self.tr(
            "(Cần quá nửa tổng số {total} thành viên không phản đối, không ai phản đối hay "
            "đăng ký phát biểu.)"
        ).format(total=board.total_members)
        pulled = [
            self.tr("{position}. {title} (đồng chí {name} đề nghị thảo luận)").format(
                position=i.position, title=i.title, name=i.pulled_by
            )
            for i in board.items
            if i.pulled_by
        ]
        if pulled:
            text += "\n" + self.tr("Rút khỏi danh sách: {items}").format(items="; ".join(pulled))
        self.consent.setText(text)
        members = sorted({(m.user_id, m.full_name) for i in board.items for m in i.marks},
                         key=lambda pair: pair[1])  # fmt: skip
        headers = [
            self.tr("Nội dung"), self.tr("Dự kiến"), self.tr("Phát biểu"),
            *[name for _id, name in members],
        ]  # fmt: skip
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(board.items))
        self.table.setHorizontalHeaderLabels(headers)
        palette = colors()
        shades = {
            "no_objection": palette.ok,
            "wish_to_speak": palette.warning,
            "object": palette.danger,
        }
        for row, item in enumerate(board.items):
            self.table.setItem(row, 0, QTableWidgetItem(f"{item.position}. {item.title}"))
            self.table.setItem(row, 1, QTableWidgetItem(word(OUTLOOKS, item.outlook)))
            self.table.setItem(row, 2, QTableWidgetItem(str(len(item.speakers))))
            marks = {m.user_id: m for m in item.marks}
            for column, (user_id, _name) in enumerate(members, start=3):
                mark = marks.get(user_id)
                cell = QTableWidgetItem(word(POSITIONS, mark.position) if mark else "")
                if mark is not None:
                    cell.setForeground(QBrush(shades.get(mark.position, palette.muted)))
                    cell.setToolTip(mark.comment)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.note.setText(
            QCoreApplication.translate("PositionBoard", "{n} thành viên, {m} nội dung.").format(
                n=board.total_members, m=len(board.items)
            )
        )
        self.loaded.emit(board)

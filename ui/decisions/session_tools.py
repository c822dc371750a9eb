"""The Government Office's tools beside the vote console: who is present, the conclusion of
the chosen item, and the signed minutes of the session.

Attendance and conclusions are the office's acts on the server (the console refuses a vote
without the quorum it records); the minutes are composed and signed on this laptop. Online
only; every request on the network lane. GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import acts
from ecabinet.client.account import Account
from ecabinet.domain import Role
from ecabinet.wire.objects import MeetingData, UserData
from ecabinet.wire.session import Quorum
from ui.decisions.problems import problem_words
from ui.tasks import TaskManager

ROLE = Qt.ItemDataRole.UserRole


class SessionTools(QWidget):
    attendance_recorded = Signal(object)  # the Quorum the server answered
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account, self.tasks = account, tasks
        self.meeting_id = ""
        self.item_id = ""
        attendance = QGroupBox(self.tr("Điểm danh"))
        self.members = QListWidget()
        self.record_attendance = QPushButton(self.tr("Ghi nhận có mặt"))
        self.record_attendance.clicked.connect(self.save_attendance)
        box = QVBoxLayout(attendance)
        box.addWidget(self.members, 1)
        box.addWidget(self.record_attendance)
        conclusion = QGroupBox(self.tr("Kết luận của nội dung đang chọn"))
        self.conclusion = QPlainTextEdit()
        self.conclusion.setMaximumHeight(90)
        self.save_conclusion = QPushButton(self.tr("Ghi kết luận"))
        self.save_conclusion.clicked.connect(self.add_conclusion)
        box = QVBoxLayout(conclusion)
        box.addWidget(self.conclusion)
        box.addWidget(self.save_conclusion)
        self.minutes = QPushButton(self.tr("Xuất biên bản phiên họp (PDF ký số, JSON, CSV)…"))
        self.minutes.clicked.connect(self._choose_minutes)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(attendance, 1)
        layout.addWidget(conclusion)
        layout.addWidget(self.minutes)
        layout.addWidget(self.note)

    def show_meeting(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        store = self.account.member.store

        def read() -> tuple[list[UserData], set[str]]:
            members = [
                u
                for u in store.list("user")
                if isinstance(u, UserData) and Role.MEMBER in u.roles and u.active
            ]
            meeting = store.get("meeting", meeting_id)
            present = set(meeting.present_user_ids) if isinstance(meeting, MeetingData) else set()
            return sorted(members, key=lambda u: u.sort_order), present

        self.tasks.run_local(read, lambda answer: self._show_members(*answer))

    def _show_members(self, members: list[UserData], present: set[str]) -> None:
        self.members.clear()
        for user in members:
            item = QListWidgetItem(f"{user.full_name} — {user.title}".strip(" —"), self.members)
            item.setData(ROLE, user.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = user.id in present
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def present_ids(self) -> list[str]:
        return [
            str(self.members.item(i).data(ROLE))
            for i in range(self.members.count())
            if self.members.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save_attendance(self) -> None:
        api, meeting_id, present = self.account.api, self.meeting_id, self.present_ids()
        self.tasks.run_network(
            lambda: api.set_attendance(meeting_id, present), self._recorded, self._failed
        )

    def _recorded(self, quorum: Quorum) -> None:
        state = self.tr("đủ") if quorum.has_quorum else self.tr("chưa đủ")
        self._say(
            self.tr("Đã ghi nhận {present}/{total} thành viên có mặt; số lượng: {state}.").format(
                present=quorum.present_members, total=quorum.total_members, state=state
            )
        )
        self.attendance_recorded.emit(quorum)

    def add_conclusion(self) -> None:
        text = self.conclusion.toPlainText().strip()
        if not self.item_id or not text:
            self._say(self.tr("Chọn một nội dung và ghi kết luận trước."))
            return
        api, item_id = self.account.api, self.item_id
        self.tasks.run_network(
            lambda: api.add_conclusion(item_id, text), self._concluded, self._failed
        )

    def _concluded(self, _none: None) -> None:
        self.conclusion.clear()
        self._say(self.tr("Đã ghi kết luận; các thành viên sẽ thấy ở lần đồng bộ tới."))

    def _choose_minutes(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu biên bản"), "bien-ban.pdf", "PDF (*.pdf)"
        )
        if target:
            self.save_minutes(Path(target))

    def save_minutes(self, pdf: Path) -> None:
        account, meeting_id = self.account.member, self.meeting_id

        def write() -> Path:
            signed, record, votes = acts.signed_minutes(account, meeting_id)
            for target, data in (
                (pdf, signed),
                (pdf.with_suffix(".json"), record.encode()),
                (pdf.with_suffix(".csv"), votes.encode()),
            ):
                temporary = target.with_name(target.name + ".part")
                temporary.write_bytes(data)
                temporary.replace(target)  # never a half-written file under its name
            return pdf

        self.tasks.run_network(
            write, lambda path: self._say(self.tr("Đã lưu: {path}").format(path=path)), self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self._say(self.tr("Không thực hiện được: {reason}").format(reason=problem_words(error)))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.message_shown.emit(text)

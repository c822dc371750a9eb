"""The Government Office's tools beside the vote console: who is present (the roll-call the
members answer from their laptops, and ticks for those without one), the conclusion of the
chosen item, and the signed minutes of the session.

Attendance and conclusions are the office's acts on the server (the console refuses a vote
without the quorum it records); the minutes are composed and signed on this laptop. The chair
sees the roll call only (ticks shown, not editable) and none of the office's buttons. Online
only; every request on the network lane. GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ecabinet.client import acts, chair
from ecabinet.client.account import Account
from ecabinet.client.exports import save_paper, save_text
from ecabinet.domain import Role
from ecabinet.wire.objects import UserData
from ecabinet.wire.session import Quorum, RollCall
from ui import labels
from ui.decisions.problems import problem_words
from ui.decisions.roll_call import RollCallGrid
from ui.tasks import TaskManager


class SessionTools(QObject):
    """Not a widget itself: its boxes (``attendance``, ``office``) are placed by the console."""

    attendance_recorded = Signal(object)  # the Quorum the server answered
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.account, self.tasks = account, tasks
        self.meeting_id = ""
        self.item_id = ""
        self.attendance = QGroupBox(self.tr("Điểm danh"))
        self.roll = RollCallGrid()
        self.shown_present: set[str] = set()  # as loaded: unticking one of these is meant
        self.roll_call_open = False
        self.roll_call_button = QPushButton(self.tr("Mở điểm danh"))
        self.roll_call_button.setToolTip(
            self.tr("Các thành viên bấm “Có mặt” trên máy của mình khi điểm danh đang mở")
        )
        self.roll_call_button.clicked.connect(self.toggle_roll_call)
        self.record_attendance = QPushButton(self.tr("Ghi nhận có mặt"))
        self.record_attendance.clicked.connect(self.save_attendance)
        box = QVBoxLayout(self.attendance)
        box.addWidget(self.roll)
        buttons = QHBoxLayout()
        buttons.addWidget(self.roll_call_button)
        buttons.addWidget(self.record_attendance)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.office = QGroupBox(self.tr("Kết luận của nội dung đang chọn"))
        self.conclusion = QPlainTextEdit()
        self.conclusion.setAccessibleName(self.tr("Kết luận"))
        self.conclusion.setFixedHeight(self.conclusion.fontMetrics().lineSpacing() * 3 + 12)
        self.save_conclusion = QPushButton(self.tr("Ghi kết luận"))
        self.save_conclusion.clicked.connect(self.add_conclusion)
        self.minutes = QPushButton(self.tr("Xuất biên bản phiên họp (bản ký số và bảng số liệu)…"))
        self.minutes.clicked.connect(self._choose_minutes)
        row = QHBoxLayout()
        row.addWidget(self.save_conclusion)
        row.addStretch(1)
        row.addWidget(self.minutes)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        box = QVBoxLayout(self.office)
        box.addWidget(self.conclusion)
        box.addLayout(row)
        box.addWidget(self.note)
        # Built for the Office (the grid editable, every box not hidden); the console narrows
        # it with set_office once it knows the role. No setVisible here: a box without its
        # parent yet is a window, and showing one takes the activation from the main window.

    def set_office(self, office: bool) -> None:
        """The Government Office records; the chair's console shows the roll call only."""
        self.roll.set_editable(office)
        self.record_attendance.setVisible(office)
        self.roll_call_button.setVisible(office)
        self.office.setVisible(office)

    def show_meeting(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        store = self.account.member.store

        def read() -> tuple[list[UserData], set[str], bool]:
            members = [u for u in store.users() if Role.MEMBER in u.roles and u.active]
            meeting = store.meeting(meeting_id)
            present = set(meeting.present_user_ids) if meeting is not None else set()
            is_open = meeting is not None and meeting.attendance_open
            return sorted(members, key=lambda u: u.sort_order), present, is_open

        self.tasks.run_local(read, lambda answer: self._show_members(*answer))

    def _show_roll_call(self, is_open: bool) -> None:
        self.roll_call_open = is_open
        self.roll_call_button.setText(
            self.tr("Đóng điểm danh") if is_open else self.tr("Mở điểm danh")
        )

    def _show_members(self, members: list[UserData], present: set[str], is_open: bool) -> None:
        self._show_roll_call(is_open)
        if self.roll.boxes and set(self.present_ids()) != self.shown_present:
            return  # the Office is ticking: a sync in the background never undoes its ticks
        self.shown_present = present
        self.roll.show_members(members, present)

    def present_ids(self) -> list[str]:
        return self.roll.present_ids()

    def save_attendance(self) -> None:
        account, meeting_id, present = self.account.member, self.meeting_id, self.present_ids()
        # Only those shown present and unticked are named absent: a member who checked in
        # from the laptop after this list was loaded stays present.
        absent = sorted(self.shown_present - set(present))
        self.tasks.run_network(
            lambda: chair.set_attendance(account, meeting_id, present, absent),
            self._recorded,
            self._failed,
        )

    def toggle_roll_call(self) -> None:
        account, meeting_id, opening = self.account.member, self.meeting_id, not self.roll_call_open
        self.roll_call_button.setEnabled(False)
        self.tasks.run_network(
            lambda: chair.roll_call(account, meeting_id, opening), self._roll_call_set, self._failed
        )

    def _roll_call_set(self, answer: RollCall) -> None:
        self.roll_call_button.setEnabled(True)
        self._show_roll_call(answer.attendance_open)
        self._say(
            self.tr("Đã mở điểm danh: các thành viên bấm “Có mặt” trên máy của mình.")
            if answer.attendance_open
            else self.tr("Đã đóng điểm danh.")
        )
        self.attendance_recorded.emit(answer.quorum)

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
        account, item_id = self.account.member, self.item_id
        self.tasks.run_network(
            lambda: chair.add_conclusion(account, item_id, text), self._concluded, self._failed
        )

    def _concluded(self, _none: None) -> None:
        self.conclusion.clear()
        self._say(self.tr("Đã ghi kết luận; các thành viên sẽ thấy ở lần đồng bộ tới."))

    def _choose_minutes(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self.office, self.tr("Lưu biên bản"), "bien-ban.pdf", "PDF (*.pdf)"
        )
        if target:
            self.save_minutes(Path(target))

    def save_minutes(self, pdf: Path) -> None:
        account, meeting_id = self.account.member, self.meeting_id

        def write() -> tuple[Path, str]:
            from ecabinet.signing.pades import pades_level  # loaded by the signing already

            signed, record, votes, speeches = acts.signed_minutes(account, meeting_id)
            save_text(pdf.with_suffix(".json"), record)
            save_text(pdf.with_suffix(".csv"), votes)
            save_text(pdf.with_name(pdf.stem + "-phat-bieu.csv"), speeches)
            return save_paper(pdf, signed), pades_level(signed)

        self.tasks.run_network(write, self._saved, self._failed)

    def _saved(self, done: tuple[Path, str]) -> None:
        path, level = done
        self._say(self.tr("Đã lưu: {path}").format(path=path) + " " + labels.signature_words(level))

    def _failed(self, error: BaseException) -> None:
        self._say(self.tr("Không thực hiện được: {reason}").format(reason=problem_words(error)))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self.message_shown.emit(text)

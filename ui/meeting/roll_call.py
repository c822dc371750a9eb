"""On the member's meeting screen during a session: the quorum line (present / needed /
total) and, while the Government Office has the roll-call open, the "Có mặt" button; after the
member checked in, "Đã điểm danh".

The check-in is saved on the laptop with its outbox entry (session_acts) on the local lane,
and only then does the bar say so; it is sent at the next sync. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ecabinet.client import session_acts
from ecabinet.client.account import Account
from ecabinet.client.session_acts import Attendance
from ui.tasks import TaskManager


class RollCallBar(QWidget):
    acted = Signal()
    shown = Signal()
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account, self.tasks = account, tasks
        self.meeting_id = ""
        self.quorum = QLabel()
        self.quorum.setWordWrap(True)
        self.check_in_button = QPushButton(self.tr("Có mặt"))
        self.check_in_button.setToolTip(self.tr("Điểm danh: báo có mặt tại phiên họp"))
        self.check_in_button.clicked.connect(self.check_in)
        self.checked = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.quorum, 1)
        layout.addWidget(self.checked)
        layout.addWidget(self.check_in_button)
        self.setVisible(False)

    def show_meeting(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        account = self.account.member
        self.tasks.run_local(lambda: session_acts.attendance(account, meeting_id), self._show)

    def _show(self, state: Attendance | None) -> None:
        if state is None:
            return
        self.setVisible(state.in_session)
        reached = state.present >= state.needed
        self.quorum.setText(
            self.tr("Có mặt {present}/{total} thành viên; cần {needed} (túc số): {state}.").format(
                present=state.present,
                total=state.total,
                needed=state.needed,
                state=self.tr("đủ") if reached else self.tr("chưa đủ"),
            )
        )
        can_check_in = state.roll_call_open and state.may_check_in and not state.checked_in
        self.check_in_button.setVisible(can_check_in)
        self.check_in_button.setEnabled(True)
        if state.checked_in:
            self.checked.setText(
                self.tr("Đã điểm danh (chờ gửi)") if state.waiting else self.tr("Đã điểm danh")
            )
        else:
            self.checked.setText(self.tr("Đang điểm danh") if can_check_in else "")
        self.checked.setVisible(bool(self.checked.text()))
        self.shown.emit()

    def check_in(self) -> None:
        account, meeting_id = self.account.member, self.meeting_id
        self.check_in_button.setEnabled(False)  # one check-in per click, until it is saved
        self.tasks.run_local(
            lambda: session_acts.check_in(account, meeting_id), self._done, self._failed
        )

    def _done(self, _mutation_id: str) -> None:
        self.message_shown.emit(self.tr("Đã điểm danh trên máy; sẽ gửi khi có kết nối."))
        self.acted.emit()
        self.show_meeting(self.meeting_id)

    def _failed(self, error: BaseException) -> None:
        self.check_in_button.setEnabled(True)
        self.message_shown.emit(self.tr("Không điểm danh được: {reason}").format(reason=error))

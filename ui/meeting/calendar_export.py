""" "Thêm vào lịch": the meeting on screen saved as an .ics file the member opens in their own
calendar (Outlook, Thunderbird, the phone's). The member picks where; the meeting is read and
the file written on a worker through the saved-papers writer (0600, whole or not at all).
GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ecabinet.client.account import Account
from ecabinet.client.calendar_file import meeting_ics
from ecabinet.client.exports import save_paper
from ecabinet.client.library import Library
from ui.tasks import TaskManager

# Characters a file name may not hold on Windows, macOS or Linux.
NOT_IN_NAMES = str.maketrans(dict.fromkeys('<>:"/\\|?*', "-"))


def suggested_name(title: str) -> str:
    name = " ".join(title.translate(NOT_IN_NAMES).split())[:80].strip(" .")
    return f"{name or 'phien-hop'}.ics"


class MeetingCalendar(QObject):
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, owner: QWidget) -> None:
        super().__init__(owner)
        self.account, self.tasks, self.owner = account, tasks, owner

    def ask(self, meeting_id: str, title: str) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self.owner,
            self.tr("Thêm vào lịch"),
            suggested_name(title),
            self.tr("Tệp lịch (*.ics)"),
        )
        if target:
            self.save_to(meeting_id, Path(target))

    def save_to(self, meeting_id: str, target: Path) -> None:
        account = self.account.member

        def write() -> Path | None:
            entry = Library(account).meeting(meeting_id)
            return None if entry is None else save_paper(target, meeting_ics(entry))

        self.tasks.run_network(write, self._saved, self._failed)

    def _saved(self, path: Path | None) -> None:
        if path is None:
            self.message_shown.emit(self.tr("Phiên họp này không còn trên máy."))
            return
        self.message_shown.emit(
            self.tr("Đã lưu lịch họp: {path}. Mở tệp này để thêm vào lịch của anh/chị.").format(
                path=path
            )
        )

    def _failed(self, error: BaseException) -> None:
        reason = (
            self.tr("không ghi được vào thư mục đã chọn ({detail})").format(
                detail=error.strerror or error
            )
            if isinstance(error, OSError)
            else str(error)
        )
        self.message_shown.emit(self.tr("Không lưu được lịch họp: {reason}").format(reason=reason))

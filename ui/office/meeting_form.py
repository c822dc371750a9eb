"""A meeting's own fields and who is invited: the first tab of the office's meeting editor.

Each member of the body gets a choice: not invited, member, guest, or deputy (sent in place of
an absent member, with the chair's consent). GUI thread; reads only what it is given.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ecabinet.domain import InvitationKind, MeetingKind, Role
from ecabinet.wire.objects import MeetingData, UserData
from ui.formatting import in_official_time
from ui.labels import meeting_kind

NOT_INVITED = ""


class MeetingForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem(meeting_kind(kind), kind.value)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.starts_at = in_official_time(QDateTimeEdit())
        self.starts_at.setDateTime(QDateTime.currentDateTime().addDays(7))
        self.starts_at.setCalendarPopup(True)
        self.place = QLineEdit()
        self.place.setMaxLength(200)
        self.chair = QComboBox()
        self.invited = QTreeWidget()
        self.invited.setRootIsDecorated(False)
        self.invited.setHeaderLabels([self.tr("Thành viên"), self.tr("Mời với tư cách")])
        self.choices: dict[str, QComboBox] = {}
        layout = QFormLayout(self)
        layout.addRow(self.tr("Loại phiên họp"), self.kind)
        layout.addRow(self.tr("Tên phiên họp"), self.title)
        layout.addRow(self.tr("Thời gian (giờ Hà Nội)"), self.starts_at)
        layout.addRow(self.tr("Địa điểm"), self.place)
        layout.addRow(self.tr("Chủ trì"), self.chair)
        layout.addRow(self.tr("Người được mời"), self.invited)

    def set_users(self, users: list[UserData]) -> None:
        self.chair.clear()
        self.chair.addItem(self.tr("(chưa chọn)"), "")
        self.invited.clear()
        self.choices.clear()
        words = {
            NOT_INVITED: self.tr("Không mời"),
            InvitationKind.MEMBER: self.tr("Thành viên"),
            InvitationKind.GUEST: self.tr("Khách mời"),
            InvitationKind.DEPUTY: self.tr("Người dự thay"),
        }
        for user in users:
            if not user.active or Role.SECRETARIAT in user.roles and len(user.roles) == 1:
                continue
            if Role.CHAIR in user.roles:
                self.chair.addItem(user.full_name, user.id)
            row = QTreeWidgetItem(self.invited, [f"{user.full_name} — {user.title}".strip(" —")])
            choice = QComboBox()
            for key, text in words.items():
                choice.addItem(text, str(key))
            self.invited.setItemWidget(row, 1, choice)
            self.choices[user.id] = choice
        self.invited.resizeColumnToContents(0)

    def show_meeting(self, meeting: MeetingData | None) -> None:
        """Fill the form from a meeting, or empty it for a new one (members invited)."""
        if meeting is None:
            self.title.clear()
            self.place.clear()
            self.starts_at.setDateTime(QDateTime.currentDateTime().addDays(7))
            self.chair.setCurrentIndex(min(1, self.chair.count() - 1))
            for choice in self.choices.values():
                choice.setCurrentIndex(1)  # invited as a member, the usual case
            return
        self.kind.setCurrentIndex(self.kind.findData(meeting.kind.value))
        self.title.setText(meeting.title)
        self.place.setText(meeting.place)
        self.starts_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(meeting.starts_at.timestamp())))
        self.chair.setCurrentIndex(max(0, self.chair.findData(meeting.chair_id or "")))
        kinds = {i.user_id: i.kind.value for i in meeting.invitations}
        for user_id, choice in self.choices.items():
            choice.setCurrentIndex(max(0, choice.findData(kinds.get(user_id, NOT_INVITED))))

    def fields(self) -> dict[str, Any]:
        starts = datetime.fromtimestamp(self.starts_at.dateTime().toSecsSinceEpoch(), UTC)
        return {
            "kind": self.kind.currentData(),
            "title": self.title.text().strip(),
            "starts_at": starts.isoformat(),
            "place": self.place.text().strip(),
            "chair_id": self.chair.currentData() or None,
        }

    def invitations(self) -> dict[str, InvitationKind]:
        return {
            user_id: InvitationKind(choice.currentData())
            for user_id, choice in self.choices.items()
            if choice.currentData() != NOT_INVITED
        }

    def set_invitation(self, user_id: str, kind: str) -> None:
        choice = self.choices[user_id]
        choice.setCurrentIndex(choice.findData(kind))

"""A meeting's own fields and who is invited: the first tab of the office's meeting editor.

Each member of the body gets a choice: not invited, member, guest, or deputy (sent in place of
an absent member, with the chair's consent). A guest's row opens onto the agenda: the items
ticked are the only ones the guest receives (the server sends a guest nothing else); none
ticked invites the guest to the whole meeting, as the protocol says. GUI thread; reads only
what it is given.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ecabinet.client.meetings import AgendaEntry
from ecabinet.domain import InvitationKind, MeetingKind, Role
from ecabinet.wire.objects import MeetingData, UserData
from ui.formatting import in_official_time
from ui.labels import meeting_kind

NOT_INVITED = ""
ITEM_ID = Qt.ItemDataRole.UserRole


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
        self.rows: dict[str, QTreeWidgetItem] = {}
        self.agenda: tuple[AgendaEntry, ...] = ()
        guests = QLabel(
            self.tr(
                "Khách mời chỉ nhận các nội dung được đánh dấu dưới tên mình; không đánh dấu "
                "nội dung nào là mời dự cả phiên họp."
            )
        )
        guests.setWordWrap(True)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Loại phiên họp"), self.kind)
        layout.addRow(self.tr("Tên phiên họp"), self.title)
        layout.addRow(self.tr("Thời gian (giờ Hà Nội)"), self.starts_at)
        layout.addRow(self.tr("Địa điểm"), self.place)
        layout.addRow(self.tr("Chủ trì"), self.chair)
        layout.addRow(self.tr("Người được mời"), self.invited)
        layout.addRow("", guests)

    def set_users(self, users: list[UserData]) -> None:
        self.chair.clear()
        self.chair.addItem(self.tr("(chưa chọn)"), "")
        self.invited.clear()
        self.choices.clear()
        self.rows.clear()
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
            name = f"{user.full_name} — {user.title}".strip(" —")
            row = QTreeWidgetItem(self.invited, [name])
            row.setToolTip(0, name)  # whole, when the column is narrower than the title
            choice = QComboBox()
            for key, text in words.items():
                choice.addItem(text, str(key))
            self.invited.setItemWidget(row, 1, choice)
            self.choices[user.id] = choice
            self.rows[user.id] = row
            choice.currentIndexChanged.connect(lambda _i, u=user.id: self._show_items(u, set()))
        # The choice keeps its width and the names take the rest (cut with "…" on a narrow
        # screen): the choice is what the Office works with, and never scrolls out of sight.
        header = self.invited.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        widest = max((c.sizeHint().width() for c in self.choices.values()), default=0)
        header.resizeSection(1, max(widest, header.sectionSizeHint(1)) + 8)

    def set_agenda(self, agenda: tuple[AgendaEntry, ...]) -> None:
        """The meeting's items, offered under each guest (call before show_meeting)."""
        self.agenda = agenda
        for user_id in self.rows:
            self._show_items(user_id, set(self.guest_items().get(user_id, ())))

    def _show_items(self, user_id: str, ticked: set[str]) -> None:
        """Under a guest, the agenda to tick; under anyone else, nothing."""
        row = self.rows[user_id]
        row.takeChildren()
        if self.choices[user_id].currentData() != InvitationKind.GUEST:
            return
        if not self.agenda:
            hint = QTreeWidgetItem(
                row, [self.tr("Lưu phiên họp và lập chương trình để chọn nội dung khách mời dự.")]
            )
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
        for entry in self.agenda:
            child = QTreeWidgetItem(row, [f"{entry.item.position}. {entry.item.title}"])
            child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            child.setData(0, ITEM_ID, entry.item.id)
            checked = entry.item.id in ticked
            child.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            child.setFirstColumnSpanned(True)
        row.setExpanded(True)

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
        for invitation in meeting.invitations:
            if invitation.user_id in self.rows:
                self._show_items(invitation.user_id, set(invitation.agenda_item_ids))

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

    def guest_items(self) -> dict[str, list[str]]:
        """Each guest's ticked items, in agenda order; a guest with none is left out (the whole
        meeting)."""
        chosen: dict[str, list[str]] = {}
        for user_id, row in self.rows.items():
            if self.choices[user_id].currentData() != InvitationKind.GUEST:
                continue
            children = (row.child(i) for i in range(row.childCount()))
            ticked = [
                str(c.data(0, ITEM_ID))
                for c in children
                if c is not None and c.checkState(0) == Qt.CheckState.Checked
            ]
            if ticked:
                chosen[user_id] = ticked
        return chosen

    def set_invitation(self, user_id: str, kind: str) -> None:
        choice = self.choices[user_id]
        choice.setCurrentIndex(choice.findData(kind))

"""The Government Office's meetings: prepare one (its fields, who is invited, the agenda and
its documents), build one from a folder, publish, start and close it, and follow who has
received and opened the papers.

The screen reads the local copy (every meeting reaches the office's laptop through the change
feed); each act is a request on the network lane followed by a pull, then a reread. GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import meetings
from ecabinet.client.account import Account
from ecabinet.client.meetings import Delivery, Workspace
from ecabinet.domain import MeetingStatus
from ecabinet.wire.meetings import MeetingPublic
from ecabinet.wire.objects import MeetingData
from ui.body_words import BodyWords, body_words
from ui.formatting import local_date, short_date
from ui.labels import meeting_status, meeting_tone
from ui.office.agenda_builder import AgendaBuilder
from ui.office.delivery import DeliveryView
from ui.office.file_words import refusal_words
from ui.office.issue_result import Decided, IssueResultDialog
from ui.office.meeting_form import MeetingForm
from ui.style.buttons import primary
from ui.tasks import TaskManager
from ui.widgets.cards import CHIP, DETAIL
from ui.widgets.labels import heading
from ui.widgets.splitter import ListSplitter

ROLE = Qt.ItemDataRole.UserRole
NEXT_ACT = {
    MeetingStatus.DRAFT: "publish",
    MeetingStatus.PUBLISHED: "start",
    MeetingStatus.IN_PROGRESS: "close",
}


class OfficeMeetings(QWidget):
    shown = Signal(object)  # the Workspace on screen
    delivery_shown = Signal(object)  # the Delivery on screen
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account, self.tasks = account, tasks
        self.meeting_id: str | None = None
        self.space: Workspace | None = None
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._chosen)
        new = QPushButton(self.tr("Phiên họp mới"))
        new.clicked.connect(self.new_meeting)
        imported = QPushButton(self.tr("Nhập từ thư mục…"))
        imported.clicked.connect(self._choose_folder)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.list, 1)
        left.addWidget(new)
        left.addWidget(imported)
        left_box = QWidget()
        left_box.setLayout(left)
        self.splitter = ListSplitter("office_meetings", self.list, self._build_editor(), left_box)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        self.heading = heading("")  # names the member's office (show_body)
        self.show_body(body_words("", ""))
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.note)

    def show_body(self, words: BodyWords) -> None:
        self.body = words  # the result it issues carries its office's notation
        self.heading.setText(self.tr("Chuẩn bị phiên họp — {office}").format(office=words.office))

    def _build_editor(self) -> QWidget:
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.form = MeetingForm()
        self.agenda = AgendaBuilder(self.account, self.tasks)
        self.agenda.changed.connect(self.reload)
        self.agenda.message_shown.connect(self.message_shown)
        self.delivery = DeliveryView()
        follow = QWidget()
        follow_layout = QVBoxLayout(follow)
        follow_layout.addWidget(self.delivery, 1)
        self.follow_button = QPushButton(self.tr("Cập nhật tình hình nhận và đọc"))
        self.follow_button.clicked.connect(self.follow)
        follow_layout.addWidget(self.follow_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("Thông tin và người dự"))
        self.tabs.addTab(self.agenda, self.tr("Chương trình và tài liệu"))
        self.tabs.addTab(follow, self.tr("Theo dõi nhận và đọc"))
        self.save_button = primary(QPushButton(self.tr("Lưu phiên họp")))
        self.save_button.clicked.connect(self.save)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.advance)
        self.issue_button = QPushButton(self.tr("Gửi kết quả qua trục liên thông…"))
        self.issue_button.clicked.connect(self.issue_result)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.issue_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.state)
        right.addLayout(buttons)
        right.addWidget(self.tabs, 1)
        right_box = QWidget()
        right_box.setLayout(right)
        return right_box

    # --- reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        account, meeting_id = self.account.member, self.meeting_id
        self.tasks.run_local(lambda: meetings.workspace(account, meeting_id), self._show)

    def _show(self, space: Workspace) -> None:
        first = self.space is None
        self.space = space
        self.list.blockSignals(True)
        self.list.clear()
        for meeting in space.meetings:
            state = f"{meeting.title}\n{meeting_status(meeting.status)}"
            # The short date fits the list beside the form; the tooltip has the weekday and
            # the laptop's own time too, and the whole title when the list cuts it.
            row = QListWidgetItem(f"{state} · {short_date(meeting.starts_at)}", self.list)
            row.setData(ROLE, meeting.id)
            row.setToolTip(f"{state} · {local_date(meeting.starts_at)}")
            row.setData(CHIP, (meeting_status(meeting.status), meeting_tone(meeting.status)))
            row.setData(DETAIL, short_date(meeting.starts_at))
            if meeting.id == self.meeting_id:
                self.list.setCurrentItem(row)
        self.list.blockSignals(False)
        self.splitter.fit_list()
        if first or not self.form.choices:
            self.form.set_users(list(space.users))
        self.form.set_agenda(space.agenda)
        self._show_meeting(space.meeting)
        self.agenda.show_agenda(self.meeting_id or "", space.agenda)
        self.shown.emit(space)

    def _show_meeting(self, meeting: MeetingData | None) -> None:
        self.form.show_meeting(meeting)
        self.agenda.setEnabled(meeting is not None and meeting.status != MeetingStatus.CLOSED)
        self.follow_button.setEnabled(meeting is not None and meeting.published_at is not None)
        self.issue_button.setVisible(meeting is not None and meeting.status == MeetingStatus.CLOSED)
        if meeting is None:
            self.state.setText(self.tr("Phiên họp mới: nhập thông tin rồi bấm “Lưu phiên họp”."))
            self.next_button.hide()
            return
        self.state.setText(f"<b>{meeting.title}</b><br>{meeting_status(meeting.status)}")
        act = NEXT_ACT.get(meeting.status)
        self.next_button.setVisible(act is not None)
        self.next_button.setText(
            {
                "publish": self.tr("Gửi tài liệu tới người được mời"),
                "start": self.tr("Bắt đầu phiên họp"),
                "close": self.tr("Kết thúc phiên họp"),
            }.get(act or "", "")
        )

    def _chosen(self, row: QListWidgetItem | None, _old: QListWidgetItem | None) -> None:
        if row is not None:
            self.meeting_id = str(row.data(ROLE))
            self.delivery.clear()
            self.reload()

    def new_meeting(self) -> None:
        self.meeting_id = None
        self.list.clearSelection()
        self.delivery.clear()
        self.reload()

    # --- acts ---------------------------------------------------------------------------------

    def save(self) -> None:
        fields, invited = self.form.fields(), self.form.invitations()
        guest_items = self.form.guest_items()
        if not fields["title"]:
            self._say(self.tr("Hãy nhập tên phiên họp."))
            return
        account, meeting_id = self.account.member, self.meeting_id

        def saved(new_id: str) -> None:
            self.meeting_id = new_id
            self._say(self.tr("Đã lưu phiên họp."))
            self.reload()

        self.tasks.run_network(
            lambda: meetings.save_meeting(account, meeting_id, fields, invited, guest_items),
            saved,
            self._failed,
        )

    def advance(self) -> None:
        meeting = self.space.meeting if self.space else None
        act = NEXT_ACT.get(meeting.status) if meeting else None
        if meeting is None or act is None:
            return
        meeting_id = meeting.id
        done = {
            "publish": self.tr("Đã gửi tài liệu: người được mời sẽ nhận khi đồng bộ."),
            "start": self.tr("Phiên họp đã bắt đầu."),
            "close": self.tr("Phiên họp đã kết thúc."),
        }[act]

        def acted(_none: None) -> None:
            self._say(done)
            self.reload()

        account = self.account.member
        self.tasks.run_network(
            lambda: meetings.act(account, lambda: meetings.meeting_act(account, meeting_id, act)),
            acted,
            self._failed,
        )

    def follow(self) -> None:
        space = self.space
        if space is None or space.meeting is None:
            return
        account, meeting_id = self.account.member, space.meeting.id

        def show(delivery: Delivery) -> None:
            if self.space is not None:
                self.delivery.show_delivery(self.space, delivery)
            self.delivery_shown.emit(delivery)

        self.tasks.run_network(lambda: meetings.delivery(account, meeting_id), show, self._failed)

    def import_folder(self, folder: Path) -> None:
        """A draft meeting from a folder and its manifest; the form's title and time fill in
        what a CSV manifest does not say."""
        fields = self.form.fields() if self.meeting_id is None else {}
        given = {k: v for k, v in fields.items() if k in {"title", "kind", "starts_at", "place"}}
        account = self.account.member

        def imported(meeting: MeetingPublic) -> None:
            self.meeting_id = meeting.id
            self._say(
                self.tr(
                    "Đã nhập “{title}” thành phiên họp đang chuẩn bị; kiểm tra rồi gửi tài liệu."
                ).format(title=meeting.title)
            )
            self.reload()

        self._say(self.tr("Đang kiểm tra và tải lên các tệp trong thư mục…"))
        self.tasks.run_network(
            lambda: meetings.import_folder(account, folder, given), imported, self._failed
        )

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục phiên họp"))
        if folder:
            self.import_folder(Path(folder))

    def issue_result(self) -> None:
        """A decided item's conclusion notice to the presenting ministry (issue_result.py)."""
        space = self.space
        if space is None or space.meeting is None:
            return
        items = [Decided(e.item.id, f"{e.item.position}. {e.item.title}") for e in space.agenda]
        self.issue_dialog = IssueResultDialog(
            self.account, self.tasks, items, space.meeting.id, self, self.body.documents
        )
        self.issue_dialog.issued.connect(self._say)
        self.issue_dialog.open()

    def _failed(self, error: BaseException) -> None:
        self._say(self.tr("Không thực hiện được: {reason}").format(reason=refusal_words(error)))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.message_shown.emit(text)

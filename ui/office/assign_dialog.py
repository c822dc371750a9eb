"""Where the Government Office puts an incoming document ("Phân công…"): an agenda item of a
meeting (chosen meeting first, then item) with the kind the members will read it as, or a
written ballot not yet sent, whose draft it becomes; and which of the package's PDFs.

Built from targets already read on a worker; answers the body of the assignment request.
GUI thread.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.inbox import Targets
from ecabinet.domain import DocumentKind
from ecabinet.wire.interconnect import IncomingPublic
from ui import labels
from ui.formatting import short_date

# What an incoming document can be on an item: the three the Office works with.
KINDS = (DocumentKind.SUBMISSION, DocumentKind.DRAFT, DocumentKind.REPORT)


class AssignDialog(QDialog):
    def __init__(
        self, incoming: IncomingPublic, targets: Targets, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Phân công văn bản đến"))
        self.incoming, self.targets = incoming, targets
        subject = QLabel(f"<b>{escape(incoming.origin)}</b><br>{escape(incoming.subject)}")
        subject.setWordWrap(True)
        self.to_item = QRadioButton(self.tr("Nội dung phiên họp"))
        self.to_ballot = QRadioButton(self.tr("Phiếu lấy ý kiến (chưa gửi)"))
        group = QButtonGroup(self)
        group.addButton(self.to_item)
        group.addButton(self.to_ballot)
        self.meeting = QComboBox()
        for meeting, _items in targets.meetings:
            self.meeting.addItem(f"{meeting.title} ({short_date(meeting.starts_at)})", meeting.id)
        self.item = QComboBox()
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(labels.document_kind(kind), kind.value)
        self.ballot = QComboBox()
        for ballot in targets.ballots:
            self.ballot.addItem(ballot.title, ballot.id)
        self.attachment = QComboBox()
        for attachment in incoming.attachments:
            if attachment.kept:  # only a PDF became a document file
                self.attachment.addItem(attachment.name, attachment.name)
        for box in (self.meeting, self.item, self.ballot, self.attachment):
            box.setMinimumContentsLength(40)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.meeting.currentIndexChanged.connect(self._fill_items)
        self.to_item.toggled.connect(self._enable)
        self.to_ballot.toggled.connect(self._enable)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Phân công"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Huỷ"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.to_item)
        form.addRow(self.tr("Phiên họp"), self.meeting)
        form.addRow(self.tr("Nội dung"), self.item)
        form.addRow(self.tr("Loại tài liệu"), self.kind)
        form.addRow(self.to_ballot)
        form.addRow(self.tr("Phiếu"), self.ballot)
        form.addRow(self.tr("Tệp PDF"), self.attachment)
        layout = QVBoxLayout(self)
        layout.addWidget(subject)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._fill_items()
        self.to_item.setEnabled(bool(targets.meetings))
        self.to_ballot.setEnabled(bool(targets.ballots))
        (self.to_item if targets.meetings or not targets.ballots else self.to_ballot).setChecked(
            True
        )
        self._enable()

    def _fill_items(self) -> None:
        self.item.clear()
        meeting_id = self.meeting.currentData()
        for meeting, items in self.targets.meetings:
            if meeting.id == meeting_id:
                for item in items:
                    self.item.addItem(f"{item.position}. {item.title}", item.id)

    def _enable(self) -> None:
        on_item = self.to_item.isChecked()
        for box in (self.meeting, self.item, self.kind):
            box.setEnabled(on_item)
        self.ballot.setEnabled(not on_item)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        chosen = self.item.count() if on_item else self.ballot.count()
        ok.setEnabled(bool(chosen) and self.attachment.count() > 0)

    def body(self) -> dict[str, Any]:
        """The assignment as the server takes it (POST /interconnect/assignments)."""
        body: dict[str, Any] = {
            "incoming_id": self.incoming.id,
            "attachment": self.attachment.currentData(),
        }
        if self.to_item.isChecked():
            body |= {"agenda_item_id": self.item.currentData(), "kind": self.kind.currentData()}
        else:
            body |= {"ballot_id": self.ballot.currentData(), "kind": DocumentKind.DRAFT.value}
        return body

"""The member's notes made into a formal opinion, edited, then given: the "other opinion" of a
written ballot, signed as the ballot page signs it, or a written opinion on an agenda item.

The text is composed from the chosen notes (ecabinet.client.opinion) on the network lane, which
takes the large files: the draft is read to find the article above each note. It stays
editable: only what the box holds when the member confirms is signed or sent. A ballot reply
is composed and PAdES-signed on the network lane (it may ask the server for a timestamp), its
write handed to the local lane (ecabinet.client.acts). A written opinion on an item is, as the
protocol has no act of its own for it, the member's position on the item with the text as its
comment (position.set): the member chooses the position, never assumed, since a "no objection"
counts towards the consent list (rule 6). GUI thread.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import acts
from ecabinet.client.account import Account
from ecabinet.client.notes import NoteError
from ecabinet.client.opinion import opinion_from_notes
from ecabinet.domain import BallotChoice, PositionChoice
from ui import labels
from ui.decisions.ballot_reply import confirmed, sign_reply, signed_words
from ui.decisions.choices import checked_choice, choice_row
from ui.decisions.words import BALLOT_CHOICES, POSITIONS, word
from ui.tasks import TaskManager

BALLOT, ITEM = "ballot", "item"


class OpinionDialog(QDialog):
    composed = Signal(str)  # the text is in the box
    acted = Signal(str)  # given: what to tell the member

    def __init__(
        self,
        account: Account,
        tasks: TaskManager,
        kind: str,
        target: tuple[str, str],  # the ballot's or the item's id and title
        document_id: str,
        note_ids: Collection[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.account, self.tasks, self.kind = account, tasks, kind
        self.target_id = target[0]
        ballot = kind == BALLOT
        self.setWindowTitle(self.tr("Ý kiến khác") if ballot else self.tr("Ý kiến bằng văn bản"))
        heading = QLabel(
            (
                self.tr("Trả lời phiếu lấy ý kiến: {title}")
                if ballot
                else self.tr("Ý kiến về nội dung: {title}")
            ).format(title=target[1])
        )
        heading.setWordWrap(True)
        self.positions = QButtonGroup(self)
        row = choice_row(self.positions, POSITIONS, PositionChoice)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Nội dung ý kiến"))
        self.text.setPlaceholderText(self.tr("Đang soạn ý kiến từ ghi chú…"))
        self.text.setEnabled(False)
        self.note = QLabel(
            self.tr("Mỗi ghi chú một dòng, theo thứ tự trang; đồng chí sửa được trước khi gửi.")
        )
        self.note.setWordWrap(True)
        self.send = QPushButton(self.tr("Ký số và gửi") if ballot else self.tr("Lưu và gửi"))
        self.send.setEnabled(False)
        self.send.clicked.connect(self._confirm)
        # Our own words, not Qt's: Qt's "Cancel" is not translated into Vietnamese.
        buttons = QDialogButtonBox()
        buttons.addButton(self.send, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QPushButton(self.tr("Huỷ")), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if ballot:
            layout.addWidget(
                QLabel(self.tr("Trả lời: {choice}").format(choice=self.tr("Ý kiến khác")))
            )
        else:
            layout.addWidget(QLabel(self.tr("Ý kiến trước phiên họp:")))
            layout.addLayout(row)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(640, 420)
        member, wanted = account.member, list(note_ids)
        tasks.run_network(
            lambda: opinion_from_notes(member, document_id, wanted), self._show, self._failed
        )

    def _show(self, text: str) -> None:
        self.text.setPlainText(text)
        self.text.setEnabled(True)
        self.send.setEnabled(True)
        self.composed.emit(text)

    def _failed(self, error: BaseException) -> None:
        # The notes were listed from this laptop a moment ago: what fails is the draft's file.
        reason = (
            self.tr("tệp tài liệu chưa có đủ trên máy này; hãy đồng bộ rồi thử lại.")
            if isinstance(error, NoteError)
            else labels.error_words(error)
        )
        self._say(self.tr("Không soạn được ý kiến: {reason}").format(reason=reason))

    def problem(self) -> str:
        """What is missing before the opinion can be given, in words; "" when nothing is."""
        if not self.text.toPlainText().strip():
            return self.tr("Hãy ghi nội dung ý kiến.")
        if self.kind == ITEM and not checked_choice(self.positions):
            return self.tr("Hãy chọn Không phản đối, Đăng ký phát biểu hoặc Phản đối.")
        return ""

    def _confirm(self) -> None:
        problem = self.problem()
        if problem:
            self._say(problem)
            return
        if self.kind == BALLOT and not confirmed(self, word(BALLOT_CHOICES, BallotChoice.OTHER)):
            return
        self.give()

    def give(self) -> None:
        """Sign and keep the reply, or keep the position (after the member confirmed)."""
        member, target, text = self.account.member, self.target_id, self.text.toPlainText().strip()
        self.send.setEnabled(False)
        if self.kind == ITEM:
            choice = checked_choice(self.positions)
            self.tasks.run_local(
                lambda: acts.set_position(member, target, choice, text),
                lambda _id: self._given(self.tr("Đã lưu ý kiến; sẽ gửi khi có kết nối.")),
                self._refused,
            )
            return
        self._say(self.tr("Đang ký phiếu trả lời…"))

        # Not the local lane: asking for a timestamp may wait on the network.
        self.tasks.run_network(
            lambda: sign_reply(member, target, BallotChoice.OTHER, text),
            lambda level: self._given(signed_words(level)),
            self._refused,
        )

    def _given(self, text: str) -> None:
        self.acted.emit(text)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.send.setEnabled(True)
        self._say(
            self.tr("Chưa gửi được ý kiến: {reason}").format(reason=labels.error_words(error))
        )

    def _say(self, text: str) -> None:
        self.note.setText(text)

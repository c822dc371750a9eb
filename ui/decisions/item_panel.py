"""Under an agenda item: the member's position before the session, their request to speak,
and their vote in it.

A position or a vote is saved on the laptop with its outbox entry (ecabinet.client.acts) on
the local lane, and only then does the panel say so; a vote is signed with the device's key
there too. The panel says plainly when the member may not vote and why. A member may take the
item off the consent list so that it is debated and voted (rule 6). The Government Office
records and never marks or votes (rule 8): it sees neither the form nor the buttons.
GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import acts
from ecabinet.client.account import Account
from ecabinet.client.standing import Answer, ItemStanding, NoVote, Pull, item_standing
from ecabinet.domain import ItemStatus, PositionChoice, VoteChoice, VoteStatus
from ui.body_words import BodyWords, body_words
from ui.decisions.choices import checked_choice, choice_row
from ui.decisions.speak_box import SpeakBox
from ui.decisions.words import POSITIONS, VOTES, word
from ui.labels import error_words
from ui.style.buttons import primary
from ui.tasks import TaskManager


class ItemDecisionPanel(QWidget):
    acted = Signal()
    shown = Signal()  # the item's standing is on screen
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self.item_id = ""
        self.title = QLabel()
        self.title.setWordWrap(True)
        position_box = self._build_position_box()
        self.vote_box = vote_box = QGroupBox(self.tr("Biểu quyết"))
        self.vote_state = QLabel()
        self.vote_state.setWordWrap(True)
        self.vote_buttons: dict[str, QPushButton] = {}
        vote_row = QHBoxLayout()
        for vote in VoteChoice:
            vote_button = QPushButton(word(VOTES, vote))
            vote_button.clicked.connect(lambda _=False, c=str(vote): self._vote(c))
            self.vote_buttons[str(vote)] = vote_button
            vote_row.addWidget(vote_button)
        vote_layout = QVBoxLayout(vote_box)
        vote_layout.addWidget(self.vote_state)
        vote_layout.addLayout(vote_row)
        # Asking to speak (Đăng ký phát biểu) is its own act, kept in a widget of its own.
        self.speak = SpeakBox(account, tasks)
        self.speak.message_shown.connect(self._say)
        self.speak.acted.connect(self.acted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.speak)
        row2 = QHBoxLayout()
        row2.addWidget(position_box, 1)
        row2.addWidget(vote_box, 1)
        layout.addLayout(row2)
        self.note = QLabel()
        self.body = body_words("", "")  # the member's body, for the office's note (show_body)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.setEnabled(False)

    def _build_position_box(self) -> QGroupBox:
        """The member's mark before the session, and taking the item off the consent list."""
        self.position_box = position_box = QGroupBox(self.tr("Ý kiến trước phiên họp"))
        self.position_buttons = QButtonGroup(self)
        row = choice_row(self.position_buttons, POSITIONS, PositionChoice)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Ý kiến (không bắt buộc)"))
        self.save_position = primary(QPushButton(self.tr("Lưu ý kiến")))
        self.save_position.clicked.connect(self._save_position)
        self.position_state = QLabel()
        self.position_state.setWordWrap(True)
        self.pull_button = QPushButton(self.tr("Đề nghị thảo luận nội dung này"))
        self.pull_button.setToolTip(
            self.tr("Rút nội dung khỏi danh sách thông qua không thảo luận: nội dung sẽ được "
                    "thảo luận và biểu quyết tại phiên họp.")
        )  # fmt: skip
        self.pull_button.clicked.connect(self.pull_from_consent)
        self.pull_state = QLabel()
        self.pull_state.setWordWrap(True)
        box_layout = QVBoxLayout(position_box)
        box_layout.addLayout(row)
        box_layout.addWidget(self.comment)
        box_layout.addWidget(self.save_position, 0, Qt.AlignmentFlag.AlignRight)
        box_layout.addWidget(self.position_state)
        box_layout.addWidget(self.pull_button, 0, Qt.AlignmentFlag.AlignLeft)
        box_layout.addWidget(self.pull_state)
        return position_box

    def show_item(self, item_id: str) -> None:
        if item_id != self.item_id:
            self.note.clear()
            self.comment.clear()
        self.item_id = item_id
        account = self.account.member
        self.tasks.run_local(lambda: item_standing(account, item_id), self._show)
        self.speak.show_item(item_id)

    def show_body(self, words: BodyWords) -> None:
        self.body = words  # said at the next item shown

    def _show(self, standing: ItemStanding | None) -> None:
        if standing is None or standing.item.id != self.item_id:
            return
        self.setEnabled(True)
        item = standing.item
        self.title.setText(f"<b>{item.position}. {item.title}</b>")
        # The Government Office records; it never marks positions or votes (rule 8).
        self.position_box.setVisible(standing.may_mark)
        self.vote_box.setVisible(standing.may_mark)
        if not standing.may_mark:
            self.note.setText(
                self.tr("{office} ghi nhận ý kiến và biểu quyết của các thành viên; "
                        "không cho ý kiến và không biểu quyết.").format(office=self.body.office)
            )  # fmt: skip
        self._show_position(standing.position)
        self._show_pull(standing)
        self._show_vote(standing)
        self.shown.emit()

    def _show_pull(self, standing: ItemStanding) -> None:
        item = standing.item
        undecided = item.status != ItemStatus.CLOSED and item.vote_status == VoteStatus.NONE
        self.pull_button.setVisible(undecided and standing.pull == Pull.NONE)
        texts = {
            Pull.WAITING: self.tr(
                "Đồng chí đã đề nghị thảo luận nội dung này (chờ gửi): nội dung sẽ không được "
                "thông qua không thảo luận."
            ),
            Pull.PULLED: self.tr(
                "Nội dung đã được rút khỏi danh sách thông qua không thảo luận: sẽ thảo luận và "
                "biểu quyết tại phiên họp."
            ),
        }
        self.pull_state.setText(texts.get(standing.pull, ""))
        self.pull_state.setVisible(standing.pull != Pull.NONE)

    def _show_position(self, position: Answer | None) -> None:
        for button in self.position_buttons.buttons():
            button.setChecked(position is not None and button.property("choice") == position.choice)
        if position is None:
            self.position_state.setText(self.tr("Chưa cho ý kiến."))
            return
        self.comment.setText(position.comment)
        state = self._sending_state(position, self.tr("đã gửi"))
        self.position_state.setText(
            self.tr("Ý kiến của đồng chí: {choice} ({state}).").format(
                choice=word(POSITIONS, position.choice), state=state
            )
        )

    def _show_vote(self, standing: ItemStanding) -> None:
        can_vote = standing.no_vote == NoVote.NONE
        for button in self.vote_buttons.values():
            button.setVisible(can_vote)
        reasons = {
            NoVote.NOT_OPEN: self.tr("Chủ trì chưa mở biểu quyết nội dung này."),
            NoVote.CLOSED: self.tr("Biểu quyết nội dung này đã kết thúc."),
            NoVote.NOT_A_VOTER: self.tr(
                "Đồng chí dự họp với tư cách khách mời hoặc dự thay nên không biểu quyết."
            ),
        }
        text = reasons.get(standing.no_vote, self.tr("Biểu quyết đang mở."))
        if standing.vote is not None:
            state = self._sending_state(standing.vote, self.tr("đã gửi, đã ký số"))
            text += " " + self.tr("Đã biểu quyết: {choice} ({state}).").format(
                choice=word(VOTES, standing.vote.choice), state=state
            )
        self.vote_state.setText(text)

    def _sending_state(self, answer: Answer, sent: str) -> str:
        """Waiting, being sent again after a fault (never lost), or received."""
        if answer.resending:
            return self.tr("đang gửi lại")
        return self.tr("chờ gửi") if answer.waiting else sent

    def _save_position(self) -> None:
        choice = checked_choice(self.position_buttons)
        if not choice:
            self._say(self.tr("Hãy chọn một ý kiến trước khi lưu."))
            return
        account, item_id, comment = self.account.member, self.item_id, self.comment.text().strip()
        self.tasks.run_local(
            lambda: acts.set_position(account, item_id, choice, comment),
            lambda _id: self._done(self.tr("Đã lưu ý kiến trên máy; sẽ gửi khi có kết nối.")),
            self._failed,
        )

    def pull_from_consent(self) -> None:
        """Take the item off the consent list (rule 6), saved here with its outbox entry."""
        account, item_id = self.account.member, self.item_id
        self.tasks.run_local(
            lambda: acts.pull_from_consent(account, item_id),
            lambda _id: self._done(
                self.tr("Đã lưu đề nghị thảo luận nội dung này; sẽ gửi khi có kết nối.")
            ),
            self._failed,
        )

    def _vote(self, choice: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Xác nhận biểu quyết"),
            self.tr("Đồng chí biểu quyết “{choice}”? Phiếu sẽ được ký số.").format(
                choice=word(VOTES, choice)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.cast_vote(choice)

    def cast_vote(self, choice: str) -> None:
        """Sign and save the vote (after the member confirmed it)."""
        account, item_id = self.account.member, self.item_id

        def cast() -> bool:
            acts.cast_vote(account, item_id, choice)
            return acts.vote_open_here(account, item_id)

        self.tasks.run_local(cast, self._voted, self._failed)

    def _voted(self, open_here: bool) -> None:
        if open_here:
            self._done(self.tr("Đã ký và lưu phiếu biểu quyết; đang gửi."))
            return
        # The laptop's copy does not show the vote open (not yet pulled, or closed): the
        # vote is kept and sent, and the server decides; never say it was recorded.
        self._done(
            self.tr("Đã lưu, sẽ gửi khi có mạng; phiếu có thể bị từ chối nếu biểu quyết chưa mở.")
        )

    def _done(self, text: str) -> None:
        self._say(text)
        self.acted.emit()
        self.show_item(self.item_id)

    def _failed(self, error: BaseException) -> None:
        self._say(self.tr("Không lưu được: {reason}").format(reason=error_words(error)))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.message_shown.emit(text)

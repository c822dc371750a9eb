"""A written ballot ("phiếu lấy ý kiến"): the question, the drafts, the time left, the reply.
A draft received through the national document exchange has its origin on a second line.

The reply form is composed and PAdES-signed on the laptop (ecabinet.client.acts), offline if
need be, and waits in the outbox with its form; the member sees every reply they gave, which
one counts, whether it was late, and may save their signed form as a PDF. The signing runs on
the network lane (it may ask the server for a timestamp) and hands only its write to the
local lane; the member is told in words when the form could carry no timestamp (PAdES B-B).
GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGroupBox,
    QLabel,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import acts
from ecabinet.client.account import Account
from ecabinet.client.exports import save_paper
from ecabinet.client.standing import Answer, BallotStanding, ballot_standing
from ecabinet.domain import BallotChoice, BallotStatus
from ui import labels
from ui.decisions.ballot_reply import confirmed, sign_reply, signed_words
from ui.decisions.choices import checked_choice, choice_row
from ui.decisions.words import BALLOT_CHOICES, word
from ui.formatting import local_date, time_left, under_a_day
from ui.icons import icon
from ui.style import tokens
from ui.style.buttons import primary
from ui.tasks import TaskManager
from ui.theme import colors
from ui.widgets.card_list import CardList
from ui.widgets.cards import CHIP, DETAIL, TITLE
from ui.widgets.labels import heading

ROLE = Qt.ItemDataRole.UserRole
REPLIES_MOST = 220  # pixels: about four replies, then the list scrolls


class BallotPage(QWidget):
    acted = Signal()
    open_document = Signal(str)
    shown = Signal()
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self.ballot_id = ""
        self.title = heading()
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deadline = QLabel()
        self.drafts = CardList()
        self.drafts.setAccessibleName(self.tr("Dự thảo xin ý kiến"))
        self.drafts.itemActivated.connect(lambda item: self.open_document.emit(item.data(ROLE)))
        self._build_reply_box()
        self.replies = CardList(most=REPLIES_MOST)
        self.replies.setAccessibleName(self.tr("Các lần trả lời của đồng chí"))
        self.save_form = QPushButton(self.tr("Lưu phiếu đã ký (PDF)…"))
        self.save_form.clicked.connect(self._save_form)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(tokens.S)
        layout.addWidget(self.title)
        layout.addWidget(self.deadline)
        layout.addWidget(self.question)
        layout.addWidget(QLabel(self.tr("Dự thảo (nhấn Enter hoặc nhấp đúp để đọc):")))
        layout.addWidget(self.drafts)
        layout.addWidget(self.reply_box)
        self.replies_caption = QLabel(self.tr("Các lần trả lời của đồng chí:"))
        layout.addWidget(self.replies_caption)
        layout.addWidget(self.replies)
        layout.addWidget(self.save_form, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def _build_reply_box(self) -> None:
        self.reply_box = QGroupBox(self.tr("Trả lời"))
        self.choices = QButtonGroup(self)
        row = choice_row(self.choices, BALLOT_CHOICES, BallotChoice)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("Ý kiến (bắt buộc khi chọn “Ý kiến khác”)"))
        self.comment.setMaximumHeight(100)
        self.send = primary(QPushButton(icon("sign"), self.tr("Ký số và gửi")))
        self.send.clicked.connect(self._confirm)
        box = QVBoxLayout(self.reply_box)
        box.addLayout(row)
        box.addWidget(self.comment)
        box.addWidget(self.send, 0, Qt.AlignmentFlag.AlignRight)

    def show_ballot(self, ballot_id: str) -> None:
        if ballot_id != self.ballot_id:
            self.note.clear()
            self.comment.clear()
        self.ballot_id = ballot_id
        account = self.account.member
        self.tasks.run_local(lambda: ballot_standing(account, ballot_id), self._show)

    def _show(self, standing: BallotStanding | None) -> None:
        if standing is None or standing.entry.ballot.id != self.ballot_id:
            return
        ballot = standing.entry.ballot
        self.title.setText(ballot.title)
        self.question.setText(ballot.question)
        closed = ballot.status == BallotStatus.CLOSED
        result = standing.result
        if closed and result is not None:
            verdict = self.tr("Thông qua") if result.passed else self.tr("Không thông qua")
            self.deadline.setText(
                self.tr(
                    "Phiếu đã kết thúc. Kết quả: {verdict} — {agree}/{total} đồng ý, "
                    "{disagree} không đồng ý, {other} ý kiến khác, {missing} chưa trả lời."
                ).format(
                    verdict=verdict,
                    agree=result.agree,
                    total=result.total_members,
                    disagree=result.disagree,
                    other=result.abstain_or_other,
                    missing=result.not_answered,
                )
            )
        elif closed:
            self.deadline.setText(self.tr("Phiếu đã kết thúc."))
        else:
            self.deadline.setText(
                self.tr("Hạn trả lời: {date} ({left})").format(
                    date=local_date(ballot.deadline), left=time_left(ballot.deadline)
                )
            )
        urgent = not closed and under_a_day(ballot.deadline)
        self.deadline.setStyleSheet(f"color: {colors().danger.name()}" if urgent else "")
        self._show_drafts(standing)
        self.reply_box.setVisible(not closed and standing.entry.may_reply)
        self._show_replies(standing)
        if not standing.entry.may_reply:
            self.note.setText(self.tr("Đồng chí không có tên trong danh sách lấy ý kiến."))
        self.save_form.setEnabled(bool(standing.replies))
        self.shown.emit()

    def _show_drafts(self, standing: BallotStanding) -> None:
        self.drafts.clear()
        for entry in standing.documents:
            fresh = labels.freshness(entry)
            text = f"{entry.document.title} · {labels.document_state(entry)}"
            text = f"{text} · {fresh}" if fresh else text
            origin = entry.document.origin  # received through the national document exchange
            item = QListWidgetItem(f"{text}\n{origin}" if origin else text, self.drafts)
            item.setData(ROLE, entry.document.id)
            item.setToolTip(origin)
            # The card: the title, then its state and (until read) its mark as chips.
            here = tokens.OK if entry.present else tokens.NEUTRAL
            chips = [(labels.document_state(entry), here)]
            if fresh:
                new = fresh == labels.freshness_new()
                chips.insert(0, (fresh, tokens.ACCENT if new else tokens.WARNING))
            item.setData(TITLE, entry.document.title)
            item.setData(CHIP, chips)
            item.setData(DETAIL, origin)
        self.drafts.fit()

    def _show_replies(self, standing: BallotStanding) -> None:
        self.replies.clear()
        for number, reply in enumerate(standing.replies, start=1):
            choice = word(BALLOT_CHOICES, reply.choice)
            said = [choice, f"“{reply.comment}”"] if reply.comment else [choice]
            chips = self._reply_chips(reply, counts=number == len(standing.replies))
            # The text (what screen readers and copying read) says all; the card shows the
            # choice and its comment, then its sending and whether it counts as chips.
            item = QListWidgetItem(" · ".join(said + [text for text, _ in chips]), self.replies)
            item.setData(TITLE, " — ".join(said))
            item.setData(CHIP, chips)
            item.setData(DETAIL, "")
        self.replies.fit()
        for part in (self.replies_caption, self.replies):
            part.setVisible(bool(standing.replies))  # no empty box before the first reply

    def _reply_chips(self, reply: Answer, counts: bool) -> list[tuple[str, str]]:
        sending = self._sending_state(reply)
        chips = [(sending, tokens.NEUTRAL if reply.waiting or reply.resending else tokens.OK)]
        if reply.late:
            chips.append((self.tr("gửi sau hạn, không được tính"), tokens.DANGER))
        elif counts:
            chips.append((self.tr("đang có hiệu lực"), tokens.ACCENT))
        return chips

    def _sending_state(self, reply: Answer) -> str:
        """Waiting, being sent again after a fault (never lost), or received."""
        if reply.resending:
            return self.tr("đang gửi lại")
        return self.tr("chờ gửi") if reply.waiting else self.tr("đã gửi")

    def chosen(self) -> str:
        return checked_choice(self.choices)

    def _confirm(self) -> None:
        problem = self.problem()
        if problem:
            self._say(problem)
            return
        if confirmed(self, word(BALLOT_CHOICES, self.chosen())):
            self.reply()

    def problem(self) -> str:
        """What is missing before the reply can be signed, in words; "" when nothing is."""
        if not self.chosen():
            return self.tr("Hãy chọn Đồng ý, Không đồng ý hoặc Ý kiến khác.")
        if self.chosen() == BallotChoice.OTHER and not self.comment.toPlainText().strip():
            return self.tr("Khi chọn “Ý kiến khác”, hãy ghi rõ ý kiến.")
        return ""

    def reply(self) -> None:
        """Compose, sign and save the reply (after the member confirmed it)."""
        account, ballot_id = self.account.member, self.ballot_id
        choice, comment = self.chosen(), self.comment.toPlainText().strip()
        self.send.setEnabled(False)
        self._say(self.tr("Đang ký phiếu trả lời…"))

        # Not the local lane: asking for a timestamp may wait on the network.
        self.tasks.run_network(
            lambda: sign_reply(account, ballot_id, choice, comment), self._replied, self._failed
        )

    def _replied(self, level: str) -> None:
        self.send.setEnabled(True)
        saved = signed_words(level)
        if level == "B-B":
            saved += " " + self.tr("Thời điểm máy chủ nhận phiếu sẽ được dùng để xét hạn.")
        self._say(saved)
        self.acted.emit()
        self.show_ballot(self.ballot_id)

    def _failed(self, error: BaseException) -> None:
        self.send.setEnabled(True)
        self._say(
            self.tr("Không ký được phiếu trả lời: {reason}").format(
                reason=labels.error_words(error)
            )
        )

    def _save_form(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu phiếu đã ký"), "phieu-tra-loi.pdf", "PDF (*.pdf)"
        )
        if target:
            self.save_form_to(Path(target))

    def save_form_to(self, target: Path) -> None:
        account, ballot_id = self.account.member, self.ballot_id

        def write() -> Path:
            return save_paper(target, acts.last_form(account, ballot_id))

        self.tasks.run_network(
            write,
            lambda path: self._say(self.tr("Đã lưu: {path}").format(path=path)),
            lambda error: self._say(
                self.tr("Không lưu được: {reason}").format(reason=labels.error_words(error))
            ),
        )

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.message_shown.emit(text)

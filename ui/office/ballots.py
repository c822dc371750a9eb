"""The Government Office's written ballots: prepare, send, watch the replies, remind, close,
and the signed summary.

A new ballot takes its drafts by "Thêm dự thảo…" or by dropping PDF files on the list; each
is checked by the server before the ballot is made, and a refused one is named with the reason.
Replies show who answered what and when, late ones marked, and who has not answered. Online
only; every request on the network lane. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import acts, office
from ecabinet.client.account import Account
from ecabinet.client.exports import save_paper, save_text
from ecabinet.client.office import BallotWatch, create_ballot, watch
from ecabinet.wire.office import OfficeBallot
from ui import labels
from ui.body_words import BodyWords, body_words
from ui.decisions.words import BALLOT_CHOICES, word
from ui.formatting import in_official_time, local_date, short_date
from ui.office.file_words import refusal_words
from ui.office.issue_result import Decided, IssueResultDialog
from ui.style import tokens
from ui.style.buttons import primary
from ui.tasks import TaskManager
from ui.widgets.cards import CHIP, DETAIL
from ui.widgets.file_drop import FileDropList
from ui.widgets.labels import heading
from ui.widgets.splitter import ListSplitter

ROLE = Qt.ItemDataRole.UserRole
BALLOT_TONES = {"draft": tokens.NEUTRAL, "open": tokens.WARNING, "closed": tokens.NEUTRAL}


class DraftList(FileDropList):
    """PDF files chosen for a new ballot; files can be dropped on it."""

    def __init__(self) -> None:
        super().__init__()
        self.setMaximumHeight(90)
        self.files_dropped.connect(self._add_files)

    def add_file(self, path: Path) -> None:
        QListWidgetItem(path.name, self).setData(ROLE, str(path))

    def _add_files(self, paths: list[Path]) -> None:
        for path in paths:
            self.add_file(path)

    def paths(self) -> list[Path]:
        return [Path(self.item(i).data(ROLE)) for i in range(self.count())]


class OfficeBallots(QWidget):
    loaded = Signal(list)  # the ballots shown
    watched = Signal(object)  # the BallotWatch shown
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account, self.tasks = account, tasks
        self.ballots = QListWidget()
        self.ballots.currentItemChanged.connect(self._chosen)
        form = self._build_form()
        self._build_watch()
        right = QVBoxLayout()
        right.addWidget(self.state)
        right.addLayout(self.buttons)
        right.addLayout(self.issue_row)
        right.addWidget(self.replies, 1)
        right.addWidget(self.missing)
        right.addWidget(heading(self.tr("Phiếu mới"), 1.1))
        right.addLayout(form)
        right_box = QWidget()
        right_box.setLayout(right)
        self.splitter = ListSplitter("office_ballots", self.ballots, right_box)
        layout = QVBoxLayout(self)
        self.heading = heading("")  # names the member's office (show_body)
        self.show_body(body_words("", ""))
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.current: BallotWatch | None = None

    def show_body(self, words: BodyWords) -> None:
        self.body = words  # the result it issues carries its office's notation
        self.heading.setText(self.tr("Phiếu lấy ý kiến — {office}").format(office=words.office))

    def _build_form(self) -> QFormLayout:
        self.title = QLineEdit()
        self.question = QPlainTextEdit()
        self.question.setMaximumHeight(80)
        self.deadline = in_official_time(QDateTimeEdit())
        self.deadline.setDateTime(QDateTime.currentDateTime().addDays(3))
        self.deadline.setCalendarPopup(True)
        self.drafts = DraftList()
        add = QPushButton(self.tr("Thêm dự thảo…"))
        add.clicked.connect(self._choose_drafts)
        self.create_button = primary(QPushButton(self.tr("Tạo phiếu")))
        self.create_button.clicked.connect(self.submit_new)
        form = QFormLayout()
        form.addRow(self.tr("Tiêu đề"), self.title)
        form.addRow(self.tr("Nội dung xin ý kiến"), self.question)
        form.addRow(self.tr("Hạn trả lời (giờ Hà Nội)"), self.deadline)
        form.addRow(self.tr("Dự thảo (kéo thả tệp PDF vào đây)"), self.drafts)
        form.addRow("", add)
        form.addRow("", self.create_button)
        return form

    def _build_watch(self) -> None:
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.replies = QTreeWidget()
        self.replies.setRootIsDecorated(False)
        self.replies.setHeaderLabels(
            [self.tr("Thành viên"), self.tr("Trả lời"), self.tr("Thời điểm"), self.tr("Ý kiến")]
        )
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.buttons = buttons = QHBoxLayout()
        self.act_buttons: dict[str, QPushButton] = {}
        for act, text in (
            ("send", self.tr("Gửi phiếu")),
            ("remind", self.tr("Nhắc người chưa trả lời")),
            ("close", self.tr("Kết thúc lấy ý kiến")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, a=act: self.act(a))
            self.act_buttons[act] = button
            buttons.addWidget(button)
        self.summary_button = QPushButton(self.tr("Tổng hợp ý kiến (bản ký số và bảng tính)…"))
        self.summary_button.clicked.connect(self._choose_summary)
        buttons.addWidget(self.summary_button)
        # A row of its own: beside the others it would widen the page past a 1366 px screen.
        self.issue_row = QHBoxLayout()
        self.issue_button = QPushButton(self.tr("Gửi kết quả qua trục liên thông…"))
        self.issue_button.clicked.connect(self.issue_result)
        self.issue_row.addWidget(self.issue_button)
        self.issue_row.addStretch(1)

    def _chosen(self, item: QListWidgetItem | None, _old: QListWidgetItem | None) -> None:
        if item is not None:
            self.watch(item.data(ROLE))

    # --- the list ----------------------------------------------------------------------

    def reload(self) -> None:
        account = self.account.member
        self.tasks.run_network(lambda: office.ballots(account), self._show_list, self._failed)

    def _show_list(self, ballots: list[OfficeBallot]) -> None:
        keep = self.current.ballot.id if self.current else ""
        self.ballots.blockSignals(True)
        self.ballots.clear()
        for ballot in sorted(ballots, key=lambda b: b.deadline, reverse=True):
            # The short date fits the list beside the page; the tooltip has the weekday and
            # the laptop's own time too, and the whole title when the list cuts it.
            text = f"{ballot.title}\n{self._status(ballot, short_date)}"
            item = QListWidgetItem(text, self.ballots)
            item.setData(ROLE, ballot.id)
            item.setToolTip(f"{ballot.title}\n{self._status(ballot)}")
            item.setData(CHIP, (self._state(ballot), BALLOT_TONES.get(ballot.status, "neutral")))
            item.setData(DETAIL, short_date(ballot.deadline))
            if ballot.id == keep:
                self.ballots.setCurrentItem(item)
        self.ballots.blockSignals(False)
        self.splitter.fit_list()
        self.loaded.emit(ballots)

    def _status(self, ballot: OfficeBallot, date: Callable[[datetime], str] = local_date) -> str:
        return f"{self._state(ballot)} · {date(ballot.deadline)}"

    def _state(self, ballot: OfficeBallot) -> str:
        words = {
            "draft": self.tr("Chưa gửi"),
            "open": self.tr("Đang lấy ý kiến"),
            "closed": self.tr("Đã kết thúc"),
        }
        return words.get(ballot.status, ballot.status)

    # --- one ballot --------------------------------------------------------------------

    def watch(self, ballot_id: str) -> None:
        account = self.account.member
        self.tasks.run_network(lambda: watch(account, ballot_id), self._show_watch, self._failed)

    def _show_watch(self, watched: BallotWatch) -> None:
        self.current = watched
        ballot, replies = watched.ballot, watched.replies
        self.state.setText(f"<b>{ballot.title}</b><br>{self._status(ballot)}")
        self.act_buttons["send"].setEnabled(ballot.status == "draft")
        self.act_buttons["remind"].setEnabled(
            ballot.status == "open" and bool(replies.not_answered)
        )
        self.act_buttons["close"].setEnabled(ballot.status == "open")
        self.summary_button.setEnabled(ballot.status != "draft")
        self.issue_button.setEnabled(ballot.status == "closed")
        self.replies.clear()
        for reply in replies.replies:
            when = local_date(reply.received_at)
            if reply.late:
                when += " " + self.tr("(sau hạn, không tính)")
            who = watched.names.get(reply.user_id, reply.user_id)
            choice = word(BALLOT_CHOICES, reply.choice)
            QTreeWidgetItem(self.replies, [who, choice, when, reply.comment])
        missing = [watched.names.get(u, u) for u in replies.not_answered]
        self.missing.setText(
            self.tr("Chưa trả lời ({count}): {names}").format(
                count=len(missing), names=", ".join(missing)
            )
            if missing
            else self.tr("Mọi thành viên đã trả lời.")
        )
        self.watched.emit(watched)

    def act(self, act: str) -> None:
        if self.current is None:
            return
        account, ballot_id = self.account.member, self.current.ballot.id
        done = {
            "send": self.tr("Đã gửi phiếu tới các thành viên."),
            "remind": self.tr("Đã nhắc những người chưa trả lời."),
            "close": self.tr("Đã kết thúc lấy ý kiến; kết quả đã công bố."),
        }[act]

        def acted(_none: None) -> None:
            self._say(done)
            self.reload()
            self.watch(ballot_id)

        self.tasks.run_network(
            lambda: office.ballot_act(account, ballot_id, act), acted, self._failed
        )

    # --- a new ballot ------------------------------------------------------------------

    def _choose_drafts(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn dự thảo"), "", "PDF (*.pdf)")
        for name in files:
            self.drafts.add_file(Path(name))

    def submit_new(self) -> None:
        """Make the new ballot from the form (its drafts checked by the server first)."""
        title, question = self.title.text().strip(), self.question.toPlainText().strip()
        deadline = datetime.fromtimestamp(self.deadline.dateTime().toSecsSinceEpoch(), UTC)
        if not title or not question:
            self._say(self.tr("Hãy nhập tiêu đề và nội dung xin ý kiến."))
            return
        if deadline <= datetime.now(UTC):
            self._say(self.tr("Hạn trả lời phải ở sau thời điểm hiện tại."))
            return
        account, drafts = self.account.member, self.drafts.paths()
        self.create_button.setEnabled(False)
        self.tasks.run_network(
            lambda: create_ballot(account, title, question, deadline, drafts),
            self._created,
            self._failed,
        )

    def _created(self, ballot: OfficeBallot) -> None:
        self.create_button.setEnabled(True)
        self.title.clear()
        self.question.clear()
        self.drafts.clear()
        self._say(
            self.tr("Đã tạo phiếu “{title}”; kiểm tra rồi bấm “Gửi phiếu”.").format(
                title=ballot.title
            )
        )
        self.current = None
        self.reload()
        self.watch(ballot.id)

    # --- the summary -------------------------------------------------------------------

    def _choose_summary(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu tổng hợp ý kiến"), "tong-hop.pdf", "PDF (*.pdf)"
        )
        if target:
            self.save_summary(Path(target))

    def save_summary(self, pdf: Path) -> None:
        if self.current is None:
            return
        account, ballot_id = self.account.member, self.current.ballot.id

        def write() -> tuple[Path, str]:
            from ecabinet.signing.pades import pades_level  # loaded by the signing already

            signed, table = acts.signed_ballot_summary(account, ballot_id)
            save_text(pdf.with_suffix(".csv"), table)
            return save_paper(pdf, signed), pades_level(signed)

        self.tasks.run_network(write, self._saved, self._failed)

    def _saved(self, done: tuple[Path, str]) -> None:
        path, level = done
        self._say(self.tr("Đã lưu: {path}").format(path=path) + " " + labels.signature_words(level))

    def issue_result(self) -> None:
        """The closed ballot's signed summary to the presenting ministry (issue_result.py)."""
        if self.current is None:
            return
        ballot = self.current.ballot
        self.issue_dialog = IssueResultDialog(
            self.account,
            self.tasks,
            [Decided(ballot.id, ballot.title)],
            parent=self,
            body=self.body.documents,
        )
        self.issue_dialog.issued.connect(self._say)
        self.issue_dialog.open()

    def _failed(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        self._say(self.tr("Không thực hiện được: {reason}").format(reason=refusal_words(error)))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.message_shown.emit(text)

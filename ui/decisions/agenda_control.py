"""The chair moves the session along: the item being discussed now, and the consent list
(rule 6: more than half of all members marked "no objection", nobody objected or asked to
speak, no member pulled it) adopted in one act, after the chair or the Office confirms it.

The consent list is read from the position board just before it is shown and the server checks
it again when it is adopted, so an objection made in the meantime keeps its item out. Requests
on the network lane, followed by a pull so every screen shows the new state. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import chair, meetings
from ecabinet.client.account import Account
from ecabinet.wire.session import Board
from ui.decisions.problems import problem_words
from ui.tasks import TaskManager


class AgendaControl(QWidget):
    changed = Signal()  # an item's state changed: reread the items
    message_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account, self.tasks = account, tasks
        self.meeting_id = ""
        self.item_id = ""
        self.consent_ids: list[str] = []
        self.consent_lines: list[str] = []  # each item with its count, for the confirmation
        self.discuss_button = QPushButton(self.tr("Chuyển sang thảo luận nội dung này"))
        self.discuss_button.clicked.connect(self.discuss)
        self.consent_button = QPushButton(self.tr("Thông qua danh sách không thảo luận"))
        self.consent_button.clicked.connect(self.adopt_consent)
        self.consent_button.setEnabled(False)
        self.consent = QLabel()
        self.consent.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discuss_button)
        buttons.addWidget(self.consent_button)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.consent)

    def _arrange(self) -> None:
        """Side by side when both fit, else one above the other: never a cut word."""
        both = sum(b.sizeHint().width() for b in (self.discuss_button, self.consent_button))
        fits = both + self.buttons.spacing() <= self.width()
        direction = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
        if self.buttons.direction() != direction:
            self.buttons.setDirection(direction)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange()

    def show_meeting(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        account = self.account.member
        self.tasks.run_network(
            lambda: chair.board(account, meeting_id), self._show_board, self._failed
        )

    def _show_board(self, board: Board) -> None:
        open_items = [i for i in board.items if i.consent and i.item_id in board.consent_list]
        self.consent_ids = [i.item_id for i in open_items]
        self.consent_lines = [
            self.tr("{position}. {title} ({count}/{total} thành viên không phản đối)").format(
                position=i.position, title=i.title, count=i.no_objection, total=board.total_members
            )
            for i in open_items
        ]
        self.consent_button.setEnabled(bool(self.consent_ids))
        self.consent_button.setText(
            self.tr("Thông qua danh sách không thảo luận ({count})").format(count=len(open_items))
        )
        self.consent.setText(
            self.tr("Danh sách thông qua không thảo luận: nội dung {items}.").format(
                items=", ".join(str(i.position) for i in open_items)
            )
            if open_items
            else self.tr("Không có nội dung nào trong danh sách thông qua không thảo luận.")
        )
        self._arrange()  # the button's words just grew by the count

    def discuss(self) -> None:
        account, item_id = self.account.member, self.item_id
        if item_id:
            self._act(
                lambda: chair.discuss(account, item_id), self.tr("Đã chuyển sang nội dung này.")
            )

    def confirm_adoption(self) -> bool:
        """Adoption closes the items for good: the chair or the Office says yes first."""
        answer = QMessageBox.question(
            self,
            self.tr("Xác nhận thông qua không thảo luận"),
            self.tr(
                "Thông qua {count} nội dung theo danh sách thông qua không thảo luận? Ý kiến "
                "“Không phản đối” của từng thành viên sẽ được ghi nhận là tán thành.\n\n{items}"
            ).format(count=len(self.consent_lines), items="\n".join(self.consent_lines)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def adopt_consent(self) -> None:
        account, meeting_id, ids = self.account.member, self.meeting_id, list(self.consent_ids)
        if ids and self.confirm_adoption():
            done = self.tr("Đã thông qua {count} nội dung không thảo luận.").format(count=len(ids))
            self._act(lambda: chair.adopt_consent(account, meeting_id, ids), done)

    def _act(self, call: Callable[[], None], done: str) -> None:
        account = self.account.member

        def acted(_none: None) -> None:
            self.message_shown.emit(done)
            self.changed.emit()
            self.show_meeting(self.meeting_id)

        self.tasks.run_network(lambda: meetings.act(account, call), acted, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message_shown.emit(
            self.tr("Không thực hiện được: {reason}").format(reason=problem_words(error))
        )

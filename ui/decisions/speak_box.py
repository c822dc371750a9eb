"""The member's "Đăng ký phát biểu" button for one agenda item, and where they stand on its
list of speakers. Used under the item (ItemDecisionPanel) and in the reader's toolbar.

Asking and withdrawing are saved on the laptop with their outbox entry (session_acts) on the
local lane, and only then does the box say so; they are sent at the next sync. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ecabinet.client import session_acts
from ecabinet.client.account import Account
from ecabinet.client.session_acts import Speaking
from ui.tasks import TaskManager


class SpeakBox(QWidget):
    acted = Signal()
    shown = Signal()  # the member's standing on the list is on screen
    message_shown = Signal(str)
    available = Signal(bool)  # whether the box has anything to offer on this item

    def __init__(
        self,
        account: Account,
        tasks: TaskManager,
        compact: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.account, self.tasks = account, tasks
        self.compact = compact  # in a toolbar, whose action shows or hides the box
        self.item_id = ""
        self.standing: Speaking | None = None
        self.button = QPushButton(self.tr("Đăng ký phát biểu"))
        self.button.clicked.connect(self.toggle)
        self.state = QLabel()
        self.state.setWordWrap(True)
        # In a toolbar the state is the button's tooltip: the label stays out of the layout.
        # Never setVisible(True) here: a label without its parent yet is a window of its own.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        if compact:  # a toolbar would stretch the button over the space left
            self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        else:
            layout.addWidget(self.state, 1)
        self._offer(False)

    def _offer(self, visible: bool) -> None:
        if not self.compact:
            self.setVisible(visible)
        self.available.emit(visible)

    def show_item(self, item_id: str) -> None:
        self.item_id = item_id
        self.standing = None
        if not item_id:
            self._offer(False)
            return
        account = self.account.member
        self.tasks.run_local(lambda: session_acts.speaking(account, item_id), self._show)

    def _show(self, standing: Speaking) -> None:
        self.standing = standing
        self._offer(standing.may_ask or standing.asked)
        self.button.setEnabled(standing.may_ask)
        self.button.setText(
            self.tr("Rút đăng ký phát biểu") if standing.asked else self.tr("Đăng ký phát biểu")
        )
        text = self._words(standing)
        self.state.setText(text)
        self.button.setToolTip(text)
        self.shown.emit()

    def _words(self, standing: Speaking) -> str:
        if standing.has_floor:
            return self.tr("Đồng chí đang phát biểu.")
        if standing.asked and standing.waiting:
            return self.tr("Đã đăng ký phát biểu (chờ gửi).")
        if standing.asked:
            return self.tr("Đã đăng ký phát biểu; thứ tự: {place}.").format(place=standing.place)
        if standing.waiting:
            return self.tr("Đã rút đăng ký phát biểu (chờ gửi).")
        return self.tr("Chưa đăng ký phát biểu.")

    def toggle(self) -> None:
        if self.standing is None or not self.item_id:
            return
        account, item_id = self.account.member, self.item_id
        if self.standing.asked:
            act, done = session_acts.withdraw_request, self.tr("Đã rút đăng ký phát biểu.")
        else:
            act, done = (
                session_acts.ask_to_speak,
                self.tr("Đã đăng ký phát biểu trên máy; sẽ gửi khi có kết nối."),
            )
        self.button.setEnabled(False)  # one act per click, until this one is saved
        self.tasks.run_local(
            lambda: act(account, item_id), lambda _id: self._done(done), self._failed
        )

    def _done(self, text: str) -> None:
        self.message_shown.emit(text)
        self.acted.emit()
        self.show_item(self.item_id)

    def _failed(self, error: BaseException) -> None:
        self.button.setEnabled(True)
        self.message_shown.emit(self.tr("Không lưu được: {reason}").format(reason=error))

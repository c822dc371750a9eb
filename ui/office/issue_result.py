""" "Gửi kết quả qua trục liên thông": the Office of the member's body issues the conclusion
notice of a decided item of a closed session ("Thông báo kết luận số 123/TB-VPCP", a
Committee's "…/TB-UBND") or the signed summary of a closed written ballot ("Báo cáo số
45/BC-VPCP") to the presenting ministry.

The Office gives the number and notation and may change the recipient, prefilled as the server
would choose it (the sender of a document of the item that came through the exchange, else the
organ the presenter names). The notice is built, signed with this laptop's key and issued by
the same client code as ``ecabinet result notice|summary`` (ecabinet/client/acts.py); the
server's refusals are said in the Office's words. The recipient is read and the result issued
on the network lane. GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import acts, inbox
from ecabinet.client.account import Account
from ecabinet.client.api import ApiProblem
from ecabinet.domain.body_words import GOVERNMENT, DocumentWords
from ecabinet.domain.organs import organ_name
from ecabinet.wire.interconnect import OutboundStatusPublic
from ui.office.file_words import refusal_words
from ui.office.organ_choice import OrganChoice
from ui.tasks import TaskManager

# The server's refusals of POST /interconnect/results, in the Office's words.
REFUSALS = {
    "not_decided": QT_TRANSLATE_NOOP(
        "IssueResult",
        "Chưa gửi được: nội dung chưa có kết luận hoặc kết quả biểu quyết, hoặc phiếu lấy "
        "ý kiến chưa kết thúc.",
    ),
    "no_presenting_organ": QT_TRANSLATE_NOOP(
        "IssueResult",
        "Không xác định được cơ quan trình: hãy chọn cơ quan nhận trong danh sách.",
    ),
    "already_issued": QT_TRANSLATE_NOOP(
        "IssueResult",
        "Văn bản mang số, ký hiệu này đã được gửi hôm nay: hãy kiểm tra lại số văn bản.",
    ),
    "invalid_signature": QT_TRANSLATE_NOOP(
        "IssueResult",
        "Máy chủ không chấp nhận chữ ký số của văn bản: hãy kiểm tra chứng thư số của máy này.",
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "IssueResult", "Nội dung hoặc phiếu này không còn trên máy chủ; hãy tải lại danh sách."
    ),
}


def refused_words(error: BaseException) -> str:
    if isinstance(error, ApiProblem) and error.code in REFUSALS:
        return QCoreApplication.translate("IssueResult", str(REFUSALS[error.code]))
    return refusal_words(error)


@dataclass(frozen=True)
class Decided:
    """What a result is issued for: an item of a closed session, or a closed ballot."""

    id: str
    title: str


class IssueResultDialog(QDialog):
    issued = Signal(str)  # the sentence saying what was queued, and for whom

    def __init__(
        self,
        account: Account,
        tasks: TaskManager,
        choices: list[Decided],
        meeting_id: str | None = None,
        parent: QWidget | None = None,
        body: DocumentWords = GOVERNMENT,
    ) -> None:
        """An item's conclusion notice when ``meeting_id`` is given (``choices`` its items),
        else the summary of the ballot ``choices[0]``; ``body``: the words of the member's
        body (its Office's notation, its signer's position)."""
        super().__init__(parent)
        self.account, self.tasks, self.meeting_id = account, tasks, meeting_id
        self.body = body
        self.setWindowTitle(self.tr("Gửi kết quả qua trục liên thông"))
        self.choice = QComboBox()
        for decided in choices:
            self.choice.addItem(decided.title, decided.id)
        self.choice.currentIndexChanged.connect(lambda _i: self._prefill())
        self.number = QLineEdit()
        self.number.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{1,10}")))
        self.number.setPlaceholderText("123")
        self.notation = QLineEdit(body.result_notation(self.for_item))
        self.notation.setMaxLength(50)
        self.recipient = OrganChoice()
        self.signer_position = QLineEdit()
        self.signer_position.setMaxLength(200)
        # As the document will read it, in Vietnamese whatever the window's language: the
        # head of the member's own body's office, not always the Government Office's.
        self.signer_position.setPlaceholderText(body.signer)
        self.signer_name = QLineEdit()
        self.signer_name.setMaxLength(200)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        what = self.tr("Nội dung") if self.for_item else self.tr("Phiếu lấy ý kiến")
        form.addRow(what, self.choice)
        form.addRow(self.tr("Số"), self.number)
        form.addRow(self.tr("Ký hiệu"), self.notation)
        form.addRow(self.tr("Cơ quan nhận"), self.recipient)
        form.addRow(self.tr("Chức vụ người ký"), self.signer_position)
        form.addRow(self.tr("Họ tên người ký"), self.signer_name)
        buttons = QDialogButtonBox()
        self.issue_button = QPushButton(self.tr("Ký số và gửi"))
        self.issue_button.clicked.connect(self.issue)
        buttons.addButton(self.issue_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        kind = (
            self.tr("Thông báo kết luận của nội dung đã quyết định, ký số và gửi tới bộ trình.")
            if self.for_item
            else self.tr("Tổng hợp ý kiến của phiếu đã kết thúc, ký số và gửi tới bộ trình.")
        )
        intro = QLabel(kind)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self._prefill()

    @property
    def for_item(self) -> bool:
        return self.meeting_id is not None

    def chosen_id(self) -> str:
        return str(self.choice.currentData() or "")

    def _prefill(self) -> None:
        """The recipient the server would choose, shown so the Office can check or change it."""
        account, chosen = self.account.member, self.chosen_id()
        if not chosen:
            return
        where = {"item_id": chosen} if self.for_item else {"ballot_id": chosen}

        def show(code: str) -> None:
            if chosen == self.chosen_id():  # not another item chosen meanwhile
                self.recipient.setText(organ_name(code) or "")

        self.tasks.run_network(lambda: inbox.presenting_organ(account, **where), show, self._failed)

    def issue(self) -> None:
        number, notation = self.number.text().strip(), self.notation.text().strip()
        if not number or not notation:
            example = self.body.result_notation(self.for_item)
            self._say(
                self.tr("Hãy nhập số và ký hiệu của văn bản (ví dụ 123 và {notation}).").format(
                    notation=example
                )
            )
            return
        written = self.recipient.text()
        organ = self.recipient.organ()
        if written and organ is None:
            self._say(
                self.tr(
                    "“{name}” không có trong danh sách cơ quan liên thông: hãy chọn cơ quan nhận "
                    "trong danh sách."
                ).format(name=written)
            )
            return
        account, chosen, meeting_id = self.account.member, self.chosen_id(), self.meeting_id
        to = organ.code if organ else None
        position, name = self.signer_position.text().strip(), self.signer_name.text().strip()
        issuing = acts.Issuing(number, notation, position, name, to)

        def run() -> OutboundStatusPublic:
            return acts.issue_decided(account, chosen, issuing, meeting_id)

        self.issue_button.setEnabled(False)
        self._say(self.tr("Đang ký số và gửi…"))
        self.tasks.run_network(run, self._issued, self._failed)

    def _issued(self, queued: OutboundStatusPublic) -> None:
        self.issue_button.setEnabled(True)
        said = self.tr(
            "Đã ký số và đưa vào hàng đợi gửi tới {organ}: {description}. Tình trạng gửi xem "
            "tại “Văn bản đến”, mục văn bản đi."
        ).format(
            organ=organ_name(queued.to_organ_id) or queued.to_organ_id,
            description=queued.description,
        )
        self._say(said)
        self.issued.emit(said)

    def _failed(self, error: BaseException) -> None:
        self.issue_button.setEnabled(True)
        self._say(self.tr("Không thực hiện được: {reason}").format(reason=refused_words(error)))

    def _say(self, text: str) -> None:
        self.note.setText(text)

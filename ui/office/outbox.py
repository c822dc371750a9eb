"""The Government Office's view of what leaves through the document exchange: each outbound
package (a status for a sender, a result for a presenting ministry) with its delivery state,
tries and last error, the latest first. Filled from rows already read on the network lane
(ui/office/inbox.py reloads both lists together). GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from ecabinet.domain.organs import organ_name
from ecabinet.wire.interconnect import OutboundStatusPublic
from ui.formatting import local_date, short_date
from ui.style import tokens
from ui.widgets.chips import TONE, ChipDelegate
from ui.widgets.columns import TitlesShareTheRoom

STATES = {
    "waiting": QT_TRANSLATE_NOOP("OfficeOutbox", "Chờ gửi"),
    "sent": QT_TRANSLATE_NOOP("OfficeOutbox", "Đã gửi"),
    "failed": QT_TRANSLATE_NOOP("OfficeOutbox", "Không gửi được"),
}
STATE_TONES = {"waiting": tokens.NEUTRAL, "sent": tokens.OK, "failed": tokens.DANGER}
STATE = 2  # the delivery state, drawn as a chip
# The status codes of QCVN 102:2016, as the Office names them.
CODES = {
    "01": QT_TRANSLATE_NOOP("OfficeOutbox", "Đã đến"),
    "02": QT_TRANSLATE_NOOP("OfficeOutbox", "Từ chối tiếp nhận"),
    "03": QT_TRANSLATE_NOOP("OfficeOutbox", "Đã tiếp nhận"),
    "04": QT_TRANSLATE_NOOP("OfficeOutbox", "Phân công"),
    "05": QT_TRANSLATE_NOOP("OfficeOutbox", "Đang xử lý"),
    "06": QT_TRANSLATE_NOOP("OfficeOutbox", "Hoàn thành"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("OfficeOutbox", text)


class OutboxList(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setHeaderLabels(
            [
                self.tr("Văn bản gửi đi"),
                self.tr("Gửi đến"),
                self.tr("Tình trạng gửi"),
                self.tr("Lúc"),
            ]
        )
        self.setAccessibleName(self.tr("Danh sách văn bản gửi đi qua trục liên thông"))
        self.setItemDelegate(ChipDelegate(self))
        TitlesShareTheRoom(self)

    def show_packages(self, rows: list[OutboundStatusPublic]) -> None:
        self.clear()
        for row in rows:
            if row.kind == "result":
                what = row.description
            else:
                code = _tr(str(CODES.get(row.status_code, row.status_code)))
                text = row.description.rstrip(". ")
                if text.casefold() in ("", code.casefold()):  # the status says it all
                    what = self.tr("Trạng thái {code} — {state}").format(
                        code=row.status_code, state=code
                    )
                else:
                    what = self.tr("Trạng thái {code} — {state}: {text}").format(
                        code=row.status_code, state=code, text=text
                    )
            state = _tr(str(STATES.get(row.state, row.state)))
            if row.state != "sent" and row.attempts:
                state = self.tr("{state} (đã thử {count} lần)").format(
                    state=state, count=row.attempts
                )
            at = (row.sent_at if row.state == "sent" else row.next_try_at) or row.created_at
            node = QTreeWidgetItem(
                self,
                [what, organ_name(row.to_organ_id) or row.to_organ_id, state, short_date(at)],
            )
            node.setToolTip(0, what)
            node.setToolTip(3, local_date(at))
            if row.last_error:
                node.setToolTip(2, self.tr("Lỗi gần nhất: {error}").format(error=row.last_error))
            node.setData(STATE, TONE, STATE_TONES.get(row.state, tokens.NEUTRAL))

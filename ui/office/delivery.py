"""Who has received and opened what: one row per invited person, one column per document.

"Received" is the last time one of the person's laptops pulled the server's changes after the
meeting was published (the laptop then downloads the papers by itself); "opened" is the first
time the person opened the document, with its version. Read on the network lane. GUI thread.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from ecabinet.client.meetings import Delivery, Workspace
from ui.formatting import local_date
from ui.theme import colors


class DeliveryView(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)

    def show_delivery(self, space: Workspace, delivery: Delivery) -> None:
        self.clear()
        meeting = space.meeting
        if meeting is None:
            return
        documents = [d for entry in space.agenda for d in entry.documents]
        self.setHeaderLabels(
            [self.tr("Người được mời"), self.tr("Đã nhận")]
            + [f"{d.document.title} (v{d.version})" for d in documents]
        )
        names = {u.id: u.full_name for u in space.users}
        published = meeting.published_at
        palette = colors()
        for invitation in meeting.invitations:
            seen = delivery.synced_at.get(invitation.user_id)
            received = seen is not None and published is not None and seen >= published
            cells = [
                names.get(invitation.user_id, invitation.user_id),
                local_date(seen) if received and seen else self.tr("Chưa"),
            ]
            for doc in documents:
                opened = delivery.opened.get((doc.document.id, invitation.user_id))
                if opened is None:
                    cells.append(self.tr("Chưa mở"))
                else:
                    number, at = opened
                    old = self.tr(" (bản cũ)") if number < doc.version else ""
                    cells.append(f"{local_date(at)}{old}")
            row = QTreeWidgetItem(self, cells)
            if not received:
                row.setForeground(1, QBrush(palette.warning))
        for column in range(self.columnCount()):
            self.resizeColumnToContents(column)

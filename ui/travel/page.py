""" "Sẵn sàng đi công tác": one view that says whether every paper of the upcoming meetings
and open ballots is on the laptop, and fetches what is missing.

The check reads the laptop only (ecabinet.client.travel), so it answers on the plane too.
GUI thread; fed with a Readiness read on a worker.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.travel import Readiness
from ui import labels
from ui.formatting import file_size
from ui.style import tokens
from ui.widgets.chips import TONE, ChipDelegate
from ui.widgets.columns import TitlesShareTheRoom
from ui.widgets.labels import heading


class TravelPage(QWidget):
    fetch_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading(self.tr("Sẵn sàng đi công tác"))
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        verdict_font = QFont(self.verdict.font())
        verdict_font.setPointSizeF(verdict_font.pointSizeF() * 1.15)
        self.verdict.setFont(verdict_font)
        self.fetch = QPushButton(self.tr("Tải về tài liệu còn thiếu"))
        self.fetch.clicked.connect(self.fetch_requested)
        self.papers = QTreeWidget()
        self.papers.setRootIsDecorated(False)
        self.papers.setHeaderLabels(
            [self.tr("Tài liệu"), self.tr("Thuộc"), self.tr("Dung lượng"), self.tr("Tình trạng")]
        )
        self.papers.setItemDelegate(ChipDelegate(self.papers))  # the state as a chip
        TitlesShareTheRoom(self.papers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.verdict)
        layout.addWidget(self.fetch)
        layout.addWidget(self.papers, 1)

    def show_readiness(self, check: Readiness, syncing: bool) -> None:
        if not check.papers:
            self.verdict.setText(
                self.tr("Không có phiên họp sắp tới hay phiếu lấy ý kiến đang mở.")
            )
        elif check.ready:
            self.verdict.setText(
                self.tr(
                    "✔ Sẵn sàng: cả {count} tài liệu của các phiên họp sắp tới và phiếu lấy "
                    "ý kiến đang mở đã có trên máy, đọc được khi không có mạng."
                ).format(count=len(check.papers))
            )
        else:
            self.verdict.setText(
                self.tr("✘ Chưa sẵn sàng: còn thiếu {missing}/{count} tài liệu ({size}).").format(
                    missing=len(check.missing),
                    count=len(check.papers),
                    size=file_size(check.missing_bytes),
                )
            )
        self.verdict.setProperty("ready", check.ready)
        # A banner in the state's tone: green when ready, amber while papers are missing.
        tone = tokens.OK if check.ready else tokens.WARNING if check.papers else tokens.NEUTRAL
        self.verdict.setProperty("tone", tone)
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.fetch.setVisible(not check.ready)
        self.fetch.setEnabled(not syncing)
        self.fetch.setText(
            self.tr("Đang tải…") if syncing else self.tr("Tải về tài liệu còn thiếu")
        )
        self.papers.clear()
        for paper in sorted(check.papers, key=lambda p: p.present):
            node = QTreeWidgetItem(
                self.papers,
                [
                    paper.title,
                    paper.context,
                    file_size(paper.size),
                    labels.document_state(paper.entry),
                ],
            )
            node.setData(3, TONE, tokens.OK if paper.present else tokens.DANGER)

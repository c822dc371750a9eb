"""The main window: what is on this laptop (meetings, agendas, documents, ballots) and sync.

A first, plain window over the client core; the member's full screens replace its centre.
GUI thread only: every sync and every read of the store runs through the TaskManager.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ecabinet.client.account import Account
from ecabinet.client.api import ApiProblem
from ecabinet.client.engine import SyncResult
from ecabinet.wire.objects import (
    AgendaItemData,
    BallotData,
    DocumentData,
    DocumentVersionData,
    MeetingData,
)
from ui.tasks import TaskManager

SYNC_EVERY_MS = 5 * 60 * 1000
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def vietnamese_date(moment: datetime) -> str:
    """'Thứ Hai, 15/12/2025, 08:30' in the laptop's time zone."""
    local = moment.astimezone()
    return f"{WEEKDAYS[local.weekday()]}, {local:%d/%m/%Y, %H:%M}"


@dataclass(frozen=True)
class Snapshot:
    """What the window shows, read off the GUI thread in one go."""

    meetings: list[tuple[MeetingData, list[tuple[AgendaItemData, list[tuple[str, bool]]]]]]
    ballots: list[BallotData]
    pending: int
    rejected: int
    online: bool
    last_sync: str


def read_snapshot(account: Account) -> Snapshot:
    store = account.store
    meetings = []
    for meeting in store.list("meeting"):
        assert isinstance(meeting, MeetingData)
        items = []
        for item in store.list("agenda_item", meeting.id):
            assert isinstance(item, AgendaItemData)
            docs = []
            for doc in store.list("document", item.id):
                assert isinstance(doc, DocumentData)
                version = store.get("document_version", doc.current_version_id or "")
                present = (
                    isinstance(version, DocumentVersionData)
                    and account.profile.blob_path(version.sha256).exists()
                )
                docs.append((doc.title, present))
            items.append((item, docs))
        meetings.append((meeting, items))
    ballots = [b for b in store.list("ballot") if isinstance(b, BallotData)]
    return Snapshot(
        meetings,
        ballots,
        store.count_outbox("pending"),
        store.count_outbox("rejected"),
        store.get_state("online") == "1",
        store.get_state("last_success_at"),
    )


class MainWindow(QMainWindow):
    sync_finished = Signal(object)
    refreshed = Signal()
    session_expired = Signal()
    # Emitted from the sync worker; Qt queues it to the GUI thread.
    _download_progressed = Signal(int)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self.syncing = False
        self.setWindowTitle("e-Cabinet")
        self.resize(1000, 700)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Nội dung", "Chi tiết"])
        self.tree.setColumnWidth(0, 620)
        self.setCentralWidget(self.tree)
        self.status_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self._download_progressed.connect(self.progress.setValue)
        sync_action = QAction("Đồng bộ", self)
        sync_action.setShortcut(QKeySequence.StandardKey.Refresh)
        sync_action.triggered.connect(self.start_sync)
        self.addToolBar("Đồng bộ").addAction(sync_action)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.start_sync)
        self.timer.start(SYNC_EVERY_MS)
        self.refresh()

    def show_message(self, text: str) -> None:
        self.status_label.setText(text)

    def start_sync(self) -> None:
        if self.syncing or not self.account.signed_in:
            return
        self.syncing = True
        self.progress.setValue(0)
        self.progress.show()
        self.show_message("Đang đồng bộ…")
        service = self.account.sync_service()
        self.tasks.run_network(
            lambda: service.sync(progress=self._progress_from_worker),
            self._on_sync_finished,
            self._on_sync_failed,
        )

    def _progress_from_worker(self, done: int, total: int) -> None:
        self._download_progressed.emit(int(100 * done / total) if total else 100)

    def _on_sync_finished(self, result: SyncResult) -> None:
        self.syncing = False
        self.progress.hide()
        if result.wiped:
            self.account.forget_device()
        self.sync_finished.emit(result)
        self.refresh()

    def _on_sync_failed(self, error: BaseException) -> None:
        self.syncing = False
        self.progress.hide()
        if isinstance(error, ApiProblem) and error.status == 401:
            self.account.sign_out()
            self.show_message("Phiên đăng nhập đã hết hạn.")
            self.session_expired.emit()
            return
        self.show_message(f"Không đồng bộ được: {error}")

    def refresh(self) -> None:
        self.tasks.run_local(lambda: read_snapshot(self.account), self._show)

    def _show(self, snap: Snapshot) -> None:
        self.tree.clear()
        meetings_root = QTreeWidgetItem(self.tree, ["Phiên họp", ""])
        for meeting, items in snap.meetings:
            node = QTreeWidgetItem(
                meetings_root, [meeting.title, vietnamese_date(meeting.starts_at)]
            )
            for item, docs in items:
                item_node = QTreeWidgetItem(
                    node, [f"{item.position}. {item.title}", item.presenter]
                )
                if item.paper_only:
                    QTreeWidgetItem(item_node, ["Tài liệu mật — chỉ phát bản giấy", ""])
                for title, present in docs:
                    QTreeWidgetItem(item_node, [title, "Có trên máy" if present else "Chưa tải về"])
        ballots_root = QTreeWidgetItem(self.tree, ["Phiếu lấy ý kiến", ""])
        now = datetime.now(UTC)
        for ballot in snap.ballots:
            left = ballot.deadline - now
            when = f"Hạn trả lời: {vietnamese_date(ballot.deadline)}"
            if ballot.status == "closed":
                when = "Đã đóng"
            elif left.total_seconds() < 0:
                when = "Quá hạn"
            QTreeWidgetItem(ballots_root, [ballot.title, when])
        self.tree.expandToDepth(1)
        state = "Trực tuyến" if snap.online else "Ngoại tuyến"
        last = (
            vietnamese_date(datetime.fromisoformat(snap.last_sync))
            if snap.last_sync
            else "chưa đồng bộ"
        )
        rejected = f" · {snap.rejected} bị từ chối" if snap.rejected else ""
        self.show_message(f"{state} · Đồng bộ lần cuối: {last} · Chờ gửi: {snap.pending}{rejected}")
        self.refreshed.emit()

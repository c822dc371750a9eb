"""What the window tells the member: the banner above the screen that says what has just
arrived, and the status bar's account of each sync. GUI thread.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ecabinet.client.engine import SyncResult
from ui.screens import Screen
from ui.view import View

if TYPE_CHECKING:
    from ecabinet.client.notes import CarryReport  # the notes' module is loaded after a sync
    from ui.main_window import MainWindow

REFRESH_WHILE_DOWNLOADING_S = 1.0

# The strings keep the window's context in the translations (resources/translations).
translate = QCoreApplication.translate


class NoticeBanner(QWidget):
    """A quiet line above the screen, with a button that hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice-banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = QLabel()
        self.label.setObjectName("notice")
        self.label.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(translate("MainWindow", "Ẩn thông báo"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.hide()

    def show_notice(self, text: str) -> None:
        self.label.setText(text)
        self.show()


def what_is_new(before: View, after: View) -> str:
    """The notice for papers and ballots that arrived between two reads; "" when none did."""
    documents = len(after.unread_versions - before.unread_versions)
    ballots = len(after.awaiting_ids - before.awaiting_ids)
    parts = []
    if documents:
        parts.append(
            translate("MainWindow", "{count} tài liệu mới hoặc được thay thế").format(
                count=documents
            )
        )
    if ballots:
        parts.append(
            translate("MainWindow", "{count} phiếu lấy ý kiến chờ trả lời").format(count=ballots)
        )
    if not parts:
        return ""
    return translate("MainWindow", "Có nội dung mới: {what}.").format(what=", ".join(parts))


class SyncReports(QObject):
    """The sync controller's news, told in the status bar and the banner; the screen in front
    is read again as papers arrive and once the sync is over."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._last_progress_refresh = 0.0
        sync, status = window.sync, window.status
        sync.started.connect(lambda: status.show_message(translate("MainWindow", "Đang đồng bộ…")))
        sync.progressed.connect(self._progressed)
        sync.finished.connect(self._synced)
        sync.failed.connect(
            lambda text: status.show_message(
                translate("MainWindow", "Không đồng bộ được: {error}").format(error=text)
            )
        )
        sync.session_expired.connect(self._expired)
        sync.wiped.connect(
            lambda: window.show_notice(
                translate(
                    "MainWindow", "Thiết bị này đã bị thu hồi: tài liệu trên máy đã được xoá."
                )
            )
        )
        sync.indexed.connect(self._indexed)
        sync.notes_carried.connect(self._notes_carried)

    def _progressed(self, done: int, total: int) -> None:
        self.window.status.show_downloads((done, total))
        now = datetime.now(UTC).timestamp()
        if now - self._last_progress_refresh >= REFRESH_WHILE_DOWNLOADING_S:
            self._last_progress_refresh = now
            self.window.refresh()

    def _synced(self, result: SyncResult) -> None:
        window, status = self.window, self.window.status
        status.show_downloads(None)
        if not result.online:
            status.show_message(
                translate("MainWindow", "Không có kết nối; đang làm việc với dữ liệu trên máy.")
            )
        elif result.failed_downloads:
            status.show_message(
                translate("MainWindow", "{count} tài liệu chưa tải được; sẽ thử lại.").format(
                    count=result.failed_downloads
                )
            )
        else:
            status.show_message("")
        window.refresh()
        window.screens.entry(window.page).synced(window.object_id)

    def _indexed(self, count: int) -> None:
        if count and self.window.page == Screen.SEARCH:
            self.window.search_page.run_search()  # new papers may hold what the member looks for

    def _notes_carried(self, report: CarryReport) -> None:
        text = translate("MainWindow", "Ghi chú đã chuyển sang bản mới: {placed}.").format(
            placed=len(report.placed)
        )
        if report.unplaced:
            text += " " + translate(
                "MainWindow", "{count} ghi chú không tìm thấy chỗ trong bản mới; vẫn giữ ở bản cũ."
            ).format(count=len(report.unplaced))
        self.window.show_notice(text)

    def _expired(self) -> None:
        self.window.status.show_message(translate("MainWindow", "Phiên đăng nhập đã hết hạn."))
        self.window.session_expired.emit()

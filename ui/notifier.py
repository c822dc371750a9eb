"""What the desktop's notifications say, decided from data: a written ballot due within a
day, a document replaced by a new version. The tray (ui/window/tray.py) only shows them; the
live session tells of a vote opened itself (ui/live/session.py). Behind the idle lock a
notification names no paper: the papers are out of sight, so are their titles.

Pure (Qt's translation only): any thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from ecabinet.client.library import BallotEntry
from ecabinet.official_time import official_text
from ui.formatting import time_left

# The strings keep the notifications' context in the translations (resources/translations).
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Notification:
    title: str
    message: str


def ballots_due_notice(
    due: Sequence[BallotEntry], locked: bool, now: datetime | None = None
) -> Notification | None:
    """One notification for the ballots that ``remind_due`` chose; None when there are none."""
    if not due:
        return None
    moment = now or datetime.now(UTC)
    title = translate("Notifier", "Phiếu lấy ý kiến sắp hết hạn")
    if locked:
        message = translate("Notifier", "{count} phiếu lấy ý kiến chờ trả lời sắp hết hạn.").format(
            count=len(due)
        )
    elif len(due) == 1:
        ballot = due[0].ballot
        message = translate("Notifier", "“{title}”: hạn trả lời {deadline}, {left}.").format(
            title=ballot.title,
            deadline=official_text(ballot.deadline),
            left=time_left(ballot.deadline, moment),
        )
    else:
        message = translate(
            "Notifier", "{count} phiếu lấy ý kiến chờ trả lời sắp hết hạn: {titles}."
        ).format(count=len(due), titles="; ".join(f"“{e.ballot.title}”" for e in due))
    return Notification(title, message)


def replaced_notice(
    before: dict[str, str], after: dict[str, str], locked: bool
) -> Notification | None:
    """For the documents replaced since the last read: ``before`` and ``after`` map each
    replaced, unread version to its document's title."""
    new = [title for version, title in after.items() if version not in before]
    if not new:
        return None
    title = translate("Notifier", "Tài liệu được thay thế")
    if locked or len(new) > 3:
        message = translate("Notifier", "{count} tài liệu đã có bản mới.").format(count=len(new))
    else:
        message = translate("Notifier", "Đã có bản mới: {titles}.").format(
            titles="; ".join(f"“{t}”" for t in new)
        )
    return Notification(title, message)

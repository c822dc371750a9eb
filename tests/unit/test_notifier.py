"""What the notifications say, and which ballots are due a reminder: decided from data alone
(ui/notifier.py, ecabinet/client/reminders.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from ecabinet.client.library import BallotEntry
from ecabinet.client.reminders import ballots_due
from ecabinet.domain import BallotStatus
from ecabinet.wire.objects import BallotData
from ui.notifier import ballots_due_notice, replaced_notice

NOW = datetime(2025, 12, 15, 1, 30, tzinfo=UTC)  # 08:30 in Hà Nội


def entry(
    title: str,
    left: timedelta,
    *,
    replied: bool = False,
    may_reply: bool = True,
    status: BallotStatus = BallotStatus.OPEN,
) -> BallotEntry:
    ballot = BallotData(
        id=str(uuid.uuid4()), title=title, question="?", status=status, deadline=NOW + left
    )
    return BallotEntry(ballot, replied=replied, may_reply=may_reply)


def test_only_unanswered_open_ballots_due_within_a_day_soonest_first() -> None:
    later = entry("Phiếu B", timedelta(hours=20))
    sooner = entry("Phiếu A", timedelta(hours=3))
    reminded = entry("Phiếu C", timedelta(hours=5))
    others = [
        entry("quá hạn", -timedelta(minutes=1)),
        entry("còn hai ngày", timedelta(hours=25)),
        entry("đã trả lời", timedelta(hours=2), replied=True),
        entry("không phải của tôi", timedelta(hours=2), may_reply=False),
        entry("đã đóng", timedelta(hours=2), status=BallotStatus.CLOSED),
    ]
    due = ballots_due([later, *others, sooner, reminded], NOW, {reminded.ballot.id})
    assert due == [sooner, later]


def test_a_ballot_due_names_its_title_deadline_and_time_left() -> None:
    one = entry("Phiếu về Nghị định 15", timedelta(hours=2, minutes=30))
    note = ballots_due_notice([one], locked=False, now=NOW)
    assert note is not None
    assert note.title == "Phiếu lấy ý kiến sắp hết hạn"
    assert note.message == (
        "“Phiếu về Nghị định 15”: hạn trả lời 15/12/2025 11:00 (giờ Hà Nội), còn 2 giờ 30 phút."
    )
    two = ballots_due_notice([one, entry("Phiếu 2", timedelta(hours=4))], locked=False, now=NOW)
    assert two is not None and "2 phiếu" in two.message and "“Phiếu 2”" in two.message
    assert ballots_due_notice([], locked=False, now=NOW) is None


def test_behind_the_lock_no_title_is_named() -> None:
    note = ballots_due_notice([entry("Phiếu mật", timedelta(hours=2))], locked=True, now=NOW)
    assert note is not None and "Phiếu mật" not in note.message
    replaced = replaced_notice({}, {"v2": "Tờ trình mật"}, locked=True)
    assert replaced is not None and "Tờ trình mật" not in replaced.message


def test_only_newly_replaced_documents_are_told() -> None:
    before = {"v2": "Tờ trình"}
    assert replaced_notice(before, before, locked=False) is None
    note = replaced_notice(before, {"v2": "Tờ trình", "v7": "Dự thảo Nghị định"}, locked=False)
    assert note is not None
    assert note.title == "Tài liệu được thay thế"
    assert note.message == "Đã có bản mới: “Dự thảo Nghị định”."
    many = replaced_notice({}, {f"v{n}": f"Tài liệu {n}" for n in range(5)}, locked=False)
    assert many is not None and many.message == "5 tài liệu đã có bản mới."

"""What the hall sees of a session at one moment: the item under discussion, the current
speaker and since when, the vote's count and its result, in one immutable value.

The console builds it from what it already holds (its polled count, its speakers queue, the
published result in the store) and hands it to the hall display's ``show_state``; the live
stream will hand the same value from its events, so the display has a single way in. The
result sentence under the rules lives here, for the console and the display alike.
Plain data and words: built and read on the GUI thread; ``read_hall_facts`` on the local lane.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ecabinet.client.signed_in import Member
from ecabinet.domain import is_passed
from ecabinet.wire.objects import ResultData
from ecabinet.wire.session import VoteCount
from ui.decisions.chart import majority_line


@dataclass(frozen=True)
class HallState:
    meeting_title: str = ""
    item_position: int = 0
    item_title: str = ""
    presenter: str = ""
    speaker: str = ""
    speaker_since: datetime | None = None  # UTC; the display counts the time from it
    speaker_minutes: int = 0  # the time allowed each speaker; 0 when none is set
    count: VoteCount | None = None
    result: ResultData | None = None  # the published result, once the vote is closed

    def result_words(self) -> str:
        return result_sentence(self.count, self.result)


@dataclass(frozen=True)
class HallFacts:
    """What the store adds to the count: the item's published result and who speaks now."""

    result: ResultData | None = None
    speaker: str = ""
    speaker_since: datetime | None = None


def read_hall_facts(account: Member, item_id: str) -> HallFacts:
    """Local lane: the published result of the item's vote and its speaker, if the server
    has said that someone is speaking (a request with ``started_at`` and no ``ended_at``)."""
    store = account.store
    results = [r for r in store.results() if r.subject == "vote" and r.agenda_item_id == item_id]
    speaking = [
        r
        for r in store.speaker_requests(item_id)
        if not r.withdrawn and r.started_at is not None and r.ended_at is None
    ]
    speaker, since = "", None
    if speaking:
        current = max(speaking, key=lambda r: r.started_at or r.requested_at)
        user = store.user(current.user_id)
        speaker = user.full_name if user is not None else ""
        since = current.started_at
    latest = max(results, key=lambda r: r.published_at) if results else None
    return HallFacts(latest, speaker, since)


# Marked for Qt's translation files here (lupdate reads QT_TRANSLATE_NOOP), said by _say.
SENTENCES = {
    "none": QT_TRANSLATE_NOOP("VoteResult", "Chưa mở biểu quyết."),
    "open": QT_TRANSLATE_NOOP(
        "VoteResult",
        "Đang biểu quyết: {agree} tán thành; cần ít nhất {needed} trên tổng số {total} thành viên.",
    ),
    "tie_passed": QT_TRANSLATE_NOOP(
        "VoteResult",
        "Được thông qua: số phiếu ngang nhau ({agree}–{disagree}), người chủ trì tán thành.",
    ),
    "tie_failed": QT_TRANSLATE_NOOP(
        "VoteResult",
        "Không được thông qua: số phiếu ngang nhau ({agree}–{disagree}) và người chủ trì không "
        "tán thành.",
    ),
    "tie_waiting": QT_TRANSLATE_NOOP(
        "VoteResult",
        "Số phiếu ngang nhau ({agree}–{disagree}): quyết định theo phía người chủ trì đã biểu "
        "quyết; đang chờ kết quả công bố.",
    ),
    "passed": QT_TRANSLATE_NOOP(
        "VoteResult", "Được thông qua: {agree}/{total} thành viên tán thành (quá nửa)."
    ),
    "failed": QT_TRANSLATE_NOOP(
        "VoteResult", "Không được thông qua: {agree}/{total} thành viên tán thành; cần {needed}."
    ),
}


def _say(key: str, **values: int) -> str:
    return QCoreApplication.translate("VoteResult", str(SENTENCES[key])).format(**values)


def result_sentence(count: VoteCount | None, result: ResultData | None) -> str:
    """The state of the vote in one sentence, under rules 2 and 3 (ecabinet.domain.is_passed):
    more than half of ALL members must agree; a tie follows the side the chair voted for."""
    if count is None:
        return ""
    total = count.quorum.total_members
    if count.vote_status == "none":
        return _say("none")
    if count.vote_status == "open":
        return _say("open", agree=count.agree, needed=majority_line(total), total=total)
    if result is not None:
        # The published result counted the chair's own choice, which the live count, having
        # no names, cannot know: it settles a tie.
        agree, disagree, total = result.agree, result.disagree, result.total_members
        passed = result.passed
        if agree == disagree and agree > 0 and 2 * agree <= total:
            return _say("tie_passed" if passed else "tie_failed", agree=agree, disagree=disagree)
    else:
        agree, disagree = count.agree, count.disagree
        passed = is_passed(agree, disagree, total, None)
        if agree == disagree and agree > 0 and not passed:
            return _say("tie_waiting", agree=agree, disagree=disagree)
    if passed:
        return _say("passed", agree=agree, total=total)
    return _say("failed", agree=agree, total=total, needed=majority_line(total))

"""A meeting saved as .ics ("Thêm vào lịch"): read back with icalendar, the session is at the
right moment whatever the zone of the laptop that wrote it, and a file made again later
updates the same calendar entry.

The file is written in a child process started with TZ=Europe/Paris (as in
test_official_time.py), so the code under test reads the zone as on a member's laptop there.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from ecabinet.client.calendar_file import meeting_ics, meeting_uid
from ecabinet.client.library import ItemEntry, MeetingEntry
from ecabinet.domain import MeetingKind, MeetingStatus
from ecabinet.wire.objects import AgendaItemData, MeetingData

ROOT = Path(__file__).resolve().parents[2]
MEETING_ID = str(uuid.UUID(int=7))
SESSION = datetime(2025, 12, 15, 1, 30, tzinfo=UTC)  # 08:30 in Hà Nội

CHILD = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    sys.path.insert(0, sys.argv[2])
    from tests.unit.test_calendar_file import entry
    from ecabinet.client.calendar_file import meeting_ics
    from ecabinet.client.exports import save_paper
    save_paper(Path(sys.argv[1]), meeting_ics(entry(), datetime.now(UTC)))
    """
)


def entry(
    ends_at: datetime | None = None, place: str = "Phòng họp số 1, Văn phòng Chính phủ"
) -> MeetingEntry:
    meeting = MeetingData(
        id=MEETING_ID,
        kind=MeetingKind.REGULAR,
        title="Phiên họp Chính phủ thường kỳ tháng 12",
        starts_at=SESSION,
        ends_at=ends_at,
        place=place,
        status=MeetingStatus.PUBLISHED,
    )
    items = tuple(
        ItemEntry(
            AgendaItemData(
                id=str(uuid.UUID(int=100 + n)),
                meeting_id=MEETING_ID,
                position=n,
                title=title,
                presenter="Bộ Tài chính" if n == 1 else "",
                minutes_allotted=minutes,
            ),
            (),
        )
        for n, (title, minutes) in enumerate(
            [("Dự thảo Nghị định về thuế; phí, lệ phí", 90), ("Tình hình kinh tế - xã hội", 60)],
            start=1,
        )
    )
    return MeetingEntry(meeting, items)


def the_event(data: bytes) -> Event:
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert isinstance(event, Event)
    return event


def utc(value: date) -> datetime:
    assert isinstance(value, datetime)  # a time of day, not a whole-day event
    return value.astimezone(UTC)


def test_a_laptop_in_paris_writes_the_session_at_its_moment(tmp_path: Path) -> None:
    target = tmp_path / "phien-hop.ics"
    env = {**os.environ, "TZ": "Europe/Paris", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(target), str(ROOT)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # the saved-papers writer's mode
    data = target.read_bytes()
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:20251215T083000" in data
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:Asia/Ho_Chi_Minh" in data
    event = the_event(data)
    assert utc(event.start) == SESSION
    # No end on the server: the items' 150 minutes.
    assert utc(event.end) == SESSION + timedelta(minutes=150)
    assert str(event["summary"]) == "Phiên họp Chính phủ thường kỳ tháng 12"
    assert str(event["location"]) == "Phòng họp số 1, Văn phòng Chính phủ"
    assert str(event["description"]) == (
        "1. Dự thảo Nghị định về thuế; phí, lệ phí (Bộ Tài chính)\n2. Tình hình kinh tế - xã hội"
    )
    assert str(event["uid"]) == meeting_uid(MEETING_ID)


def test_a_file_made_again_updates_the_same_entry() -> None:
    first = the_event(meeting_ics(entry(), datetime(2025, 12, 1, tzinfo=UTC)))
    moved_at = datetime(2025, 12, 2, tzinfo=UTC)
    later = the_event(meeting_ics(entry(place="Hội trường Diên Hồng"), moved_at))
    assert str(first["uid"]) == str(later["uid"])  # the calendar updates, never doubles
    assert later.sequence > first.sequence
    assert later["last-modified"].dt == moved_at
    assert str(later["location"]) == "Hội trường Diên Hồng"


@pytest.mark.parametrize("place", ["", "Phòng họp"])
def test_the_end_the_server_gives_is_kept(place: str) -> None:
    event = the_event(meeting_ics(entry(SESSION + timedelta(hours=3), place=place)))
    assert utc(event.end) == SESSION + timedelta(hours=3)
    assert ("location" in event) == bool(place)

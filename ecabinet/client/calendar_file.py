"""A meeting as an iCalendar (.ics) file, for the member's own calendar ("Thêm vào lịch").

Times are written in Hà Nội time with the zone named (TZID Asia/Ho_Chi_Minh, its VTIMEZONE
included), so a calendar on a laptop in Paris shows the session at the right hour there. The
UID is the meeting's own, so importing the file again after the time or the place changed
updates the entry instead of adding a second one; SEQUENCE grows with each file made, which
calendars take as "this is the newer one". Pure: worker threads or the command line.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from ecabinet import __version__
from ecabinet.client.library import MeetingEntry
from ecabinet.official_time import OFFICIAL_ZONE

UID_DOMAIN = "ecabinet.chinhphu.vn"
# Without an end on the server, the session is taken to last its items' time, or this.
DEFAULT_LENGTH = timedelta(hours=4)
# SEQUENCE counts seconds from here: each file made later says it is newer, and the number
# stays within the 32-bit integer that some calendars keep.
SEQUENCE_EPOCH = datetime(2025, 1, 1, tzinfo=UTC)


def meeting_uid(meeting_id: str) -> str:
    return f"meeting-{meeting_id}@{UID_DOMAIN}"


def agenda_text(entry: MeetingEntry) -> str:
    lines = []
    for item_entry in entry.items:
        item = item_entry.item
        line = f"{item.position}. {item.title}"
        if item.presenter:
            line += f" ({item.presenter})"
        lines.append(line)
    return "\n".join(lines)


def meeting_ics(entry: MeetingEntry, made_at: datetime | None = None) -> bytes:
    """The meeting as one VEVENT in a VCALENDAR, UTF-8."""
    meeting = entry.meeting
    now = (made_at or datetime.now(UTC)).astimezone(UTC)
    starts = meeting.starts_at.astimezone(OFFICIAL_ZONE)
    if meeting.ends_at is not None and meeting.ends_at > meeting.starts_at:
        ends = meeting.ends_at.astimezone(OFFICIAL_ZONE)
    else:
        minutes = sum(i.item.minutes_allotted for i in entry.items)
        ends = starts + (timedelta(minutes=minutes) if minutes else DEFAULT_LENGTH)
    calendar = Calendar()
    calendar.add("prodid", f"-//Van phong Chinh phu//e-Cabinet {__version__}//VI")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", meeting_uid(meeting.id))
    event.add("dtstamp", now)
    event.add("last-modified", now)
    event.add("sequence", max(0, int((now - SEQUENCE_EPOCH).total_seconds())))
    event.add("dtstart", starts)
    event.add("dtend", ends)
    event.add("summary", meeting.title)
    if meeting.place:
        event.add("location", meeting.place)
    agenda = agenda_text(entry)
    if agenda:
        event.add("description", agenda)
    calendar.add_component(event)
    calendar.add_missing_timezones()  # the VTIMEZONE of Asia/Ho_Chi_Minh, from tzdata
    data: bytes = calendar.to_ical()
    return data

"""Official time (rule 7): Viet Nam's legal time, Asia/Ho_Chi_Minh, with the zone named.

Meetings, deadlines, minutes, ballots, signed forms and exports state their times in it; a
laptop whose zone differs shows its own time beside it, never instead. The zone comes from
zoneinfo with the ``tzdata`` package, because Windows has no zone database of its own. The
desktop (ui/formatting.py), the command line, the PDFs and the exports all format here.
Pure functions; any thread.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel

OFFICIAL_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
ZONE_NAME = "giờ Hà Nội"  # how a Vietnamese reader names it: "08:30 (giờ Hà Nội)"
LAPTOP_NAME = "giờ máy"  # the laptop's own time, shown beside when it differs
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def official(moment: datetime) -> datetime:
    """The moment in Hà Nội time. A naive datetime is refused: it names no moment at all."""
    if moment.tzinfo is None:
        raise ValueError("an official time must carry a time zone")
    return moment.astimezone(OFFICIAL_ZONE)


def laptop(moment: datetime, zone: Any = None) -> datetime | None:
    """The moment in the laptop's zone (or ``zone``) when its offset differs from Hà Nội's at
    that moment; None when the laptop keeps Hà Nội time and one time says it all."""
    here = moment.astimezone(zone) if zone is not None else moment.astimezone()
    there = official(moment)
    return None if here.utcoffset() == there.utcoffset() else here


def official_clock(moment: datetime) -> str:
    """'08:30 (giờ Hà Nội)'."""
    return f"{official(moment):%H:%M} ({ZONE_NAME})"


def official_text(moment: datetime) -> str:
    """'15/12/2025 08:30 (giờ Hà Nội)': listings, the CLI, signed forms."""
    return f"{official(moment):%d/%m/%Y %H:%M} ({ZONE_NAME})"


def official_long(moment: datetime) -> str:
    """'Thứ Hai, 15/12/2025, 08:30 (giờ Hà Nội)': the date as the Vietnamese interface reads."""
    day = official(moment)
    return f"{WEEKDAYS[day.weekday()]}, {day:%d/%m/%Y, %H:%M} ({ZONE_NAME})"


def laptop_beside(moment: datetime, zone: Any = None) -> str:
    """' · 02:30 giờ máy' (with the laptop's date when it is another day), or '' when the
    laptop keeps Hà Nội time."""
    here = laptop(moment, zone)
    if here is None:
        return ""
    day = "" if here.date() == official(moment).date() else f" {here:%d/%m}"
    return f" · {here:%H:%M}{day} {LAPTOP_NAME}"


def official_iso(moment: datetime) -> str:
    """ISO 8601 with the official offset, for exports: '2025-12-15T08:30:00+07:00'."""
    return official(moment).isoformat()


def _officialised(value: Any) -> Any:
    if isinstance(value, datetime):
        return official_iso(value)
    if isinstance(value, dict):
        return {k: _officialised(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_officialised(v) for v in value]
    return value


def official_data(model: BaseModel) -> Any:
    """A wire model as plain data for JSON, its times in ISO 8601 with +07:00 (rule 7)."""
    return _officialised(model.model_dump(mode="python"))


def official_json(model: BaseModel) -> str:
    """A wire model as JSON for an export, its times in ISO 8601 with +07:00 (rule 7)."""
    return json.dumps(official_data(model), ensure_ascii=False, indent=1)

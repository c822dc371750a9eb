"""Rule 7: official times in Hà Nội time with the zone named, on a laptop in any zone.

The laptop's zone is the process's: each case runs the desktop's formatting, the PDFs' text
and the exports in a child process started with that TZ, so nothing here leaks into the
other tests and the code under test reads the zone exactly as it would on a member's laptop.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ecabinet.official_time import (
    laptop,
    laptop_beside,
    official_iso,
    official_json,
    official_long,
    official_text,
)
from ecabinet.wire.minutes import Minutes

ROOT = Path(__file__).resolve().parents[2]
SESSION = datetime(2025, 12, 15, 1, 30, tzinfo=UTC)  # 08:30 in Hà Nội, a Monday

# Run in the child: the desktop's date, and the words of the minutes, the ballot summary and
# the reply form as pypdf extracts them, and the minutes' CSV and JSON exports.
CHILD = textwrap.dedent(
    """
    import json, sys, uuid
    from datetime import UTC, datetime, timedelta
    from ecabinet.pdf.minutes import minutes_csv, minutes_pdf
    from ecabinet.pdf.reply_form import ReplyFields, ReplyForm, build_reply_form
    from ecabinet.pdf.summary import summary_csv, summary_pdf
    from ecabinet.pdf.text_layout import page_texts
    from ecabinet.official_time import official_json
    from ecabinet.wire.minutes import Minutes
    from ecabinet.wire.summary import BallotSummary
    from ui.formatting import local_date

    at = datetime(2025, 12, 15, 1, 30, tzinfo=UTC)
    vote = {"full_name": "A", "choice": "agree", "received_at": at + timedelta(minutes=15)}
    record = Minutes(meeting_id=str(uuid.uuid4()), title="Phiên họp", kind="regular",
        status="closed", starts_at=at, chair="Thủ tướng", total_members=27, quorum_needed=18,
        items=[{"position": 1, "title": "Nội dung", "status": "closed", "votes": [vote]}])
    summary = BallotSummary(ballot_id=str(uuid.uuid4()), title="Phiếu", question="?",
        status="closed", deadline=at + timedelta(hours=8, minutes=30), total_members=27,
        agree=0, disagree=0, other=0, not_answered=27, late=0, passed=False)
    form = build_reply_form(ReplyForm(ReplyFields("b", "u", "agree", ""), "Phiếu", "?", "A",
        "Bộ trưởng", at, deadline=at + timedelta(hours=8, minutes=30)))
    def text(pdf):
        return " ".join(" ".join(page.text for page in page_texts(pdf)).split())
    json.dump({
        "desktop": local_date(at),
        "minutes": text(minutes_pdf(record)),
        "summary": text(summary_pdf(summary)),
        "form": text(form),
        "csv": minutes_csv(record),
        "summary_csv": summary_csv(summary),
        "json": official_json(record),
    }, sys.stdout)
    """
)


def in_zone(zone: str) -> dict[str, str]:
    env = {**os.environ, "TZ": zone, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    answer: dict[str, str] = json.loads(done.stdout)
    return answer


@pytest.mark.parametrize(
    ("zone", "beside"),
    [
        ("UTC", " · 01:30 giờ máy"),
        ("Europe/Paris", " · 02:30 giờ máy"),
        ("Asia/Ho_Chi_Minh", ""),
    ],
)
def test_a_laptop_in_any_zone_shows_hanoi_time_and_its_own_beside(zone: str, beside: str) -> None:
    seen = in_zone(zone)
    assert seen["desktop"] == "Thứ Hai, 15/12/2025, 08:30 (giờ Hà Nội)" + beside
    # The signed PDFs state official time only, whatever the zone of the laptop that signs.
    assert "Thời gian: 08:30 (giờ Hà Nội) ngày 15/12/2025" in seen["minutes"]
    assert "Hạn trả lời: 15/12/2025 17:00 (giờ Hà Nội)" in seen["summary"]
    assert "Hạn trả lời: 15/12/2025 17:00 (giờ Hà Nội)" in seen["form"]
    assert "Thời điểm ký: 15/12/2025 08:30 (giờ Hà Nội)" in seen["form"]
    for pdf in ("minutes", "summary", "form"):
        assert "01:30" not in seen[pdf] and "02:30" not in seen[pdf]
    # The exports: ISO 8601 with +07:00.
    assert "2025-12-15T08:45:00+07:00" in seen["csv"]
    record = json.loads(seen["json"])
    assert record["starts_at"] == "2025-12-15T08:30:00+07:00"
    assert record["items"][0]["votes"][0]["received_at"] == "2025-12-15T08:45:00+07:00"


def test_the_laptops_date_is_named_when_it_is_another_day() -> None:
    late = datetime(2025, 12, 15, 17, 30, tzinfo=UTC)  # 00:30 on the 16th in Hà Nội
    assert official_long(late) == "Thứ Ba, 16/12/2025, 00:30 (giờ Hà Nội)"
    assert laptop_beside(late, ZoneInfo("Europe/Paris")) == " · 18:30 15/12 giờ máy"


def test_one_time_when_the_laptop_keeps_hanoi_time() -> None:
    assert laptop(SESSION, ZoneInfo("Asia/Bangkok")) is None  # the same offset: UTC+7
    assert laptop_beside(SESSION, ZoneInfo("Asia/Ho_Chi_Minh")) == ""
    assert official_text(SESSION) == "15/12/2025 08:30 (giờ Hà Nội)"
    assert official_iso(SESSION) == "2025-12-15T08:30:00+07:00"


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        official_text(datetime(2025, 12, 15, 8, 30))  # noqa: DTZ001 - naive on purpose


def test_an_export_has_no_utc_time_left() -> None:
    record = Minutes.model_validate(
        {
            "meeting_id": "0e5c0b8e-7a8a-4b8e-9a59-7f3c2c1b0a11",
            "title": "Phiên họp",
            "kind": "regular",
            "status": "closed",
            "starts_at": SESSION,
            "total_members": 27,
            "quorum_needed": 18,
        }
    )
    text = official_json(record)
    assert "+07:00" in text and "+00:00" not in text and 'Z"' not in text

"""Dates, time left and sizes as a Vietnamese reader writes them (English when translated).

Every date is official time (rule 7): Hà Nội's, with the zone named, and the laptop's own time
beside it when its zone differs (ecabinet.official_time). Plain functions over
QCoreApplication.translate, so the words go through Qt's translation files like every other
string of the window. GUI thread or workers.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit

from ecabinet.official_time import laptop, official

WEEKDAYS = (
    QT_TRANSLATE_NOOP("Formatting", "Thứ Hai"),
    QT_TRANSLATE_NOOP("Formatting", "Thứ Ba"),
    QT_TRANSLATE_NOOP("Formatting", "Thứ Tư"),
    QT_TRANSLATE_NOOP("Formatting", "Thứ Năm"),
    QT_TRANSLATE_NOOP("Formatting", "Thứ Sáu"),
    QT_TRANSLATE_NOOP("Formatting", "Thứ Bảy"),
    QT_TRANSLATE_NOOP("Formatting", "Chủ Nhật"),
)
ONE_DAY = timedelta(days=1)


def translate(text: str) -> str:
    return QCoreApplication.translate("Formatting", text)


def local_date(moment: datetime, zone: object = None) -> str:
    """'Thứ Hai, 15/12/2025, 08:30 (giờ Hà Nội)', and on a laptop in another zone its own time
    beside it: '… 08:30 (giờ Hà Nội) · 02:30 giờ máy' (with its date when that differs).

    ``zone`` stands for the laptop's zone in tests; by default the process's own.
    """
    day = official(moment)
    text = QCoreApplication.translate(
        "Formatting", "{weekday}, {date}, {time} (giờ Hà Nội)"
    ).format(
        weekday=translate(str(WEEKDAYS[day.weekday()])),
        date=f"{day:%d/%m/%Y}",
        time=f"{day:%H:%M}",
    )
    here = laptop(moment, zone)
    if here is None:
        return text
    if here.date() == day.date():
        return text + QCoreApplication.translate("Formatting", " · {time} giờ máy").format(
            time=f"{here:%H:%M}"
        )
    return text + QCoreApplication.translate("Formatting", " · {time} ngày {date} giờ máy").format(
        time=f"{here:%H:%M}", date=f"{here:%d/%m}"
    )


def short_date(moment: datetime) -> str:
    """'15/12/2025, 08:30 (giờ Hà Nội)': for narrow places (the sidebar), whose tooltip
    carries local_date() with the laptop's own time."""
    day = official(moment)
    return QCoreApplication.translate("Formatting", "{date}, {time} (giờ Hà Nội)").format(
        date=f"{day:%d/%m/%Y}", time=f"{day:%H:%M}"
    )


def in_official_time(edit: QDateTimeEdit) -> QDateTimeEdit:
    """Make a date-time field read and write Hà Nội time whatever the laptop's zone (rule 7).

    UTC+7 as a fixed offset: Viet Nam keeps no daylight saving, and a fixed offset needs no
    zone database from the system (Windows has none of the IANA names).
    """
    edit.setTimeZone(QTimeZone(7 * 3600))
    edit.setDisplayFormat("dd/MM/yyyy HH:mm")
    return edit


def time_left(deadline: datetime, now: datetime | None = None) -> str:
    """'còn 2 ngày 3 giờ', 'còn 45 phút', 'đã quá hạn'."""
    left = deadline - (now or datetime.now(UTC))
    if left.total_seconds() <= 0:
        return QCoreApplication.translate("Formatting", "đã quá hạn")
    days, hours, minutes = left.days, left.seconds // 3600, left.seconds % 3600 // 60
    if days:
        return QCoreApplication.translate("Formatting", "còn {days} ngày {hours} giờ").format(
            days=days, hours=hours
        )
    if hours:
        return QCoreApplication.translate("Formatting", "còn {hours} giờ {minutes} phút").format(
            hours=hours, minutes=minutes
        )
    return QCoreApplication.translate("Formatting", "còn {minutes} phút").format(
        minutes=max(1, minutes)
    )


def under_a_day(deadline: datetime, now: datetime | None = None) -> bool:
    return deadline - (now or datetime.now(UTC)) < ONE_DAY


def file_size(size: int) -> str:
    if size < 1024 * 1024:
        return QCoreApplication.translate("Formatting", "{size} KB").format(
            size=max(1, round(size / 1024))
        )
    return QCoreApplication.translate("Formatting", "{size} MB").format(
        size=QLocale().toString(size / (1024 * 1024), "f", 1)
    )

"""Dates as SafeBoard writes and counts them.

Dates are written the GOV.UK way, "6 December 2026": no leading zero, the month in full
(GOV.UK style guide, "Dates"). Months are counted with `dateutil.relativedelta`, which keeps
the day of the month or, when the month is shorter, takes its last day (31 January plus one
month is 28 or 29 February), as a review every N months is understood.
"""

from __future__ import annotations

import datetime
import time

from dateutil.relativedelta import relativedelta
from django.utils import timezone


def long_date(day: datetime.date, *, weekday: bool = False) -> str:
    """'6 December 2026', or 'Sunday 6 December 2026' with the weekday."""
    written = f"{day.day} {day:%B %Y}"
    return f"{day:%A} {written}" if weekday else written


def short_date(day: datetime.date | None) -> str:
    """'6 Dec 2026' (the short date of a table's rows, SHORT_DATE_FORMAT), or '' for None:
    what the `date` filter writes, without its translation look-ups on every row."""
    return f"{day.day} {day:%b %Y}" if day is not None else ""


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months later (earlier when negative), or that month's
    last day when it is shorter."""
    return day + relativedelta(months=months)


def a_year_before(day: datetime.date) -> datetime.date:
    """The same day a year earlier; 28 February for 29 February."""
    return day - relativedelta(years=1)


_today_at: tuple[int, datetime.date] | None = None


def today_for_a_listing() -> datetime.date:
    """Today's local date, as `timezone.localdate()` gives it, worked out at most once a
    second: an export of thousands of rows asks on every row (14 µs each, most of the time
    of a row) and the answer only changes at midnight."""
    global _today_at
    second = int(time.time())
    if _today_at is None or _today_at[0] != second:
        _today_at = (second, timezone.localdate())
    return _today_at[1]

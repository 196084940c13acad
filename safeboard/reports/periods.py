"""The report's period: twelve whole months, both ends inclusive."""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta


def twelve_months_from(start: datetime.date) -> datetime.date:
    """The last day of the 12 months starting on `start` (1 April 2025 -> 31 March 2026)."""
    return start + relativedelta(years=1) - datetime.timedelta(days=1)


def is_twelve_months(start: datetime.date, end: datetime.date) -> bool:
    return end == twelve_months_from(start)


def last_complete_year(today: datetime.date) -> datetime.date:
    """The start of the last April-to-March year that ended before `today`."""
    year = today.year - 1 if today.month >= 4 else today.year - 2
    return datetime.date(year, 4, 1)


def financial_years(start: datetime.date, end: datetime.date) -> list[int]:
    """The April-to-March years (by their starting year) the period touches."""
    first = start.year if start.month >= 4 else start.year - 1
    last = end.year if end.month >= 4 else end.year - 1
    return list(range(first, last + 1))

"""Working days in England, as DATA.md pins them.

A duration "in working days" from day A to day B is the number of working days after A up to
and including B: weekdays that are not bank holidays in England (and Wales), taken from the
`holidays` package (`holidays.UK(subdiv="ENG")`), never from a hand-kept list.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from functools import lru_cache

import holidays

ONE_DAY = datetime.timedelta(days=1)
SATURDAY = 5


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.UK(subdiv="ENG", years=year))


def is_working_day(day: datetime.date) -> bool:
    """A weekday that is not a bank holiday in England."""
    return day.weekday() < SATURDAY and day not in _bank_holidays(day.year)


def working_days_between(a: datetime.date, b: datetime.date) -> int:
    """Working days after `a` up to and including `b` (negative if `b` is before `a`)."""
    if b < a:
        return -working_days_between(b, a)
    whole_weeks, rest = divmod((b - a).days, 7)
    count = whole_weeks * 5
    day = a + datetime.timedelta(weeks=whole_weeks)
    for _ in range(rest):
        day += ONE_DAY
        if day.weekday() < SATURDAY:
            count += 1
    return count - sum(
        1
        for year in range(a.year, b.year + 1)
        for holiday in _bank_holidays(year)
        if a < holiday <= b and holiday.weekday() < SATURDAY
    )


def calendar_rows(start: datetime.date, end: datetime.date) -> Iterator[tuple[datetime.date, int]]:
    """Each date from `start` to `end` with its working-day index.

    The index of a date D is the number of working days after `start` up to and including D
    (so `start` itself is 0). Working days from A to B are then index(B) − index(A), whether
    or not A is a working day: both indexes count from the same `start`, and the working days
    up to and including A cancel out.
    """
    index = 0
    day = start
    while day <= end:
        if day != start and is_working_day(day):
            index += 1
        yield day, index
        day += ONE_DAY

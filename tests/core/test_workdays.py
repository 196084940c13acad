"""Working days (DATA.md): after A up to and including B, weekdays that are not English bank holidays."""

from __future__ import annotations

import datetime

import holidays
from hypothesis import given
from hypothesis import strategies as st

from safeboard.core.workdays import calendar_rows, is_working_day, working_days_between

FIRST = datetime.date(2000, 1, 1)
LAST = datetime.date(2035, 12, 31)
ENGLAND = holidays.UK(subdiv="ENG", years=range(2000, 2036))
CALENDAR = dict(calendar_rows(FIRST, LAST))
dates = st.dates(min_value=FIRST, max_value=LAST)


def naive_working_days(a: datetime.date, b: datetime.date) -> int:
    """Day by day: each day after the earlier date up to and including the later one."""
    earlier, later = sorted((a, b))
    count = 0
    day = earlier
    while day < later:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in ENGLAND:
            count += 1
    return count if a <= b else -count


def test_working_days_skip_christmas_boxing_day_and_new_year():
    # After Fri 20 Dec 2024: 23, 24, 27, 30, 31 Dec, 2, 3 Jan (25, 26 Dec and 1 Jan are holidays).
    assert working_days_between(datetime.date(2024, 12, 20), datetime.date(2025, 1, 3)) == 7


def test_working_days_skip_good_friday_and_easter_monday():
    # After Thu 28 Mar 2024: Good Friday 29 Mar, the weekend and Easter Monday 1 Apr, then 2 Apr.
    assert working_days_between(datetime.date(2024, 3, 28), datetime.date(2024, 4, 2)) == 1


def test_working_days_count_after_a_up_to_and_including_b():
    monday = datetime.date(2025, 3, 3)
    assert working_days_between(monday, monday) == 0
    assert working_days_between(monday, monday + datetime.timedelta(days=1)) == 1


def test_a_bank_holiday_on_a_weekday_is_not_a_working_day():
    assert not is_working_day(datetime.date(2025, 5, 5))  # early May bank holiday
    assert is_working_day(datetime.date(2025, 5, 6))


@given(dates, dates)
def test_working_days_between_agrees_with_a_day_by_day_count(a, b):
    assert working_days_between(a, b) == naive_working_days(a, b)


@given(dates, dates)
def test_calendar_index_difference_agrees_with_a_day_by_day_count(a, b):
    # Whether or not A is a working day, index(B) − index(A) counts after A up to B.
    assert CALENDAR[b] - CALENDAR[a] == naive_working_days(a, b)


@given(dates, st.integers(min_value=0, max_value=800))
def test_calendar_index_counts_from_the_start_of_its_range(start, length):
    day = start + datetime.timedelta(days=length)
    rows = dict(calendar_rows(start, day))
    assert rows[start] == 0
    assert rows[day] == naive_working_days(start, day)

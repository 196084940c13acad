"""A test run that starts near midnight still ends on the day it began."""

from __future__ import annotations

import datetime
import zoneinfo

from hypothesis import given
from hypothesis import strategies as st

from tests.one_day import MARGIN, clock_start

LONDON = zoneinfo.ZoneInfo("Europe/London")


@given(
    st.datetimes(
        min_value=datetime.datetime(2000, 1, 1),
        max_value=datetime.datetime(2100, 1, 1),
        timezones=st.just(LONDON),
    )
)
def test_a_run_shorter_than_the_margin_stays_on_one_day(now):
    start = clock_start(now) or now
    last_moment = start + MARGIN - datetime.timedelta(microseconds=1)
    assert last_moment.date() == start.date()


def test_the_clock_is_left_alone_at_most_hours():
    assert clock_start(datetime.datetime(2026, 12, 7, 9, 30, tzinfo=LONDON)) is None
    assert clock_start(datetime.datetime(2026, 12, 7, 20, 59, tzinfo=LONDON)) is None


def test_a_late_start_moves_the_clock_back_by_the_margin():
    late = datetime.datetime(2026, 12, 7, 23, 50, tzinfo=LONDON)
    assert clock_start(late) == late - MARGIN

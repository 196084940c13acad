"""Dates written the GOV.UK way, and months counted as people count them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.template.defaultfilters import date as date_filter
from hypothesis import given
from hypothesis import strategies as st

from safeboard.core.dates import a_year_before, add_months, long_date, short_date


def test_a_long_date_has_no_leading_zero_and_the_month_in_full():
    assert long_date(datetime.date(2026, 12, 6)) == "6 December 2026"


def test_a_long_date_can_start_with_the_weekday():
    assert long_date(datetime.date(2026, 12, 6), weekday=True) == "Sunday 6 December 2026"


def test_a_long_date_of_a_moment_is_its_day():
    assert long_date(datetime.datetime(2027, 1, 2, 9, 30)) == "2 January 2027"


def test_adding_months_keeps_the_day_of_the_month():
    assert add_months(datetime.date(2026, 12, 6), 3) == datetime.date(2027, 3, 6)
    assert add_months(datetime.date(2026, 12, 6), -12) == datetime.date(2025, 12, 6)


def test_adding_months_to_a_longer_month_ends_on_the_shorter_months_last_day():
    assert add_months(datetime.date(2027, 1, 31), 1) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2028, 1, 31), 1) == datetime.date(2028, 2, 29)
    assert add_months(datetime.date(2026, 8, 31), -2) == datetime.date(2026, 6, 30)


def test_a_year_before_29_february_is_28_february():
    assert a_year_before(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)
    assert a_year_before(datetime.date(2026, 12, 6)) == datetime.date(2025, 12, 6)


@given(
    st.dates(min_value=datetime.date(1901, 1, 1), max_value=datetime.date(2098, 12, 31)),
    st.integers(min_value=-120, max_value=120),
)
def test_adding_months_lands_in_the_right_month_never_later_in_it(day, months):
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day <= day.day


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_a_short_date_is_what_the_date_filter_writes_for_the_short_format(day):
    assert short_date(day) == date_filter(day, settings.SHORT_DATE_FORMAT)


def test_no_date_is_written_as_nothing():
    assert short_date(None) == ""

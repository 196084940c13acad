"""Reporting periods: months, financial quarters and financial years, and their labels."""

from __future__ import annotations

import datetime

import pytest

from safeboard.scorecard.periods import (
    Frequency,
    PeriodError,
    PeriodKey,
    last_periods,
    parse_period,
    periods_between,
)

M, Q, A = Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.ANNUAL


@pytest.mark.parametrize(
    ("frequency", "day", "label", "starts", "ends"),
    [
        (M, datetime.date(2026, 10, 15), "October 2026", "2026-10-01", "2026-10-31"),
        (M, datetime.date(2024, 2, 29), "February 2024", "2024-02-01", "2024-02-29"),
        (Q, datetime.date(2026, 8, 1), "2026-27 Q2", "2026-07-01", "2026-09-30"),
        (Q, datetime.date(2027, 3, 31), "2026-27 Q4", "2027-01-01", "2027-03-31"),
        (Q, datetime.date(2026, 4, 1), "2026-27 Q1", "2026-04-01", "2026-06-30"),
        (A, datetime.date(2026, 3, 31), "2025-26", "2025-04-01", "2026-03-31"),
        (A, datetime.date(2099, 4, 1), "2099-00", "2099-04-01", "2100-03-31"),
    ],
)
def test_the_period_containing_a_day_has_the_label_boards_use(frequency, day, label, starts, ends):
    period = PeriodKey.containing(frequency, day)
    assert period.label == label
    assert (period.starts_on.isoformat(), period.ends_on.isoformat()) == (starts, ends)


def test_a_period_must_start_on_its_first_day():
    with pytest.raises(PeriodError):
        PeriodKey(datetime.date(2026, 5, 1), Q)
    with pytest.raises(PeriodError):
        PeriodKey(datetime.date(2026, 1, 1), A)


@pytest.mark.parametrize(
    ("text", "frequency", "label"),
    [
        ("October 2026", M, "October 2026"),
        ("oct 2026", M, "October 2026"),
        ("Sept 2026", M, "September 2026"),
        ("2026-10", M, "October 2026"),
        ("2026-10-01", M, "October 2026"),
        (datetime.datetime(2026, 10, 1), M, "October 2026"),
        ("2026-27 Q2", Q, "2026-27 Q2"),
        ("2026/27 q3", Q, "2026-27 Q3"),
        ("2026-27-q4", Q, "2026-27 Q4"),
        ("2025-26", A, "2025-26"),
        ("2025/2026", A, "2025-26"),
        ("FY 2025-26", A, "2025-26"),
    ],
)
def test_periods_are_read_from_their_labels_and_first_days(text, frequency, label):
    assert parse_period(text, frequency).label == label


@pytest.mark.parametrize(
    ("text", "frequency"),
    [
        ("2025-27", A),
        ("2026-10", A),
        ("2026-27 Q5", Q),
        ("October 2026", Q),
        ("Octember 2026", M),
        ("2026-13", M),
        ("2026-10-15", M),
        ("", M),
        (12, M),
    ],
)
def test_text_that_names_no_period_of_the_frequency_is_refused(text, frequency):
    with pytest.raises(PeriodError):
        parse_period(text, frequency)


def test_slugs_name_periods_unambiguously_across_frequencies():
    month = PeriodKey(datetime.date(2009, 10, 1), M)
    year = PeriodKey(datetime.date(2009, 4, 1), A)
    assert (month.slug, year.slug) == ("monthly-2009-10", "annual-2009-10")
    for period in (month, year, PeriodKey(datetime.date(2026, 7, 1), Q)):
        assert PeriodKey.from_slug(period.slug) == period


def test_periods_step_forward_and_back_across_years():
    quarter = PeriodKey(datetime.date(2027, 1, 1), Q)
    assert quarter.next().label == "2027-28 Q1"
    assert quarter.previous().label == "2026-27 Q3"
    months = last_periods(M, count=3, ending=datetime.date(2026, 2, 3))
    assert [period.label for period in months] == ["December 2025", "January 2026", "February 2026"]
    assert periods_between(months[0], months[-1]) == months

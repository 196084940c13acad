"""Due dates in working days across England's bank holidays (DATA.md, "Working days")."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeboard.reviews.factories import edition
from safeboard.reviews.frameworks.timescales import (
    EditionClock,
    add_months,
    add_working_days,
    decision_due,
    edition_timescales,
    is_working_day,
    notification_due,
    rapid_review_due,
    review_due,
    working_days_between,
)
from safeboard.reviews.models import RapidReviewBasis

D = datetime.date


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        # Christmas 2024: Wednesday 25 and Thursday 26 December, New Year's Day 2025.
        (D(2024, 12, 20), 5, D(2024, 12, 31)),
        (D(2024, 12, 20), 6, D(2025, 1, 2)),
        # Christmas 2022 fell on a Sunday: the 27th was the substitute day.
        (D(2022, 12, 22), 1, D(2022, 12, 23)),
        (D(2022, 12, 23), 1, D(2022, 12, 28)),
        (D(2022, 12, 20), 5, D(2022, 12, 29)),
        # Easter 2025: Good Friday 18 April, Easter Monday 21 April.
        (D(2025, 4, 16), 2, D(2025, 4, 22)),
        (D(2025, 4, 17), 1, D(2025, 4, 22)),
        # Easter 2024 straddled March and April.
        (D(2024, 3, 27), 5, D(2024, 4, 5)),
        # The 2022 and 2023 special bank holidays: the Platinum Jubilee (2 and 3 June 2022,
        # the spring bank holiday moved), the Queen's funeral (19 September 2022), and the
        # King's coronation (8 May 2023).
        (D(2022, 6, 1), 1, D(2022, 6, 6)),
        (D(2022, 5, 27), 5, D(2022, 6, 7)),
        (D(2022, 9, 16), 1, D(2022, 9, 20)),
        (D(2023, 5, 5), 1, D(2023, 5, 9)),
        (D(2023, 5, 2), 5, D(2023, 5, 10)),
        # The old late-May spring bank holiday was a working day in 2022.
        (D(2022, 5, 27), 1, D(2022, 5, 30)),
        # A start on a weekend counts from the next working day.
        (D(2025, 3, 8), 1, D(2025, 3, 10)),
        (D(2025, 3, 10), 0, D(2025, 3, 10)),
    ],
)
def test_due_dates_skip_weekends_and_bank_holidays_in_england(start, n, due):
    assert add_working_days(start, n) == due


@pytest.mark.django_db
def test_the_panel_is_notified_5_and_the_rapid_review_sent_15_working_days_after_the_coronation_week():
    clock = EditionClock.of(edition("wt2023"), D(2023, 5, 2))
    assert notification_due(clock) == D(2023, 5, 10)
    assert rapid_review_due(clock) == D(2023, 5, 24)


@pytest.mark.django_db
def test_the_rapid_review_over_christmas_2022():
    clock = EditionClock.of(edition("wt2018"), D(2022, 12, 14))
    # 15 working days: 15-16, 19-23, 28-30 December, then 3-6 and 9 January (Monday 2
    # January was the substitute day for New Year's Day).
    assert rapid_review_due(clock) == D(2023, 1, 9)


def test_counted_from_the_notification_the_rapid_review_waits_for_it():
    clock = EditionClock(
        aware_date=D(2025, 4, 14),
        notification_working_days=5,
        rapid_review_working_days=15,
        rapid_review_basis=RapidReviewBasis.NOTIFIED,
        decision_working_days=None,
        review_months=6,
    )
    assert rapid_review_due(clock, notification_sent_on=None) is None
    # Notified on Wednesday 16 April 2025: Easter and the May Day holiday fall inside.
    assert rapid_review_due(clock, notification_sent_on=D(2025, 4, 16)) == D(2025, 5, 12)


@pytest.mark.django_db
def test_a_serious_case_review_decision_has_its_own_timescale_and_no_notification_in_2010():
    clock = EditionClock.of(edition("wt2010"), D(2012, 3, 1))
    assert notification_due(clock) is None
    assert rapid_review_due(clock) is None
    assert decision_due(clock) == add_working_days(D(2012, 3, 1), 15)


@pytest.mark.django_db
def test_a_practice_review_decision_is_due_with_the_rapid_review():
    clock = EditionClock.of(edition("wt2023"), D(2025, 6, 2))
    assert decision_due(clock) == rapid_review_due(clock)


def test_a_review_is_due_six_calendar_months_after_its_start():
    assert review_due(D(2025, 1, 15), 6) == D(2025, 7, 15)
    assert review_due(D(2025, 8, 31), 6) == D(2026, 2, 28)
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)


@pytest.mark.django_db
def test_the_timescales_of_an_edition_for_the_command():
    assert edition_timescales(edition("wt2023"), D(2023, 5, 2)) == {
        "notification_due": D(2023, 5, 10),
        "rapid_review_due": D(2023, 5, 24),
    }
    assert edition_timescales(edition("wt2013"), D(2022, 12, 20)) == {
        "notification_due": D(2022, 12, 29),
        "rapid_review_due": None,
        "decision_due": D(2023, 1, 13),
    }


days = st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31))
counts = st.integers(min_value=1, max_value=60)


@given(start=days, n=counts)
def test_a_due_date_is_always_a_working_day(start, n):
    assert is_working_day(add_working_days(start, n))


@given(start=days, n=counts)
def test_a_due_date_is_exactly_n_working_days_after_its_start(start, n):
    assert working_days_between(start, add_working_days(start, n)) == n


@given(start=days, n=counts)
def test_no_working_day_is_skipped_before_the_due_date(start, n):
    due = add_working_days(start, n)
    assert working_days_between(start, due - datetime.timedelta(days=1)) == n - 1


@given(start=days, n=counts, later=st.integers(min_value=0, max_value=30))
def test_due_dates_never_go_backwards(start, n, later):
    assert add_working_days(start, n) <= add_working_days(start, n + later)
    assert add_working_days(start, n) <= add_working_days(start + datetime.timedelta(days=later), n)

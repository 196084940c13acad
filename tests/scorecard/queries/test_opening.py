"""The scorecard opens a query by itself when a new figure shows a change of concern or a miss."""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from safeboard.scorecard import services
from safeboard.scorecard.models import Figure, IndicatorQuery, Polarity, QueryTrigger, Unit
from safeboard.scorecard.periods import Frequency, last_periods
from safeboard.scorecard.queries import services as query_services
from safeboard.scorecard.queries import triggers

from ..conftest import NOVEMBER_2025, OCTOBER_2025
from .builders import (
    FALL_HISTORY,
    FALL_NEXT,
    SEPTEMBER_2025,
    SHIFT_HISTORY,
    SHIFT_NEXT,
    STEADY_PERCENTAGES,
    history,
    indicator,
    query,
    record,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def re_referrals(catalogue):
    """Lower is better: a rise is a concern."""
    found = indicator(catalogue.police, code="CSC-07", polarity=Polarity.DOWN)
    history(found, SHIFT_HISTORY)
    return found


def _queries(indicator, trigger=None):
    queries = IndicatorQuery.objects.filter(indicator=indicator)
    return queries.filter(trigger=trigger) if trigger else queries


def test_a_figure_that_completes_a_shift_of_concern_opens_one_query(re_referrals):
    result = record(re_referrals, SHIFT_NEXT)

    opened = _queries(re_referrals).get()
    assert result.queries == [opened]
    assert opened.trigger == QueryTrigger.CONCERN
    assert opened.signals == "shift"
    assert opened.period.label == "October 2025"
    assert opened.agency == re_referrals.owning_agency
    assert opened.opened_by is None
    assert opened.status == IndicatorQuery.Status.OPEN
    assert opened.question.startswith(
        "Re-referrals within 12 months has been above its average in each of the 7 months "
        "up to October 2025."
    )
    assert opened.question.endswith(triggers.CONCERN_QUESTION_END)


def test_the_answer_is_due_after_the_set_number_of_days(re_referrals):
    today = timezone.localdate()
    with override_settings(SAFEBOARD_QUERY_RESPONSE_DAYS=10):
        record(re_referrals, SHIFT_NEXT)
    opened = _queries(re_referrals).get()
    assert (opened.opened_on, opened.response_due_on) == (
        today,
        today + datetime.timedelta(days=10),
    )


def test_recording_the_same_figure_again_opens_no_second_query(re_referrals):
    record(re_referrals, SHIFT_NEXT)
    again = record(re_referrals, SHIFT_NEXT)
    assert again.queries == []
    assert _queries(re_referrals).count() == 1


def test_revising_the_figure_opens_no_second_query(re_referrals):
    record(re_referrals, SHIFT_NEXT)
    figure = Figure.objects.get(indicator=re_referrals, period__starts_on=OCTOBER_2025.starts_on)

    services.figure_revise(figure=figure, value=15, reason="Two late referrals added")

    assert _queries(re_referrals).count() == 1


def test_a_revision_that_makes_the_latest_figure_a_concern_opens_a_query(re_referrals):
    record(re_referrals, 12)
    assert not _queries(re_referrals).exists()
    figure = Figure.objects.get(indicator=re_referrals, period__starts_on=OCTOBER_2025.starts_on)

    services.figure_revise(figure=figure, value=SHIFT_NEXT, reason="Referrals recounted")

    assert _queries(re_referrals, QueryTrigger.CONCERN).count() == 1


def test_a_shift_that_goes_on_is_asked_about_once(re_referrals):
    record(re_referrals, SHIFT_NEXT)
    record(re_referrals, 15, period=NOVEMBER_2025)
    assert _queries(re_referrals).count() == 1


def test_an_improvement_opens_no_query(catalogue):
    falling = indicator(catalogue.police, code="CSC-08", polarity=Polarity.DOWN)
    history(falling, FALL_HISTORY)
    result = record(falling, FALL_NEXT)
    assert result.queries == []
    assert not _queries(falling).exists()


def test_the_same_rise_is_a_concern_where_lower_is_better_and_not_where_higher_is(catalogue):
    higher_is_better = indicator(catalogue.police, code="POL-20", polarity=Polarity.UP)
    history(higher_is_better, SHIFT_HISTORY)
    record(higher_is_better, SHIFT_NEXT)
    assert not _queries(higher_is_better).exists()


def test_where_neither_way_is_better_a_change_either_way_is_asked_about(catalogue):
    either = indicator(catalogue.police, code="POL-21", polarity=Polarity.NONE)
    history(either, FALL_HISTORY)
    record(either, FALL_NEXT)
    opened = _queries(either).get()
    assert opened.trigger == QueryTrigger.CONCERN
    assert "below its average in each of the 7 months" in opened.question


def test_a_point_beyond_the_upper_limit_is_named_in_plain_english(catalogue):
    incidents = indicator(catalogue.police, code="POL-22", polarity=Polarity.DOWN)
    history(incidents, [10, 12, 11, 10, 12, 11, 10, 12, 11, 10, 12, 11])
    record(incidents, 30)
    opened = _queries(incidents).get()
    assert "outside_limits" in opened.signals.split(",")
    assert opened.question.startswith(
        "Re-referrals within 12 months rose above the upper process limit in October 2025"
    )
    assert "The figure was 30" in opened.question


def test_a_concern_not_yet_asked_about_is_asked_about_at_the_next_figure(catalogue):
    """The run began before the scorecard asked (figures loaded in bulk): ask now."""
    rising = indicator(catalogue.police, code="POL-23", polarity=Polarity.DOWN)
    history(rising, [10, 12, 11, 10, 12, 11, 10, 12, 11, 10, 12, 11, 12, 13, 14, 15, 16, 17])
    record(rising, 30)
    opened = _queries(rising).get()
    assert opened.signals == "outside_limits,trend,two_of_three"
    assert opened.question.startswith(
        "Re-referrals within 12 months rose above the upper process limit in October 2025 "
        "and has risen in each of the last 7 months. The figure was 30;"
    )


def test_a_late_figure_for_an_earlier_month_opens_nothing(catalogue):
    """Only a figure for the indicator's latest period is news about the present."""
    rising = indicator(catalogue.police, code="POL-24", polarity=Polarity.DOWN)
    history(rising, [*SHIFT_HISTORY, SHIFT_NEXT], last=OCTOBER_2025)  # October: a shift
    earlier = last_periods(Frequency.MONTHLY, count=20, ending=OCTOBER_2025.starts_on)[0]
    record(rising, 11, period=earlier)
    assert not _queries(rising).exists()


def test_a_correction_of_an_earlier_month_opens_nothing(catalogue):
    rising = indicator(catalogue.police, code="POL-25", polarity=Polarity.DOWN)
    figures = history(rising, [*SHIFT_HISTORY, SHIFT_NEXT], last=OCTOBER_2025)
    services.figure_revise(figure=figures[0], value=11, reason="Recounted")
    assert not _queries(rising).exists()


# Targets ------------------------------------------------------------------------------------


@pytest.fixture
def interviews(catalogue):
    """Higher is better, with a target of 90% and a tolerance of 2 points."""
    found = indicator(
        catalogue.police,
        code="POL-30",
        name="Return home interviews within 72 hours",
        unit=Unit.PERCENTAGE,
        polarity=Polarity.UP,
        target=Decimal(90),
        tolerance=Decimal(2),
    )
    history(found, STEADY_PERCENTAGES)
    return found


def test_a_figure_that_misses_the_target_opens_one_query(interviews):
    record(interviews, "87.5")
    opened = _queries(interviews, QueryTrigger.TARGET_MISSED).get()
    assert opened.signals == ""
    assert opened.question == (
        "Return home interviews within 72 hours was 87.5% in October 2025, below its target "
        "of 90.0% by more than its tolerance of 2.0%. " + triggers.TARGET_QUESTION_END
    )
    record(interviews, "87.5")
    assert _queries(interviews, QueryTrigger.TARGET_MISSED).count() == 1


def test_a_figure_within_the_tolerance_is_not_a_miss(interviews):
    record(interviews, 88)
    assert not _queries(interviews, QueryTrigger.TARGET_MISSED).exists()


def test_where_lower_is_better_a_figure_above_the_target_misses_it(catalogue):
    days = indicator(
        catalogue.police, code="POL-31", unit=Unit.DAYS, polarity=Polarity.DOWN, target=20
    )
    history(days, [18, 19, 18, 17, 19, 18, 19, 18, 17, 18, 19, 18])
    record(days, "20.5")
    opened = _queries(days, QueryTrigger.TARGET_MISSED).get()
    assert "above its target of 20.0 days" in opened.question


def test_a_miss_while_the_last_miss_is_still_unanswered_opens_no_new_query(interviews):
    query(
        interviews,
        period=SEPTEMBER_2025,
        trigger=QueryTrigger.TARGET_MISSED,
        opened_on=timezone.localdate(),
    )
    record(interviews, 87)
    assert _queries(interviews, QueryTrigger.TARGET_MISSED).count() == 1


def test_a_miss_after_the_last_miss_was_accepted_opens_a_new_query(interviews):
    query(
        interviews,
        period=SEPTEMBER_2025,
        trigger=QueryTrigger.TARGET_MISSED,
        status=IndicatorQuery.Status.ACCEPTED,
    )
    record(interviews, 87)
    assert _queries(interviews, QueryTrigger.TARGET_MISSED).count() == 2


# Every way figures arrive --------------------------------------------------------------------


def test_an_uploaded_file_opens_its_queries(re_referrals):
    text = f"indicator_code,period,value\n{re_referrals.code},October 2025,{SHIFT_NEXT}\n"
    upload = SimpleUploadedFile("figures.csv", text.encode("utf-8"))

    result = services.figures_upload(
        agency=re_referrals.owning_agency, period=OCTOBER_2025, upload=upload
    )

    assert [q.trigger for q in result.queries] == [QueryTrigger.CONCERN]
    assert _queries(re_referrals).count() == 1


def test_a_figure_submitted_alone_opens_its_query(re_referrals):
    services.figure_submit(
        indicator=re_referrals, period=OCTOBER_2025, value=SHIFT_NEXT, source=Figure.Source.CENSUS
    )
    assert _queries(re_referrals).count() == 1


def test_a_query_opened_meanwhile_does_not_undo_the_figures(re_referrals, monkeypatch):
    """Another recording opened the query after the check: the figures are still saved."""
    record(re_referrals, SHIFT_NEXT)
    nothing_held = query_services._Held(set(), defaultdict(set), defaultdict(set))
    monkeypatch.setattr(query_services, "_held_queries", lambda **kwargs: nothing_held)
    figure = Figure.objects.get(indicator=re_referrals, period__starts_on=OCTOBER_2025.starts_on)

    services.figure_revise(figure=figure, value=16, reason="Recounted")

    figure.refresh_from_db()
    assert figure.value == 16
    assert _queries(re_referrals).count() == 1

"""Figures: submitted all or none, revised only with a reason, every revision kept."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from safeboard.accounts.factories import UserFactory
from safeboard.scorecard import figure_checks, selectors, services
from safeboard.scorecard.catalogue import services as catalogue_services
from safeboard.scorecard.factories import FigureFactory, IndicatorFactory, PeriodFactory
from safeboard.scorecard.models import Figure, FigureRevision, Period
from safeboard.scorecard.periods import Frequency, PeriodKey

from .conftest import NOVEMBER_2025, OCTOBER_2025, database_state

pytestmark = pytest.mark.django_db


def _record(catalogue, values, period=OCTOBER_2025, **kwargs):
    kwargs.setdefault("source", Figure.Source.FORM)
    return services.figures_record(agency=catalogue.police, period=period, values=values, **kwargs)


def test_figures_record_saves_an_agencys_figures_for_a_period(catalogue):
    user = UserFactory(person__agency=catalogue.police)
    result = _record(catalogue, {"POL-01": 41, "pol-03": "87.5%"}, submitted_by=user)
    assert len(result.created) == 2
    saved = dict(Figure.objects.values_list("indicator__code", "value"))
    assert saved == {"POL-01": Decimal("41"), "POL-03": Decimal("87.5")}
    figure = Figure.objects.get(indicator__code="POL-01")
    assert (figure.submitted_by, figure.period.label) == (user, "October 2025")
    assert figure.period.submissions_due_on == datetime.date(2025, 11, 20)


def test_one_bad_figure_saves_none_of_the_batch_and_every_problem_is_named(catalogue):
    before = database_state()
    with pytest.raises(ValidationError) as error:
        _record(catalogue, {"POL-01": 41, "POL-02": -3, "POL-03": 120, "NOPE-1": 1})
    problems = error.value.message_dict
    assert set(problems) == {"POL-02", "POL-03", "NOPE-1"}
    assert figure_checks.UNKNOWN_INDICATOR.format(code="NOPE-1") in problems["NOPE-1"]
    assert database_state() == before


def test_an_agency_cannot_record_another_agencys_figures(catalogue):
    before = database_state()
    with pytest.raises(ValidationError) as error:
        _record(catalogue, {"HLT-01": 80})
    message = figure_checks.NOT_THE_AGENCYS_INDICATOR.format(code="HLT-01")
    assert error.value.message_dict["HLT-01"] == [message]
    assert database_state() == before


def test_a_figure_is_only_for_a_period_of_its_indicators_frequency(catalogue):
    with pytest.raises(ValidationError) as error:
        _record(catalogue, {"POL-10": 12})
    assert "reported quarterly" in error.value.message_dict["POL-10"][0]


def test_figures_for_a_period_not_yet_ended_are_refused(catalogue):
    this_month = PeriodKey.containing(Frequency.MONTHLY, datetime.date.today())
    with pytest.raises(ValidationError) as error:
        _record(catalogue, {"POL-01": 3}, period=this_month)
    assert "period" in error.value.message_dict
    assert not Period.objects.exists()


def test_a_retired_indicator_takes_no_new_figures(catalogue):
    catalogue_services.indicator_update(indicator=catalogue.incidents, is_active=False)
    with pytest.raises(ValidationError) as error:
        _record(catalogue, {"POL-01": 3})
    assert (
        figure_checks.INDICATOR_RETIRED.format(code="POL-01") in error.value.message_dict["POL-01"]
    )


def test_an_empty_batch_is_refused(catalogue):
    with pytest.raises(ValidationError) as error:
        _record(catalogue, {})
    assert error.value.messages == [services.NO_FIGURES]


def test_recording_a_changed_figure_needs_a_reason(catalogue):
    _record(catalogue, {"POL-01": 41})
    before = database_state()
    with pytest.raises(ValidationError) as error:
        _record(catalogue, {"POL-01": 44, "POL-02": 7})
    message = services.REVISION_NEEDS_REASON.format(
        code="POL-01", current="41", period="October 2025"
    )
    assert error.value.message_dict["POL-01"] == [message]
    assert database_state() == before


def test_recording_again_revises_changed_figures_and_leaves_the_same_ones(catalogue):
    _record(catalogue, {"POL-01": 41, "POL-02": 7})
    result = _record(
        catalogue,
        {"POL-01": 44, "POL-02": 7, "POL-03": 90},
        source=Figure.Source.CSV,
        reason="Late-recorded incidents added",
    )
    assert [f.indicator.code for f in result.revised] == ["POL-01"]
    assert [f.indicator.code for f in result.unchanged] == ["POL-02"]
    assert [f.indicator.code for f in result.created] == ["POL-03"]
    revision = FigureRevision.objects.get()
    assert (revision.previous_value, revision.new_value) == (Decimal("41"), Decimal("44"))
    assert (revision.previous_source, revision.new_source) == ("form", "csv")
    assert revision.reason == "Late-recorded incidents added"


def test_a_census_reimport_revises_with_the_trail(catalogue):
    """The census import records computed figures for a period and re-imports revise them."""
    year = PeriodKey(datetime.date(2024, 4, 1), Frequency.ANNUAL)
    IndicatorFactory(
        code="CSC-04",
        owning_agency=catalogue.police,
        frequency=Frequency.ANNUAL,
        unit="percentage",
        census_key="re_referral_pct",
    )
    services.figures_record(
        agency=catalogue.police, period=year, values={"CSC-04": 22.4}, source="census"
    )
    services.figures_record(
        agency=catalogue.police,
        period=year,
        values={"CSC-04": 21.9},
        source="census",
        reason="Census 2024-25 re-imported after corrections",
    )
    assert selectors.census_indicators()["re_referral_pct"].code == "CSC-04"
    figure = Figure.objects.get(indicator__code="CSC-04")
    history = selectors.figure_history(figure=figure)
    assert [(entry.value, entry.reason) for entry in history] == [
        (Decimal("22.4"), ""),
        (Decimal("21.9"), "Census 2024-25 re-imported after corrections"),
    ]


def test_figure_revise_needs_a_reason_and_a_different_value(catalogue):
    figure = FigureFactory(indicator=catalogue.incidents, value=Decimal("41"))
    with pytest.raises(ValidationError) as error:
        services.figure_revise(figure=figure, value=41, reason=" ")
    assert services.REASON_REQUIRED in error.value.message_dict["reason"]
    assert services.SAME_VALUE in error.value.message_dict["value"]
    assert not FigureRevision.objects.exists()


def test_figure_revise_checks_the_value_against_the_unit(catalogue):
    figure = FigureFactory(indicator=catalogue.incidents, value=Decimal("41"))
    with pytest.raises(ValidationError) as error:
        services.figure_revise(figure=figure, value="41.5", reason="Typo")
    assert "whole number" in error.value.message_dict["value"][0]


def test_every_revision_is_kept_in_order(catalogue):
    user = UserFactory(person__agency=catalogue.police)
    figure = FigureFactory(indicator=catalogue.incidents, value=Decimal("41"), submitted_by=user)
    services.figure_revise(figure=figure, value=44, reason="Late records", revised_by=user)
    services.figure_revise(figure=figure, value=43, reason="One duplicate removed")
    figure.refresh_from_db()
    assert (figure.value, figure.revision_count, figure.submitted_by) == (Decimal("43"), 2, user)
    history = selectors.figure_history(figure=figure)
    assert [(entry.value, entry.reason) for entry in history] == [
        (Decimal("41"), ""),
        (Decimal("44"), "Late records"),
        (Decimal("43"), "One duplicate removed"),
    ]
    assert history[1].by == user
    assert figure.history.first().history_change_reason == "One duplicate removed"


def test_figure_submit_refuses_a_second_figure_for_the_period(catalogue):
    services.figure_submit(
        indicator=catalogue.incidents, period=OCTOBER_2025, value=4, source="form"
    )
    with pytest.raises(ValidationError) as error:
        services.figure_submit(
            indicator=catalogue.incidents, period=OCTOBER_2025, value=5, source="form"
        )
    assert "revise it instead" in error.value.messages[0]


def test_the_database_holds_one_figure_per_indicator_and_period(catalogue):
    figure = FigureFactory(indicator=catalogue.incidents)
    with pytest.raises(IntegrityError), transaction.atomic():
        Figure.objects.create(
            indicator=figure.indicator, period=figure.period, value=1, source="form"
        )


def test_the_database_refuses_a_revision_without_a_reason(catalogue):
    figure = FigureFactory(indicator=catalogue.incidents)
    with pytest.raises(IntegrityError), transaction.atomic():
        FigureRevision.objects.create(
            figure=figure,
            previous_value=1,
            new_value=2,
            previous_source="form",
            new_source="form",
            reason="",
        )


# Selectors ------------------------------------------------------------------------------


def _series(catalogue, values: dict[str, list[int]], start=OCTOBER_2025):
    period = start
    for month in range(max(len(v) for v in values.values())):
        figures = {code: v[month] for code, v in values.items() if month < len(v)}
        _record(catalogue, figures, period=period)
        period = period.next()


def test_the_series_of_an_indicator_runs_oldest_first(catalogue):
    _series(catalogue, {"POL-01": [5, 7, 6]}, start=OCTOBER_2025.previous())
    series = selectors.indicator_series(indicator=catalogue.incidents)
    assert [(p.label, p.value) for p in series] == [
        ("September 2025", 5),
        ("October 2025", 7),
        ("November 2025", 6),
    ]
    since = selectors.indicator_series(indicator=catalogue.incidents, since=OCTOBER_2025.starts_on)
    assert len(since) == 2


def test_every_series_comes_in_one_query(catalogue, django_assert_num_queries):
    _series(catalogue, {"POL-01": [5, 7, 6], "POL-02": [1, 2, 3], "POL-03": [50, 60, 70]})
    with django_assert_num_queries(1):
        series = selectors.series_for_indicators()
    assert {indicator_id: len(points) for indicator_id, points in series.items()} == {
        catalogue.incidents.pk: 3,
        catalogue.missing_episodes.pk: 3,
        catalogue.interviews_pct.pk: 3,
    }
    assert series[catalogue.interviews_pct.pk][-1].value == Decimal("70")


def test_latest_figures_are_each_indicators_most_recent_period(
    catalogue, django_assert_num_queries
):
    _series(catalogue, {"POL-01": [5, 7, 6], "POL-02": [1, 2]})
    with django_assert_num_queries(1):
        latest = selectors.latest_figures()
    assert {(f.indicator_id, f.period.label, f.value) for f in latest.values()} == {
        (catalogue.incidents.pk, "December 2025", Decimal("6")),
        (catalogue.missing_episodes.pk, "November 2025", Decimal("2")),
    }


def test_missing_submissions_are_the_active_indicators_without_a_figure(catalogue):
    _record(catalogue, {"POL-01": 3})
    IndicatorFactory(code="POL-99", owning_agency=catalogue.police, is_active=False)
    missing = selectors.missing_submissions_by_agency(period=OCTOBER_2025)
    assert {
        agency.name: [i.code for i in indicators] for agency, indicators in missing.items()
    } == {
        catalogue.health.name: ["HLT-01"],
        catalogue.police.name: ["POL-02", "POL-03"],
    }
    # By agency name, then code: Shire Constabulary comes before Shire NHS Foundation Trust.
    assert [i.code for i in selectors.missing_submissions(period=NOVEMBER_2025)] == [
        "POL-01",
        "POL-02",
        "POL-03",
        "HLT-01",
    ]


def test_an_agencys_submission_periods_count_what_is_in(catalogue):
    _record(catalogue, {"POL-01": 3, "POL-02": 4})
    PeriodFactory(key=NOVEMBER_2025)
    periods = selectors.agency_submission_periods(
        agency_id=catalogue.police.pk, count=3, today=datetime.date(2026, 1, 10)
    )
    monthly = [
        (p.period.label, p.indicators, p.submitted)
        for p in periods
        if p.period.frequency == "monthly"
    ]
    assert monthly == [
        ("December 2025", 3, 0),
        ("November 2025", 3, 0),
        ("October 2025", 3, 2),
    ]
    quarterly = [p.period.label for p in periods if p.period.frequency == "quarterly"]
    assert quarterly == ["2025-26 Q3", "2025-26 Q2", "2025-26 Q1"]

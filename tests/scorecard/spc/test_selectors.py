"""Each indicator's chart from its figures: baseline, step change, polarity and target."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.models import Indicator, Polarity, Unit
from safeboard.scorecard.spc import selectors
from safeboard.scorecard.spc.selectors import SpcState, indicator_spc, spc_for_indicators
from safeboard.scorecard.spc.xmr import Signal, TargetAssessment

from ..series import APRIL_2023, SHIFTED, STEADY, give_figures, period_keys, series_of


def _indicator(**fields) -> Indicator:
    """An indicator in memory: the chart needs no database."""
    defaults = {"code": "CSC-01", "name": "Referrals", "unit": Unit.COUNT, "polarity": "up"}
    return Indicator(**{**defaults, **fields})


def _month(position: int) -> datetime.date:
    return period_keys(position + 1)[position].starts_on


def test_a_run_of_seven_above_the_mean_is_flagged_as_a_shift():
    chart = indicator_spc(indicator=_indicator(), series=series_of(SHIFTED))
    assert [point.signals for point in chart.points[-7:]] == [(Signal.SHIFT,)] * 7
    assert all(point.signals == () for point in chart.points[:8])
    assert chart.state == SpcState.IMPROVEMENT
    assert chart.direction == "higher"


def test_polarity_decides_whether_a_shift_is_improvement_or_concern():
    series = series_of(SHIFTED)
    higher_better = indicator_spc(indicator=_indicator(polarity=Polarity.UP), series=series)
    lower_better = indicator_spc(indicator=_indicator(polarity=Polarity.DOWN), series=series)
    neither = indicator_spc(indicator=_indicator(polarity=Polarity.NONE), series=series)
    assert higher_better.state == SpcState.IMPROVEMENT
    assert lower_better.state == SpcState.CONCERN
    assert neither.state == SpcState.NEITHER
    assert lower_better.points[-1].signal_words == "a run of 7 or more on one side of the mean"


def test_a_point_without_signals_is_common_cause():
    chart = indicator_spc(indicator=_indicator(), series=series_of(STEADY))
    assert chart.state == SpcState.COMMON_CAUSE
    assert {point.state for point in chart.points} == {SpcState.COMMON_CAUSE}


def test_the_baseline_chosen_sets_the_limits():
    series = series_of(SHIFTED)
    every_point = indicator_spc(indicator=_indicator(), series=series)
    baseline = indicator_spc(
        indicator=_indicator(spc_baseline_from=_month(0), spc_baseline_to=_month(7)),
        series=series,
    )
    (phase,) = baseline.phases
    assert phase.limits.mean == 10 and phase.limits.amr == 2
    assert phase.baseline == range(0, 8) and not phase.baseline_is_whole_phase
    assert (phase.baseline_first, phase.baseline_last) == (APRIL_2023, period_keys(8)[7])
    assert every_point.phases[0].limits.mean == pytest.approx(153.5 / 15)
    assert every_point.phases[0].baseline_is_whole_phase


def test_a_baseline_of_fewer_than_two_figures_is_left_out_and_said():
    chart = indicator_spc(
        indicator=_indicator(spc_baseline_from=_month(3), spc_baseline_to=_month(3)),
        series=series_of(STEADY),
    )
    assert chart.phases[0].baseline_is_whole_phase
    assert "fewer than 2 figures" in chart.notes[0]


def test_a_step_change_splits_the_chart_into_phases_with_their_own_limits():
    values = [11, 9] * 5 + [21, 19] * 5
    plain = indicator_spc(indicator=_indicator(), series=series_of(values))
    recalculated = indicator_spc(
        indicator=_indicator(spc_recalculate_from=_month(10)), series=series_of(values)
    )
    assert len(plain.phases) == 1 and plain.state == SpcState.IMPROVEMENT
    first, second = recalculated.phases
    assert (first.start, first.stop, second.start, second.stop) == (0, 10, 10, 20)
    assert (first.limits.mean, second.limits.mean) == (10, 20)
    assert second.first == period_keys(11)[10]
    assert [point.phase for point in recalculated.points] == [0] * 10 + [1] * 10
    assert recalculated.state == SpcState.COMMON_CAUSE
    assert recalculated.recalculated


def test_a_step_change_without_two_figures_after_it_waits_and_says_so():
    chart = indicator_spc(
        indicator=_indicator(spc_recalculate_from=_month(7)), series=series_of(STEADY)
    )
    assert len(chart.phases) == 1
    assert "once there are at least 2 figures" in chart.notes[0]


def test_a_baseline_sets_the_limits_of_its_own_phase_only():
    values = [11, 9, 11, 9, 14, 6] + [21, 19] * 3
    chart = indicator_spc(
        indicator=_indicator(
            spc_baseline_from=_month(0), spc_baseline_to=_month(3), spc_recalculate_from=_month(6)
        ),
        series=series_of(values),
    )
    first, second = chart.phases
    assert first.baseline == range(0, 4) and first.limits.mean == 10
    assert second.baseline_is_whole_phase and second.limits.mean == 20
    assert chart.notes == ()


def test_a_baseline_across_the_step_change_is_left_out_and_said():
    chart = indicator_spc(
        indicator=_indicator(
            spc_baseline_from=_month(0), spc_baseline_to=_month(9), spc_recalculate_from=_month(6)
        ),
        series=series_of([11, 9] * 3 + [21, 19] * 3),
    )
    assert all(phase.baseline_is_whole_phase for phase in chart.phases)
    assert chart.notes == (selectors.BASELINE_CROSSES_CHANGE,)


@pytest.mark.parametrize(
    ("polarity", "target", "assessment"),
    [
        (Polarity.UP, 3, TargetAssessment.RELIABLY_MEETS),
        (Polarity.UP, 20, TargetAssessment.RELIABLY_MISSES),
        (Polarity.UP, 10, TargetAssessment.HIT_AND_MISS),
        (Polarity.DOWN, 20, TargetAssessment.RELIABLY_MEETS),
        (Polarity.DOWN, 3, TargetAssessment.RELIABLY_MISSES),
    ],
)
def test_the_target_is_assessed_against_the_limits(polarity, target, assessment):
    # Limits 4.68 to 15.32.
    chart = indicator_spc(
        indicator=_indicator(polarity=polarity, target=target), series=series_of(STEADY)
    )
    assert chart.target_assessment == assessment
    assert chart.latest_phase.assessment_words == selectors.ASSESSMENT_WORDS[assessment]


def test_a_target_without_a_better_way_is_not_assessed():
    chart = indicator_spc(
        indicator=_indicator(polarity=Polarity.NONE, target=10), series=series_of(STEADY)
    )
    assert chart.target is None and chart.target_assessment is None


def test_moving_ranges_are_screened_when_the_indicator_asks():
    worked_example = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]
    screened = indicator_spc(
        indicator=_indicator(screen_moving_ranges=True), series=series_of(worked_example)
    )
    assert screened.phases[0].limits.upper_limit == pytest.approx(4.6, abs=0.01)


def test_one_figure_is_too_few_for_a_chart():
    chart = indicator_spc(indicator=_indicator(), series=series_of([4]))
    assert not chart.has_chart and chart.state is None
    assert chart.points[0].state is None
    assert chart.notes == (selectors.TOO_FEW_FIGURES.format(count=1),)


def test_levels_are_shown_with_the_unit_and_never_as_minus_zero():
    assert selectors.display_level(-0.04, Unit.PERCENTAGE) == "0.0%"
    assert selectors.display_level(1234.56, Unit.COUNT) == "1,234.6"
    assert selectors.display_level(12.25, Unit.DAYS) == "12.3 days"


@pytest.mark.django_db
def test_every_indicators_chart_comes_from_one_query():
    indicators = [IndicatorFactory(polarity=Polarity.UP) for _ in range(5)]
    for indicator in indicators:
        give_figures(indicator, SHIFTED)
    with CaptureQueriesContext(connection) as queries:
        charts = spc_for_indicators(indicators=indicators)
    assert len(queries.captured_queries) == 1
    assert {chart.state for chart in charts.values()} == {SpcState.IMPROVEMENT}

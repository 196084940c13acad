"""The XmR calculator: each "Making Data Count" rule on hand-made series, then properties."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from safeboard.scorecard.spc import xmr
from safeboard.scorecard.spc.xmr import (
    Classification,
    Direction,
    Polarity,
    ProcessLimits,
    Signal,
    TargetAssessment,
)

HIGH, LOW, NONE = Direction.HIGH, Direction.LOW, xmr.NO_DIRECTION
# NHSRplotthedots' worked example (DATA.md): one outlying point among alternating 1s and 2s.
WORKED_EXAMPLE = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]

properties = settings(database=None, deadline=None, max_examples=150)


def signals_of(chart: xmr.XmrChart) -> list[tuple[Signal, ...]]:
    return [point.signals for point in chart.points]


def positions_with(chart: xmr.XmrChart, signal: Signal) -> list[int]:
    return [point.index for point in chart.points if signal in point.signals]


# Limits.


def test_worked_example_has_the_documented_mean_and_limits_unscreened():
    chart = xmr.xmr_chart(WORKED_EXAMPLE)
    assert round(chart.mean, 2) == 1.94
    assert round(chart.lower_limit, 2) == -3.06
    assert round(chart.upper_limit, 2) == 6.95


def test_worked_example_has_the_documented_limits_with_moving_ranges_screened():
    chart = xmr.xmr_chart(WORKED_EXAMPLE, screen_moving_ranges=True)
    assert round(chart.mean, 2) == 1.94
    assert round(chart.lower_limit, 2) == -0.72
    assert round(chart.upper_limit, 2) == 4.60


def test_worked_example_flags_only_the_outlying_point():
    assert positions_with(xmr.xmr_chart(WORKED_EXAMPLE), Signal.OUTSIDE_LIMITS) == [4]
    assert [p.index for p in xmr.xmr_chart(WORKED_EXAMPLE).points if p.signals] == [4]


def test_limits_are_the_mean_plus_and_minus_2_66_average_moving_ranges():
    chart = xmr.xmr_chart([10, 14, 12, 18])  # moving ranges 4, 2, 6
    assert chart.mean == 13.5
    assert chart.amr == 4.0
    assert chart.upper_limit == pytest.approx(13.5 + 2.66 * 4)
    assert chart.lower_limit == pytest.approx(13.5 - 2.66 * 4)


def test_moving_ranges_are_absolute_differences_of_consecutive_points():
    assert xmr.moving_ranges([3, 1, 4, 4]) == (2, 3, 0)


def test_average_moving_range_screening_leaves_out_ranges_of_3_267_amr_or_more():
    # Ranges 1 (x 8) and 32: amr 40/9; 32 >= 3.267 x 40/9, so the screened amr is 1.
    values = [0, 1, 0, 1, 0, 1, 0, 1, 0, 32]
    assert xmr.average_moving_range(values) == pytest.approx(40 / 9)
    assert xmr.average_moving_range(values, screen=True) == 1.0


def test_average_moving_range_screening_keeps_a_range_just_below_3_267_amr():
    # Ranges 0 and 3.26: amr 1.63; 3.26 < 3.267 x 1.63, so nothing is screened.
    assert xmr.average_moving_range([0, 0, 3.26], screen=True) == pytest.approx(1.63)


def test_screening_a_constant_series_leaves_zero_amr():
    assert xmr.average_moving_range([5, 5, 5], screen=True) == 0


def test_constant_series_has_zero_width_limits_and_no_signal():
    chart = xmr.xmr_chart([7] * 12, polarity=Polarity.UP)
    assert chart.lower_limit == chart.mean == chart.upper_limit == 7
    assert all(point.signals == () for point in chart.points)


def test_baseline_sets_the_limits_from_a_slice_and_judges_every_point():
    chart = xmr.xmr_chart([1, 2, 1, 2, 30, 31], baseline_end=4)
    assert chart.mean == 1.5
    assert chart.amr == 1.0
    assert chart.baseline == range(0, 4)
    assert positions_with(chart, Signal.OUTSIDE_LIMITS) == [4, 5]


def test_baseline_can_start_later_in_the_series():
    chart = xmr.xmr_chart([100, 1, 2, 1, 2], baseline_start=1)
    assert chart.mean == 1.5
    assert positions_with(chart, Signal.OUTSIDE_LIMITS) == [0]


@pytest.mark.parametrize(("start", "end"), [(-1, None), (0, 1), (3, 3), (0, 7), (5, None), (2, 1)])
def test_baseline_must_hold_two_points_of_the_series(start, end):
    with pytest.raises(ValueError, match="baseline"):
        xmr.xmr_chart([1, 2, 3, 4, 5, 6], baseline_start=start, baseline_end=end)


@pytest.mark.parametrize("values", [[], [4.0]])
def test_a_chart_needs_at_least_two_points(values):
    with pytest.raises(ValueError, match="at least 2 points"):
        xmr.xmr_chart(values)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_a_chart_refuses_points_that_are_not_finite(bad):
    with pytest.raises(ValueError, match="Point 2 is not a finite number"):
        xmr.xmr_chart([1.0, bad, 3.0])


# outside_limits.

LIMITS = ProcessLimits(mean=0.0, amr=3.0)  # limits ±7.98, two-thirds lines ±5.32


def test_outside_limits_flags_points_strictly_beyond_either_limit():
    values = [8.0, -8.0, 7.0, -7.0, 0.0]
    assert xmr.outside_limits(values, LIMITS) == (HIGH, LOW, NONE, NONE, NONE)


def test_outside_limits_does_not_flag_a_point_on_a_limit():
    values = [LIMITS.upper_limit, LIMITS.lower_limit]
    assert xmr.outside_limits(values, LIMITS) == (NONE, NONE)


# shift.


def test_shift_flags_every_point_of_7_above_the_mean():
    assert xmr.shift([1, 1, 1, 1, 1, 1, 1], 0.0) == (HIGH,) * 7


def test_shift_ignores_6_points_above_the_mean():
    assert xmr.shift([1, 1, 1, 1, 1, 1, -1], 0.0) == (NONE,) * 7


def test_shift_flags_every_point_of_a_run_longer_than_7_below_the_mean():
    values = [1, -1, -2, -1, -3, -1, -1, -2, -1, 1]
    assert xmr.shift(values, 0.0) == (NONE, *(LOW,) * 8, NONE)


def test_shift_run_is_broken_by_a_point_equal_to_the_mean():
    assert xmr.shift([1, 1, 1, 0, 1, 1, 1, 1], 0.0) == (NONE,) * 8


def test_shift_run_is_broken_by_a_point_on_the_other_side():
    assert xmr.shift([1, 1, 1, 1, -1, 1, 1, 1, 1], 0.0) == (NONE,) * 9


def test_shift_in_a_chart_flags_the_step_change_on_both_sides():
    chart = xmr.xmr_chart([10] * 7 + [20] * 7)
    assert positions_with(chart, Signal.SHIFT) == list(range(14))


# trend.


def test_trend_flags_every_point_of_7_strictly_rising():
    assert xmr.trend([1, 2, 3, 4, 5, 6, 7]) == (HIGH,) * 7


def test_trend_flags_every_point_of_7_strictly_falling():
    assert xmr.trend([9, 3, 2, 1, 0, -5, -6, -6]) == (*(LOW,) * 7, NONE)


def test_trend_ignores_6_rising_points():
    assert xmr.trend([1, 2, 3, 4, 5, 6, 0]) == (NONE,) * 7


def test_trend_run_is_broken_by_equal_consecutive_values():
    assert xmr.trend([1, 2, 3, 3, 4, 5, 6, 7]) == (NONE,) * 8


def test_trend_flags_the_peak_of_a_rise_then_a_fall_both_ways():
    flags = xmr.trend([1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1])
    assert flags[:6] == (HIGH,) * 6
    assert flags[6] == HIGH | LOW
    assert flags[7:] == (LOW,) * 6


def test_trend_needs_no_side_of_the_mean():
    chart = xmr.xmr_chart([0, 1, 2, 3, 4, 5, 6, 100, 101, 102, 103])
    assert positions_with(chart, Signal.TREND) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]


# two_of_three.


def test_two_of_three_flags_two_beyond_the_upper_line_and_not_the_third():
    assert xmr.two_of_three([6, 0, 6], LIMITS) == (HIGH, NONE, HIGH)


def test_two_of_three_flags_three_beyond_the_lower_line():
    assert xmr.two_of_three([-6, -6, -6], LIMITS) == (LOW, LOW, LOW)


def test_two_of_three_counts_a_point_beyond_the_limit_as_beyond_the_line():
    assert xmr.two_of_three([9, 6, 0], LIMITS) == (HIGH, HIGH, NONE)


def test_two_of_three_ignores_two_beyond_lines_on_opposite_sides():
    assert xmr.two_of_three([6, 0, -6], LIMITS) == (NONE, NONE, NONE)


def test_two_of_three_ignores_two_beyond_the_line_four_points_apart():
    assert xmr.two_of_three([6, 0, 0, 6], LIMITS) == (NONE,) * 4


def test_two_of_three_ignores_points_on_the_line():
    line = LIMITS.upper_two_thirds_line
    assert xmr.two_of_three([line, line, line], LIMITS) == (NONE,) * 3


def test_two_of_three_ignores_a_series_of_two_points():
    assert xmr.two_of_three([6, 6], LIMITS) == (NONE, NONE)


# Classification and target.


@pytest.mark.parametrize(
    ("direction", "polarity", "expected"),
    [
        (HIGH, Polarity.UP, Classification.IMPROVEMENT),
        (LOW, Polarity.UP, Classification.CONCERN),
        (HIGH, Polarity.DOWN, Classification.CONCERN),
        (LOW, Polarity.DOWN, Classification.IMPROVEMENT),
        (HIGH, Polarity.NONE, Classification.NEITHER),
        (HIGH | LOW, Polarity.UP, Classification.NEITHER),
        (NONE, Polarity.UP, Classification.NEITHER),
    ],
)
def test_classify(direction, polarity, expected):
    assert xmr.classify(direction, polarity) == expected


def test_a_falling_trend_is_a_concern_when_higher_is_better():
    chart = xmr.xmr_chart([0, 10, 0, 10, 8, 7, 6, 5, 4, 3, 2], baseline_end=4, polarity=Polarity.UP)
    assert positions_with(chart, Signal.TREND) == list(range(3, 11))
    assert {point.classification for point in chart.points[3:]} == {Classification.CONCERN}


def test_a_point_below_the_lower_limit_is_an_improvement_when_lower_is_better():
    chart = xmr.xmr_chart([1, 2, 1, 2, 1, 2, -40, 2], baseline_end=6, polarity=Polarity.DOWN)
    assert chart.points[6].signals == (Signal.OUTSIDE_LIMITS,)
    assert chart.points[6].classification == Classification.IMPROVEMENT


ABOUT_50 = ProcessLimits(mean=50.0, amr=5.0)  # limits 36.7 and 63.3


@pytest.mark.parametrize(
    ("target", "polarity", "expected"),
    [
        (30, Polarity.UP, TargetAssessment.RELIABLY_MEETS),
        (70, Polarity.UP, TargetAssessment.RELIABLY_MISSES),
        (50, Polarity.UP, TargetAssessment.HIT_AND_MISS),
        (70, Polarity.DOWN, TargetAssessment.RELIABLY_MEETS),
        (30, Polarity.DOWN, TargetAssessment.RELIABLY_MISSES),
        (50, Polarity.DOWN, TargetAssessment.HIT_AND_MISS),
    ],
)
def test_assess_target(target, polarity, expected):
    assert xmr.assess_target(ABOUT_50, target, polarity) == expected


def test_assess_target_calls_a_target_on_a_limit_hit_and_miss():
    assert xmr.assess_target(ABOUT_50, ABOUT_50.lower_limit, Polarity.UP) == (
        TargetAssessment.HIT_AND_MISS
    )


def test_a_target_needs_a_polarity():
    with pytest.raises(ValueError, match=re.escape(xmr.TARGET_NEEDS_POLARITY)):
        xmr.xmr_chart([1, 2, 3], target=2)


def test_a_chart_with_a_target_says_whether_it_is_reliably_met():
    chart = xmr.xmr_chart([95, 96, 95, 97, 96], polarity=Polarity.UP, target=90)
    assert chart.target == 90
    assert chart.target_assessment == TargetAssessment.RELIABLY_MEETS


def test_a_chart_without_a_target_makes_no_assessment():
    assert xmr.xmr_chart([95, 96], polarity=Polarity.UP).target_assessment is None


# Recalculation after a known step change.


def test_recalculation_gives_each_phase_its_own_mean_and_limits():
    before, after = xmr.xmr_chart_phases([1, 2, 1, 2, 10, 11, 10, 11], recalculate_from=[4])
    assert (before.mean, after.mean) == (1.5, 10.5)
    assert before.baseline == range(0, 4)
    assert after.baseline == range(4, 8)
    assert [point.index for point in after.points] == [4, 5, 6, 7]
    assert not any(point.signals for point in before.points + after.points)


def test_recalculation_stops_runs_at_the_step_change():
    # Unsplit, the 7 low points then 7 high points are two shifts.
    values = [1, 2, 1, 2, 1, 2, 1, 9, 10, 9, 10, 9, 10, 9]
    assert positions_with(xmr.xmr_chart(values), Signal.SHIFT) == list(range(14))
    phases = xmr.xmr_chart_phases(values, recalculate_from=[7])
    assert [positions_with(phase, Signal.SHIFT) for phase in phases] == [[], []]


def test_recalculation_with_no_points_is_one_chart_of_the_whole_series():
    (chart,) = xmr.xmr_chart_phases(WORKED_EXAMPLE)
    assert chart == xmr.xmr_chart(WORKED_EXAMPLE)


@pytest.mark.parametrize("points", [[1], [5], [0], [2, 3], [6]])
def test_recalculation_leaves_at_least_two_points_in_every_phase(points):
    with pytest.raises(ValueError, match="Recalculation"):
        xmr.xmr_chart_phases([1, 2, 3, 4, 5, 6], recalculate_from=points)


# Properties.

whole_numbers = st.lists(st.integers(-40, 40), min_size=2, max_size=40)
random_walks = st.lists(st.integers(-3, 3), min_size=2, max_size=40).map(
    lambda steps: [sum(steps[: i + 1]) for i in range(len(steps))]
)
integer_series = st.one_of(whole_numbers, random_walks)
float_series = st.lists(
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False), min_size=2, max_size=40
)
polarities = st.sampled_from(list(Polarity))


def clear_of_the_lines(values: list[int]) -> bool:
    """No point lies (in exact arithmetic) on a limit or two-thirds line: float ties can flip."""
    mean = Fraction(sum(values), len(values))
    amr = Fraction(sum(abs(b - a) for a, b in zip(values, values[1:])), len(values) - 1)
    lines = [
        mean + sign * Fraction(factor) * amr
        for factor in (xmr.PROCESS_LIMIT_FACTOR, xmr.TWO_THIRDS_LINE_FACTOR)
        for sign in (1, -1)
    ]
    return all(abs(value - line) > Fraction(1, 10**6) for value in values for line in lines)


@properties
@given(values=integer_series, offset=st.integers(-10_000, 10_000))
def test_adding_a_constant_moves_mean_and_limits_by_it_and_keeps_the_signals(values, offset):
    assume(clear_of_the_lines(values))
    chart = xmr.xmr_chart(values)
    moved = xmr.xmr_chart([value + offset for value in values])
    assert moved.mean == pytest.approx(chart.mean + offset)
    assert moved.amr == chart.amr
    assert moved.lower_limit == pytest.approx(chart.lower_limit + offset)
    assert moved.upper_limit == pytest.approx(chart.upper_limit + offset)
    assert signals_of(moved) == signals_of(chart)


@properties
@given(values=integer_series, factor=st.integers(1, 1_000))
def test_scaling_by_a_positive_constant_keeps_the_signals(values, factor):
    assume(clear_of_the_lines(values))
    chart = xmr.xmr_chart(values)
    scaled = xmr.xmr_chart([value * factor for value in values])
    assert scaled.mean == pytest.approx(chart.mean * factor)
    assert signals_of(scaled) == signals_of(chart)


@properties
@given(values=float_series)
def test_reversing_polarity_swaps_improvement_and_concern(values):
    up = xmr.xmr_chart(values, polarity=Polarity.UP)
    down = xmr.xmr_chart(values, polarity=Polarity.DOWN)
    neither = xmr.xmr_chart(values, polarity=Polarity.NONE)
    swap = {
        Classification.IMPROVEMENT: Classification.CONCERN,
        Classification.CONCERN: Classification.IMPROVEMENT,
        Classification.NEITHER: Classification.NEITHER,
    }
    assert [swap[p.classification] for p in up.points] == [p.classification for p in down.points]
    assert {p.classification for p in neither.points} == {Classification.NEITHER}


@properties
@given(values=float_series)
def test_only_signalled_points_are_classified(values):
    chart = xmr.xmr_chart(values, polarity=Polarity.UP)
    for point in chart.points:
        if not point.signals:
            assert point.classification == Classification.NEITHER


@properties
@given(value=st.floats(-1e9, 1e9, allow_nan=False), count=st.integers(2, 40))
def test_a_constant_series_has_zero_width_limits_and_no_signal(value, count):
    chart = xmr.xmr_chart([value] * count)
    assert chart.lower_limit == chart.mean == chart.upper_limit
    assert all(point.signals == () for point in chart.points)


@properties
@given(
    before=st.lists(st.integers(-50, 50), max_size=15),
    start=st.integers(-50, 50),
    rises=st.lists(st.integers(1, 10), min_size=6, max_size=20),
    after=st.lists(st.integers(-50, 50), max_size=15),
    falling=st.booleans(),
)
def test_every_point_of_a_strictly_monotone_run_of_7_or_more_is_a_trend(
    before, start, rises, after, falling
):
    run = [start + sum(rises[:i]) for i in range(len(rises) + 1)]
    if falling:
        run.reverse()
    chart = xmr.xmr_chart(before + run + after)
    for point in chart.points[len(before) : len(before) + len(run)]:
        assert Signal.TREND in point.signals


@properties
@given(values=st.one_of(integer_series, float_series))
def test_each_rule_flags_exactly_the_points_its_definition_names(values):
    chart = xmr.xmr_chart(values)
    limits, count = chart.limits, len(values)

    def side(value, low, high):
        return 1 if value > high else -1 if value < low else 0

    def in_window(position, width, qualifies):
        first = max(0, position - width + 1)
        last = min(position, count - width)
        return any(qualifies(values[s : s + width], position - s) for s in range(first, last + 1))

    def one_side(window, _):
        sides = {side(value, chart.mean, chart.mean) for value in window}
        return sides in ({1}, {-1})

    def monotone(window, _):
        steps = {side(b, a, a) for a, b in zip(window, window[1:])}
        return steps in ({1}, {-1})

    def two_beyond_the_line(window, offset):
        sides = [
            side(value, limits.lower_two_thirds_line, limits.upper_two_thirds_line)
            for value in window
        ]
        return sides[offset] != 0 and sides.count(sides[offset]) >= 2

    expected = {
        Signal.OUTSIDE_LIMITS: [
            side(value, limits.lower_limit, limits.upper_limit) != 0 for value in values
        ],
        Signal.SHIFT: [in_window(i, 7, one_side) for i in range(count)],
        Signal.TREND: [in_window(i, 7, monotone) for i in range(count)],
        Signal.TWO_OF_THREE: [in_window(i, 3, two_beyond_the_line) for i in range(count)],
    }
    for signal, flagged in expected.items():
        assert [signal in point.signals for point in chart.points] == flagged, signal


@properties
@given(values=st.one_of(integer_series, float_series))
def test_reversing_time_keeps_the_limits_and_the_signals(values):
    chart = xmr.xmr_chart(values)
    backwards = xmr.xmr_chart(values[::-1])
    assert (backwards.mean, backwards.amr) == (chart.mean, chart.amr)
    assert signals_of(backwards) == signals_of(chart)[::-1]


@properties
@given(
    earlier=st.lists(st.integers(-40, 40), min_size=2, max_size=20),
    values=st.one_of(integer_series, float_series),
    polarity=polarities,
)
def test_a_phase_is_judged_the_same_wherever_it_sits_in_the_series(earlier, values, polarity):
    _, phase = xmr.xmr_chart_phases(
        earlier + values, recalculate_from=[len(earlier)], polarity=polarity
    )
    alone = xmr.xmr_chart(values, polarity=polarity)
    assert phase.limits == alone.limits
    assert [point.index - len(earlier) for point in phase.points] == [
        point.index for point in alone.points
    ]
    assert [(p.signals, p.classification) for p in phase.points] == [
        (p.signals, p.classification) for p in alone.points
    ]


@properties
@given(values=float_series, data=st.data())
def test_the_baseline_limits_are_those_of_the_baseline_alone(values, data):
    start = data.draw(st.integers(0, len(values) - 2), label="start")
    length = data.draw(st.integers(2, len(values) - start), label="length")
    chart = xmr.xmr_chart(values, baseline_start=start, baseline_end=start + length)
    assert chart.limits == xmr.xmr_chart(values[start : start + length]).limits


@properties
@given(values=st.one_of(integer_series, float_series), polarity=st.sampled_from(["up", "down"]))
def test_limits_never_cross_and_the_target_assessment_follows_them(values, polarity):
    chart = xmr.xmr_chart(values)
    assert chart.lower_limit <= chart.mean <= chart.upper_limit
    above = xmr.xmr_chart(values, polarity=Polarity(polarity), target=chart.upper_limit + 1)
    below = xmr.xmr_chart(values, polarity=Polarity(polarity), target=chart.lower_limit - 1)
    met, missed = TargetAssessment.RELIABLY_MEETS, TargetAssessment.RELIABLY_MISSES
    expected = (missed, met) if polarity == "up" else (met, missed)
    assert (above.target_assessment, below.target_assessment) == expected

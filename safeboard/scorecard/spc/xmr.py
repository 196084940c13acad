"""Statistical process control for scorecard indicators: XmR charts and special-cause rules.

The rules are those used across English public services:
- NHS England, "Making Data Count" (the Excel SPC tool and its guidance): the XmR limits,
  the four special-cause rules, improvement / concern by polarity, and target assurance.
- NHS-R Community, NHSRplotthedots: the optional screening of outlying moving ranges
  (`screen_moving_ranges`), off by default as in the Making Data Count tool. Its worked
  example: 1,2,1,2,10,1,2,1,2,1,2,1,2,1,2,1,2,1 has mean 1.94 and limits -3.06 / 6.95
  unscreened, -0.72 / 4.6 screened.

Values are compared as floats, never rounded here: rounding is for display.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

# 3 / d2 for moving ranges of two points (d2 = 1.128): mean ± 2.66 × amr is "3 sigma".
PROCESS_LIMIT_FACTOR = 2.66
# The two-of-three rule looks beyond the line two thirds of the way to each limit.
TWO_THIRDS_LINE_FACTOR = 2 / 3 * PROCESS_LIMIT_FACTOR
# D4 for moving ranges of two points: a larger moving range is itself a signal.
MOVING_RANGE_SCREEN_FACTOR = 3.267
# Shift and trend runs: 7 or more points.
RUN_LENGTH = 7

TOO_FEW_POINTS = "An XmR chart needs at least 2 points; got {count}."
NOT_FINITE = "Point {position} is not a finite number (NaN or infinity): {value!r}."
TARGET_NOT_FINITE = "The target is not a finite number: {target!r}."
TARGET_NEEDS_POLARITY = (
    "A target needs a polarity: say whether higher (up) or lower (down) is better."
)
BAD_BASELINE = (
    "The baseline must hold at least 2 points of the series of {count}: "
    "got positions {start} to {end} (counting from 0, end excluded)."
)
BAD_RECALCULATION = (
    "Recalculation points must leave at least 2 points in every phase of the series "
    "of {count}: got {points}."
)


class Polarity(enum.StrEnum):
    """Which way is better for an indicator."""

    UP = "up"  # higher is better
    DOWN = "down"  # lower is better
    NONE = "none"  # neither


class Signal(enum.StrEnum):
    """The special-cause rules, in the order a point's signals are listed."""

    OUTSIDE_LIMITS = "outside_limits"
    SHIFT = "shift"
    TREND = "trend"
    TWO_OF_THREE = "two_of_three"


class Classification(enum.StrEnum):
    IMPROVEMENT = "improvement"
    CONCERN = "concern"
    NEITHER = "neither"


class TargetAssessment(enum.StrEnum):
    RELIABLY_MEETS = "reliably_meets"
    RELIABLY_MISSES = "reliably_misses"
    HIT_AND_MISS = "hit_and_miss"


class Direction(enum.Flag):
    """Which way a signal points: high, low, both (the peak of a rise then a fall), or none."""

    HIGH = enum.auto()
    LOW = enum.auto()


NO_DIRECTION = Direction(0)


@dataclass(frozen=True)
class ProcessLimits:
    """The centre line and the lines around it, from a baseline's mean and amr."""

    mean: float
    amr: float

    @property
    def lower_limit(self) -> float:
        return self.mean - PROCESS_LIMIT_FACTOR * self.amr

    @property
    def upper_limit(self) -> float:
        return self.mean + PROCESS_LIMIT_FACTOR * self.amr

    @property
    def lower_two_thirds_line(self) -> float:
        return self.mean - TWO_THIRDS_LINE_FACTOR * self.amr

    @property
    def upper_two_thirds_line(self) -> float:
        return self.mean + TWO_THIRDS_LINE_FACTOR * self.amr


@dataclass(frozen=True)
class PointResult:
    index: int  # position in the whole series, counting from 0
    value: float
    signals: tuple[Signal, ...]
    classification: Classification


@dataclass(frozen=True)
class XmrChart:
    """One phase of a series: its limits (from `baseline`) and every point judged against them."""

    limits: ProcessLimits
    baseline: range  # positions in the whole series the limits were computed from
    polarity: Polarity
    points: tuple[PointResult, ...]
    target: float | None = None
    target_assessment: TargetAssessment | None = None

    @property
    def mean(self) -> float:
        return self.limits.mean

    @property
    def amr(self) -> float:
        return self.limits.amr

    @property
    def lower_limit(self) -> float:
        return self.limits.lower_limit

    @property
    def upper_limit(self) -> float:
        return self.limits.upper_limit


# The baseline: mean and average moving range.


def exact_mean(values: Sequence[float]) -> float:
    """The mean computed exactly, then rounded once.

    So a point equal to the mean compares equal (a constant series is its own mean, which
    a float sum divided by the count is not always), whatever the order of the points.
    """
    # Every float is a fraction over a power of two, and int / int is correctly rounded.
    ratios = [value.as_integer_ratio() for value in values]
    denominator = max(ratio_denominator for _, ratio_denominator in ratios)
    total = sum(
        numerator * (denominator // ratio_denominator) for numerator, ratio_denominator in ratios
    )
    return total / (denominator * len(values))


def moving_ranges(values: Sequence[float]) -> tuple[float, ...]:
    return tuple(abs(later - earlier) for earlier, later in pairwise(values))


def average_moving_range(values: Sequence[float], *, screen: bool = False) -> float:
    """The mean moving range; screened, moving ranges ≥ 3.267 × amr are left out (NHSRplotthedots)."""
    ranges = moving_ranges(values)
    amr = math.fsum(ranges) / len(ranges)
    if not screen or amr == 0:
        return amr
    kept = [
        moving_range for moving_range in ranges if moving_range < MOVING_RANGE_SCREEN_FACTOR * amr
    ]
    return math.fsum(kept) / len(kept)


def process_limits(
    baseline: Sequence[float], *, screen_moving_ranges: bool = False
) -> ProcessLimits:
    return ProcessLimits(
        mean=exact_mean(baseline),
        amr=average_moving_range(baseline, screen=screen_moving_ranges),
    )


# The special-cause rules. Each returns, per point, the direction of its signal (falsy if none).


def outside_limits(values: Sequence[float], limits: ProcessLimits) -> tuple[Direction, ...]:
    """A point strictly above the upper or strictly below the lower process limit."""
    return _beyond(values, lower=limits.lower_limit, upper=limits.upper_limit)


def shift(values: Sequence[float], mean: float) -> tuple[Direction, ...]:
    """7 or more consecutive points all strictly above, or all strictly below, the mean.

    A point equal to the mean breaks the run; every point of the run is flagged.
    """
    return _long_runs([_direction(value, mean) for value in values], RUN_LENGTH)


def trend(values: Sequence[float]) -> tuple[Direction, ...]:
    """7 or more consecutive points, each strictly higher than the one before (or each lower).

    Equal consecutive values break the run; every point of the run is flagged. A point where
    a rising run meets a falling one belongs to both.
    """
    steps = [_direction(later, earlier) for earlier, later in pairwise(values)]
    step_runs = _long_runs(steps, RUN_LENGTH - 1)
    flags = [NO_DIRECTION] * len(values)
    for position, direction in enumerate(step_runs):
        if direction:
            flags[position] |= direction
            flags[position + 1] |= direction
    return tuple(flags)


def two_of_three(values: Sequence[float], limits: ProcessLimits) -> tuple[Direction, ...]:
    """In any 3 consecutive points, 2 or 3 strictly beyond the two-thirds line on the same side.

    The line is mean ± (2/3) × 2.66 × amr; a point beyond the limit is beyond the line too.
    Only the points beyond the line are flagged.
    """
    beyond = _beyond(values, lower=limits.lower_two_thirds_line, upper=limits.upper_two_thirds_line)
    flags = [NO_DIRECTION] * len(values)
    for start in range(len(values) - 2):
        window = beyond[start : start + 3]
        for side in (Direction.HIGH, Direction.LOW):
            if window.count(side) >= 2:
                for position in range(start, start + 3):
                    if beyond[position] == side:
                        flags[position] = side
    return tuple(flags)


def _direction(value: float, reference: float) -> Direction:
    if value > reference:
        return Direction.HIGH
    if value < reference:
        return Direction.LOW
    return NO_DIRECTION


def _beyond(values: Sequence[float], *, lower: float, upper: float) -> tuple[Direction, ...]:
    return tuple(
        Direction.HIGH if value > upper else Direction.LOW if value < lower else NO_DIRECTION
        for value in values
    )


def _long_runs(directions: Sequence[Direction], length: int) -> tuple[Direction, ...]:
    """Keep the directions that belong to a run of `length` or more equal ones."""
    flags = [NO_DIRECTION] * len(directions)
    start = 0
    for end in range(1, len(directions) + 1):
        if end == len(directions) or directions[end] != directions[start]:
            if directions[start] and end - start >= length:
                flags[start:end] = directions[start:end]
            start = end
    return tuple(flags)


# Judging signals and targets.


def classify(direction: Direction, polarity: Polarity) -> Classification:
    """Improvement if the signals point the better way, concern if the worse way.

    Neither when the indicator has no polarity, the point has no signal, or its signals point
    both ways (say, a fall while still above the mean).
    """
    if polarity is Polarity.NONE or direction not in (Direction.HIGH, Direction.LOW):
        return Classification.NEITHER
    better = Direction.HIGH if polarity is Polarity.UP else Direction.LOW
    return Classification.IMPROVEMENT if direction == better else Classification.CONCERN


def assess_target(limits: ProcessLimits, target: float, polarity: Polarity) -> TargetAssessment:
    """Reliably met when the whole band between the limits is on the better side of the target.

    As in NHSRplotthedots, a target equal to a limit lies within the band: hit and miss.
    """
    if polarity is Polarity.NONE:
        raise ValueError(TARGET_NEEDS_POLARITY)
    if limits.upper_limit < target:
        below = True
    elif limits.lower_limit > target:
        below = False
    else:
        return TargetAssessment.HIT_AND_MISS
    if below == (polarity is Polarity.DOWN):
        return TargetAssessment.RELIABLY_MEETS
    return TargetAssessment.RELIABLY_MISSES


# Charts.


def xmr_chart(
    values: Sequence[float],
    *,
    polarity: Polarity = Polarity.NONE,
    target: float | None = None,
    baseline_start: int = 0,
    baseline_end: int | None = None,
    screen_moving_ranges: bool = False,
) -> XmrChart:
    """The XmR chart of a series, its limits from points baseline_start to baseline_end.

    The baseline is a slice (end excluded) and defaults to every point.
    """
    series = _checked_series(values)
    end = len(series) if baseline_end is None else baseline_end
    if not (baseline_start >= 0 and end <= len(series) and end - baseline_start >= 2):
        raise ValueError(BAD_BASELINE.format(count=len(series), start=baseline_start, end=end))
    return _chart(
        series,
        first_index=0,
        baseline=range(baseline_start, end),
        polarity=polarity,
        target=_checked_target(target, polarity),
        screen_moving_ranges=screen_moving_ranges,
    )


def xmr_chart_phases(
    values: Sequence[float],
    *,
    recalculate_from: Iterable[int] = (),
    polarity: Polarity = Polarity.NONE,
    target: float | None = None,
    screen_moving_ranges: bool = False,
) -> tuple[XmrChart, ...]:
    """The series split at each known step change, every phase with its own mean and limits.

    The rules look within a phase only: a run does not carry across a recalculation.
    """
    series = _checked_series(values)
    breaks = sorted(set(recalculate_from))
    bounds = [0, *breaks, len(series)]
    if any(end - start < 2 for start, end in pairwise(bounds)):
        raise ValueError(BAD_RECALCULATION.format(count=len(series), points=breaks))
    checked_target = _checked_target(target, polarity)
    return tuple(
        _chart(
            series[start:end],
            first_index=start,
            baseline=range(start, end),
            polarity=polarity,
            target=checked_target,
            screen_moving_ranges=screen_moving_ranges,
        )
        for start, end in pairwise(bounds)
    )


def _chart(
    values: tuple[float, ...],
    *,
    first_index: int,
    baseline: range,
    polarity: Polarity,
    target: float | None,
    screen_moving_ranges: bool,
) -> XmrChart:
    limits = process_limits(
        values[baseline.start - first_index : baseline.stop - first_index],
        screen_moving_ranges=screen_moving_ranges,
    )
    flags = {
        Signal.OUTSIDE_LIMITS: outside_limits(values, limits),
        Signal.SHIFT: shift(values, limits.mean),
        Signal.TREND: trend(values),
        Signal.TWO_OF_THREE: two_of_three(values, limits),
    }
    points = []
    for position, value in enumerate(values):
        signals = tuple(signal for signal, directions in flags.items() if directions[position])
        direction = NO_DIRECTION
        for signal in signals:
            direction |= flags[signal][position]
        points.append(
            PointResult(
                index=first_index + position,
                value=value,
                signals=signals,
                classification=classify(direction, polarity),
            )
        )
    return XmrChart(
        limits=limits,
        baseline=baseline,
        polarity=polarity,
        points=tuple(points),
        target=target,
        target_assessment=None if target is None else assess_target(limits, target, polarity),
    )


def _checked_series(values: Sequence[float]) -> tuple[float, ...]:
    if len(values) < 2:
        raise ValueError(TOO_FEW_POINTS.format(count=len(values)))
    series = tuple(float(value) for value in values)
    for position, value in enumerate(series, start=1):
        if not math.isfinite(value):
            raise ValueError(NOT_FINITE.format(position=position, value=value))
    return series


def _checked_target(target: float | None, polarity: Polarity) -> float | None:
    if target is None:
        return None
    if not math.isfinite(target):
        raise ValueError(TARGET_NOT_FINITE.format(target=target))
    if polarity is Polarity.NONE:
        raise ValueError(TARGET_NEEDS_POLARITY)
    return float(target)

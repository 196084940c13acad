"""Each indicator's XmR chart, read from its figures in period order.

The calculator (xmr.py) works on bare numbers; this module gives it an indicator's series
with the analyst's choices: the baseline the limits come from (`spc_baseline_from` to
`spc_baseline_to`, by default every figure), a known step change from which the limits start
afresh (`spc_recalculate_from`), the screening of large moving ranges, the polarity and the
target. It then says, in words, what each point and the latest figure show.

A baseline lies within one phase: it sets the limits of the phase it falls in, and every
other phase takes its limits from all of its own points. A choice that the figures cannot
honour yet (a step change with fewer than 2 figures on one side, a baseline of fewer than 2
figures) is left out, and `notes` says so, rather than failing the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

from django.db import models
from django.utils.dateformat import format as format_date

from .. import selectors
from ..models import Indicator
from ..periods import PeriodKey
from ..selectors import SeriesPoint
from ..values import UNIT_DISPLAY_PLACES, UNIT_SUFFIXES, Unit
from . import xmr
from .xmr import Classification, ProcessLimits, Signal, TargetAssessment

TOO_FEW_FIGURES = "A chart needs at least 2 figures; this indicator has {count}."
BASELINE_TOO_SHORT = (
    "The baseline chosen ({first} to {last}) holds fewer than 2 figures, so the limits come "
    "from every figure."
)
BASELINE_CROSSES_CHANGE = (
    "The baseline chosen crosses the step change, so each phase takes its limits from all "
    "of its figures."
)
CHANGE_NOT_YET_APPLIED = (
    "The limits will be recalculated from {period} once there are at least 2 figures "
    "before it and 2 from it."
)


class SpcState(models.TextChoices):
    """What a point shows, in the words of "Making Data Count"."""

    COMMON_CAUSE = "common_cause", "Common cause variation"
    IMPROVEMENT = "improvement", "Special cause improvement"
    CONCERN = "concern", "Special cause concern"
    NEITHER = "neither", "Special cause variation, neither better nor worse"


# Short words for a tag, and the GOV.UK tag colour: colour is never the only signal.
STATE_TAGS = {
    SpcState.COMMON_CAUSE: ("Common cause", "govuk-tag--grey"),
    SpcState.IMPROVEMENT: ("Improvement", ""),  # GOV.UK's default tag is blue
    SpcState.CONCERN: ("Concern", "govuk-tag--orange"),
    SpcState.NEITHER: ("Special cause", "govuk-tag--purple"),
}

SIGNAL_WORDS = {
    Signal.OUTSIDE_LIMITS: "outside the process limits",
    Signal.SHIFT: "a run of 7 or more on one side of the mean",
    Signal.TREND: "7 or more rising or falling in a row",
    Signal.TWO_OF_THREE: "2 of 3 beyond the two-thirds line",
}

ASSESSMENT_WORDS = {
    TargetAssessment.RELIABLY_MEETS: "Reliably meets the target",
    TargetAssessment.RELIABLY_MISSES: "Reliably misses the target",
    TargetAssessment.HIT_AND_MISS: "Hit and miss: sometimes meets the target",
}


def state_of(point_signals: Sequence[Signal], classification: Classification) -> SpcState:
    if not point_signals:
        return SpcState.COMMON_CAUSE
    return SpcState(classification.value)


def display_level(value: float, unit: str) -> str:
    """A mean or a limit for reading: one place more than a count needs, with the unit."""
    places = max(UNIT_DISPLAY_PLACES[Unit(unit)], 1)
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # never "-0.0"
    return f"{rounded:,}{UNIT_SUFFIXES[Unit(unit)]}"


@dataclass(frozen=True)
class SpcPoint:
    period: PeriodKey
    value: Decimal
    phase: int  # position of its phase, counting from 0
    signals: tuple[Signal, ...] = ()
    classification: Classification = Classification.NEITHER
    charted: bool = True  # False when there are too few figures for a chart

    @property
    def state(self) -> SpcState | None:
        return state_of(self.signals, self.classification) if self.charted else None

    @property
    def signal_words(self) -> str:
        return "; ".join(SIGNAL_WORDS[signal] for signal in self.signals)

    @property
    def tag_words(self) -> str:
        return STATE_TAGS[self.state][0] if self.state else ""

    @property
    def tag_class(self) -> str:
        return STATE_TAGS[self.state][1] if self.state else ""


@dataclass(frozen=True)
class SpcPhase:
    """A stretch of the series with one set of limits."""

    start: int  # positions in the series, end excluded
    stop: int
    baseline: range  # positions the limits come from
    limits: ProcessLimits
    periods: tuple[PeriodKey, ...]  # of the whole series
    target_assessment: TargetAssessment | None
    unit: str = Unit.COUNT

    @property
    def first(self) -> PeriodKey:
        return self.periods[self.start]

    @property
    def last(self) -> PeriodKey:
        return self.periods[self.stop - 1]

    @property
    def baseline_first(self) -> PeriodKey:
        return self.periods[self.baseline.start]

    @property
    def baseline_last(self) -> PeriodKey:
        return self.periods[self.baseline.stop - 1]

    @property
    def baseline_is_whole_phase(self) -> bool:
        return self.baseline == range(self.start, self.stop)

    @property
    def assessment_words(self) -> str:
        return ASSESSMENT_WORDS[self.target_assessment] if self.target_assessment else ""

    @property
    def mean_display(self) -> str:
        return display_level(self.limits.mean, self.unit)

    @property
    def lower_display(self) -> str:
        return display_level(self.limits.lower_limit, self.unit)

    @property
    def upper_display(self) -> str:
        return display_level(self.limits.upper_limit, self.unit)


@dataclass(frozen=True)
class IndicatorSpc:
    indicator: Indicator
    points: tuple[SpcPoint, ...]
    phases: tuple[SpcPhase, ...]  # empty when there are too few figures
    target: float | None
    notes: tuple[str, ...] = ()

    @property
    def has_chart(self) -> bool:
        return bool(self.phases)

    @property
    def latest(self) -> SpcPoint | None:
        return self.points[-1] if self.points else None

    @property
    def latest_display(self) -> str:
        return self.indicator.display(self.latest.value) if self.latest else ""

    @property
    def state(self) -> SpcState | None:
        """The latest figure's state; None without a chart."""
        return self.latest.state if self.has_chart and self.latest else None

    @property
    def latest_phase(self) -> SpcPhase | None:
        return self.phases[-1] if self.phases else None

    @property
    def direction(self) -> str:
        """Whether the latest figure is above or below its phase's mean: "higher" or "lower"."""
        phase, latest = self.latest_phase, self.latest
        if phase is None or latest is None or float(latest.value) == phase.limits.mean:
            return ""
        return "higher" if float(latest.value) > phase.limits.mean else "lower"

    @property
    def target_assessment(self) -> TargetAssessment | None:
        return self.latest_phase.target_assessment if self.latest_phase else None

    @property
    def recalculated(self) -> bool:
        return len(self.phases) > 1

    def level(self, value: float) -> str:
        return display_level(value, self.indicator.unit)


# Building one indicator's chart.


def indicator_spc(*, indicator: Indicator, series: Sequence[SeriesPoint]) -> IndicatorSpc:
    """The XmR chart of an indicator's series (oldest first), with its choices honoured."""
    periods = tuple(point.period for point in series)
    if len(series) < 2:
        return IndicatorSpc(
            indicator=indicator,
            points=tuple(
                SpcPoint(point.period, point.value, phase=0, charted=False) for point in series
            ),
            phases=(),
            target=None,
            notes=(TOO_FEW_FIGURES.format(count=len(series)),),
        )
    values = [float(point.value) for point in series]
    polarity = xmr.Polarity(indicator.polarity)
    # A target needs a direction to be met or missed; without one the chart ignores it.
    target = (
        float(indicator.target)
        if indicator.target is not None and polarity is not xmr.Polarity.NONE
        else None
    )
    notes: list[str] = []
    breaks = _recalculation(indicator, periods, notes)
    bounds = [0, *breaks, len(values)]
    baseline = _baseline(indicator, periods, bounds, notes)
    options = {
        "polarity": polarity,
        "target": target,
        "screen_moving_ranges": indicator.screen_moving_ranges,
    }
    charts = xmr.xmr_chart_phases(values, recalculate_from=breaks, **options)
    phases, points = [], []
    for number, (chart, (start, stop)) in enumerate(zip(charts, pairwise(bounds), strict=True)):
        phase_baseline = range(start, stop)
        if baseline is not None and start <= baseline.start and baseline.stop <= stop:
            phase_baseline = baseline
            chart = xmr.xmr_chart(
                values[start:stop],
                baseline_start=baseline.start - start,
                baseline_end=baseline.stop - start,
                **options,
            )
        phases.append(
            SpcPhase(
                start=start,
                stop=stop,
                baseline=phase_baseline,
                limits=chart.limits,
                periods=periods,
                target_assessment=chart.target_assessment,
                unit=indicator.unit,
            )
        )
        points += [
            SpcPoint(
                period=periods[start + offset],
                value=series[start + offset].value,
                phase=number,
                signals=result.signals,
                classification=result.classification,
            )
            for offset, result in enumerate(chart.points)
        ]
    return IndicatorSpc(
        indicator=indicator,
        points=tuple(points),
        phases=tuple(phases),
        target=target,
        notes=tuple(notes),
    )


def _first_at_or_after(periods: Sequence[PeriodKey], day) -> int:
    return next(
        (position for position, period in enumerate(periods) if period.starts_on >= day),
        len(periods),
    )


def _recalculation(indicator: Indicator, periods: Sequence[PeriodKey], notes: list) -> list[int]:
    """The position the limits start afresh from, if the figures allow it yet."""
    day = indicator.spc_recalculate_from
    if day is None:
        return []
    position = _first_at_or_after(periods, day)
    if position == 0:
        return []  # a change before the first figure: one phase, as without it
    if position < 2 or len(periods) - position < 2:
        notes.append(CHANGE_NOT_YET_APPLIED.format(period=_month(day)))
        return []
    return [position]


def _baseline(
    indicator: Indicator, periods: Sequence[PeriodKey], bounds: Sequence[int], notes: list
) -> range | None:
    """The positions of the chosen baseline, or None for the default (each whole phase)."""
    first_day, last_day = indicator.spc_baseline_from, indicator.spc_baseline_to
    if first_day is None and last_day is None:
        return None
    start = 0 if first_day is None else _first_at_or_after(periods, first_day)
    stop = (
        len(periods)
        if last_day is None
        else sum(1 for period in periods if period.starts_on <= last_day)
    )
    if stop - start < 2:
        notes.append(
            BASELINE_TOO_SHORT.format(
                first=_month(first_day) if first_day else "the first figure",
                last=_month(last_day) if last_day else "the latest figure",
            )
        )
        return None
    if not any(low <= start and stop <= high for low, high in pairwise(bounds)):
        notes.append(BASELINE_CROSSES_CHANGE)
        return None
    return range(start, stop)


def _month(day) -> str:
    return format_date(day, "F Y")


# Every indicator at once.


def spc_for_indicators(
    *, indicators: Iterable[Indicator], series: dict[int, list[SeriesPoint]] | None = None
) -> dict[int, IndicatorSpc]:
    """Every indicator's chart from one query of their series: {indicator id: chart}.

    Pass `series` (from selectors.series_for_indicators) when the caller already holds it.
    """
    indicators = list(indicators)
    if series is None:
        series = selectors.series_for_indicators(
            indicator_ids=[indicator.pk for indicator in indicators]
        )
    return {
        indicator.pk: indicator_spc(indicator=indicator, series=series.get(indicator.pk, []))
        for indicator in indicators
    }


def series_from_figures(figures: Iterable) -> list[SeriesPoint]:
    """An indicator's series from its figures already read (each with its period), oldest first."""
    points = [
        SeriesPoint(figure.period.key, figure.value, figure.revision_count) for figure in figures
    ]
    return sorted(points, key=lambda point: point.period.starts_on)

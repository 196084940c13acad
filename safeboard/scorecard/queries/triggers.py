"""What a new figure shows that its owning agency must explain: the scorecard's own queries.

When does the scorecard ask?
- Only about a figure that has just come in or changed, and only when its period is the
  indicator's latest: that is the figure the board is reviewing. A late figure for a gap,
  or a correction of an old month, redraws the chart but is not news about the present, so
  it opens nothing (and loading history in bulk does not fill the log with old questions).
- Concern: the latest point carries a special-cause signal in the worse direction (either
  direction when neither way is better). One excursion is asked about once: not when a
  concern query already covers a point of the run of such points that the latest one ends
  (a shift of ten months is one change, not four).
- Target missed: the latest figure is on the worse side of the target, beyond the tolerance
  if one is set, unless the indicator's query about an earlier miss is still unanswered or
  unjudged: its answer covers the continuing shortfall.
- Never twice: at most one automatic query per indicator, period and trigger (a unique
  constraint), checked before creating, so a re-import or a second recording opens nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..models import Indicator, Polarity, QueryTrigger
from ..periods import Frequency, PeriodKey
from ..selectors import SeriesPoint
from ..spc.selectors import IndicatorSpc, SpcPoint, indicator_spc
from ..spc.xmr import Classification, ProcessLimits, Signal

CONCERN_QUESTION_END = "What explains the change?"
TARGET_QUESTION_END = "What explains the shortfall, and what is being done about it?"

_UNITS = {Frequency.MONTHLY: "months", Frequency.QUARTERLY: "quarters", Frequency.ANNUAL: "years"}


@dataclass(frozen=True)
class Finding:
    """A reason to ask the owning agency about an indicator's latest period."""

    trigger: str
    signals: tuple[Signal, ...]
    question: str


def signals_to_ask_about(indicator: Indicator, point: SpcPoint) -> tuple[Signal, ...]:
    """A charted point's special-cause signals that need explaining, if any.

    Those in the worse direction (a concern); with no better direction (polarity "none"), a
    change either way needs explaining, so any signal counts.
    """
    if not point.charted or not point.signals:
        return ()
    if indicator.polarity == Polarity.NONE or point.classification is Classification.CONCERN:
        return point.signals
    return ()


def excursion(indicator: Indicator, chart: IndicatorSpc) -> list[PeriodKey]:
    """The latest point and the run of points just before it that also need explaining.

    Within the latest phase of the chart: a known step change starts the limits afresh.
    """
    phase = chart.latest_phase
    if phase is None:
        return []
    periods = []
    for point in reversed(chart.points[phase.start : phase.stop]):
        if not signals_to_ask_about(indicator, point):
            break
        periods.append(point.period)
    return periods


def misses_target(indicator: Indicator, value: Decimal) -> bool:
    """The figure is on the worse side of the target, by more than the tolerance if set."""
    if indicator.target is None or indicator.polarity == Polarity.NONE:
        return False
    tolerance = indicator.tolerance or Decimal(0)
    if indicator.polarity == Polarity.UP:
        return value < indicator.target - tolerance
    return value > indicator.target + tolerance


def _run_length(values: Sequence[float], matches) -> int:
    """How many points, counting back from the latest, satisfy `matches(position)`."""
    count = 0
    for position in range(len(values) - 1, -1, -1):
        if not matches(position):
            break
        count += 1
    return count


def _signal_clause(
    signal: Signal, values: Sequence[float], limits: ProcessLimits, label: str, units: str
) -> str:
    """One signal of the latest point, in plain English, with the way it points.

    `label` names the latest period ("October 2026"); empty, the clause says "the last".
    """

    def span(count: int, of: int | None = None) -> str:
        """ "each of the 7 months up to October 2026", or "2 of the last 3 months"."""
        counted = f"{count} of the" if of else "each of the"
        number = of or count
        period = f"{number} {units} up to {label}" if label else f"last {number} {units}"
        return f"{counted} {period}"

    latest = values[-1]
    if signal is Signal.OUTSIDE_LIMITS:
        side = "rose above the upper" if latest > limits.upper_limit else "fell below the lower"
        return f"{side} process limit" + (f" in {label}" if label else "")
    if signal is Signal.SHIFT:
        above = latest > limits.mean
        run = _run_length(
            values, lambda i: values[i] > limits.mean if above else values[i] < limits.mean
        )
        return f"has been {'above' if above else 'below'} its average in {span(run)}"
    if signal is Signal.TREND:
        rising = len(values) > 1 and latest > values[-2]
        steps = _run_length(
            values[1:],
            lambda i: (values[i + 1] > values[i]) if rising else (values[i + 1] < values[i]),
        )
        return f"has {'risen' if rising else 'fallen'} in {span(steps)}"
    side = "upper" if latest > limits.mean else "lower"
    return f"was close to the {side} process limit in {span(2, of=3)}"


def concern_question(indicator: Indicator, chart: IndicatorSpc, signals: Sequence[Signal]) -> str:
    """ "Re-referrals within 12 months rose above the upper process limit in October 2026. ..."

    The period is named once, in the first clause. Beyond the limit, "close to the limit"
    (two of three) says nothing more, so it is not worded (the signals field keeps it).
    """
    latest, phase = chart.latest, chart.latest_phase
    assert latest is not None and phase is not None
    values = [float(point.value) for point in chart.points[phase.start : phase.stop]]
    units = _UNITS[Frequency(indicator.frequency)]
    worded = [
        signal
        for signal in signals
        if not (signal is Signal.TWO_OF_THREE and Signal.OUTSIDE_LIMITS in signals)
    ]
    clauses = [
        _signal_clause(signal, values, phase.limits, latest.period.label if i == 0 else "", units)
        for i, signal in enumerate(worded)
    ]
    joined = clauses[-1]
    if len(clauses) > 1:
        joined = ", ".join(clauses[:-1]) + (", and " if len(clauses) > 2 else " and ") + joined
    limits = phase.limits
    context = (
        f"The figure was {indicator.display(latest.value)}; its process limits are "
        f"{chart.level(max(limits.lower_limit, 0.0))} to {chart.level(limits.upper_limit)} "
        f"around an average of {chart.level(limits.mean)}."
    )
    return f"{indicator.name} {joined}. {context} {CONCERN_QUESTION_END}"


def target_question(indicator: Indicator, value: Decimal, label: str) -> str:
    side = "below" if indicator.polarity == Polarity.UP else "above"
    target = indicator.display(indicator.target)
    miss = f"{side} its target of {target}"
    if indicator.tolerance:
        miss += f" by more than its tolerance of {indicator.display(indicator.tolerance)}"
    return (
        f"{indicator.name} was {indicator.display(value)} in {label}, {miss}. {TARGET_QUESTION_END}"
    )


def findings_for_latest_point(
    indicator: Indicator,
    series: Sequence[SeriesPoint],
    *,
    asked_about: Collection[datetime.date] = (),
    earlier_miss_unresolved: bool = False,
) -> list[Finding]:
    """What the latest point of an indicator's series (oldest first) needs asking about.

    `asked_about`: the first days of the periods that already have a concern query, so that
    one excursion (a run of points of concern, such as a shift) is asked about once.
    `earlier_miss_unresolved`: a query about an earlier miss of the target still waits for
    its answer or its judgement.
    """
    if not series:
        return []
    findings = []
    chart = indicator_spc(indicator=indicator, series=series)
    latest = chart.latest
    signals = signals_to_ask_about(indicator, latest) if latest and chart.has_chart else ()
    run = excursion(indicator, chart) if signals else []
    if signals and not any(period.starts_on in asked_about for period in run):
        question = concern_question(indicator, chart, signals)
        findings.append(Finding(QueryTrigger.CONCERN, signals, question))
    point = series[-1]
    if misses_target(indicator, point.value) and not earlier_miss_unresolved:
        question = target_question(indicator, point.value, point.period.label)
        findings.append(Finding(QueryTrigger.TARGET_MISSED, (), question))
    return findings

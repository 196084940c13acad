"""How a claim of impact is judged against SafeBoard's own data (../shared/DATA.md,
"Evidence of impact: how a claim is judged"). Verdicts are computed each time, never stored.

Pure functions: each takes the figures of one claim (gathered by verdicts.py) and returns its
verdict with the figures behind it, so the rules can be tested on hand-made series.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field

from safeboard.scorecard.spc import xmr
from safeboard.scorecard.spc.selectors import SIGNAL_WORDS, display_level
from safeboard.scorecard.spc.xmr import Classification, Polarity, ProcessLimits, Signal

# An indicator claim's limits come from the before run alone, and need this many points.
MIN_BASELINE_POINTS = 6
# A re-audit question answered for fewer cases than this, in either round, is a small sample.
SMALL_SAMPLE_CASES = 5


class Standing(enum.StrEnum):
    """Where a claim stands once judged; the chain and the scrutiny list group by it."""

    SUPPORTED = "supported"
    NOT_SUPPORTED = "not_supported"
    NOT_ENOUGH_DATA = "not_enough_data"
    SIGNIFICANT_CHANGE = "significant_change"  # an indicator with no preferred direction
    SELF_REPORTED = "self_reported"  # training follow-up: reported, not measured
    STORY = "story"


@dataclass(frozen=True)
class Verdict:
    standing: Standing
    label: str  # e.g. "supported: special-cause improvement", "not supported: moved the wrong way"
    # The figures behind the verdict, as lines a reader can check ("Before: 6 periods, mean 4.8%").
    details: tuple[str, ...] = field(default_factory=tuple)


# The labels, in DATA.md's words.
NOT_ENOUGH_DATA = "not enough data to judge"
IMPROVEMENT = "supported: special-cause improvement"
CONCERN = "not supported: special-cause concern"
NO_CHANGE = "not supported: no significant change"
SIGNIFICANT_CHANGE = "a significant change"
WRONG_WAY = "not supported: moved the wrong way"
STORY_NOT_MEASURED = "story: not measured"
STORY_NOT_CHECKED = "story: not checked against data"


# Indicator change.


def judge_indicator(
    before: Sequence[float],
    after: Sequence[float],
    *,
    polarity: Polarity | str,
    unit: str = "count",
    screen_moving_ranges: bool = False,
    before_span: str = "",
    after_span: str = "",
) -> Verdict:
    """The after run tested against the before run's XmR limits, by the indicator's polarity.

    `before` and `after` are the figures held for each run's periods, in period order (a
    period without a figure is simply absent); the spans name the runs' periods for reading.
    """
    polarity = Polarity(polarity)
    before = [float(value) for value in before]
    after = [float(value) for value in after]

    def level(value: float) -> str:
        return display_level(value, unit)

    before_line = _run_line("Before", before_span, len(before))
    after_line = _run_line("After", after_span, len(after))
    if not before or not after:
        missing = "before" if not before else "after"
        return Verdict(
            Standing.NOT_ENOUGH_DATA,
            NOT_ENOUGH_DATA,
            (f"{before_line}.", f"{after_line}.", f"There are no figures {missing} the change."),
        )
    before_mean, after_mean = xmr.exact_mean(before), xmr.exact_mean(after)
    worse = polarity is not Polarity.NONE and (
        after_mean < before_mean if polarity is Polarity.UP else after_mean > before_mean
    )
    if len(before) < MIN_BASELINE_POINTS:
        details = (
            f"{before_line}, mean {level(before_mean)}: too few for process limits, which "
            f"need at least {MIN_BASELINE_POINTS}.",
            f"{after_line}, mean {level(after_mean)}.",
        )
        # Even without limits, a short series is checked for moving the wrong way.
        if worse:
            return Verdict(Standing.NOT_SUPPORTED, WRONG_WAY, details)
        return Verdict(Standing.NOT_ENOUGH_DATA, NOT_ENOUGH_DATA, details)
    limits = xmr.process_limits(before, screen_moving_ranges=screen_moving_ranges)
    signals = after_signals(after, limits, polarity)
    details = (
        f"{before_line}, mean {level(limits.mean)}, process limits "
        f"{level(limits.lower_limit)} to {level(limits.upper_limit)}.",
        f"{after_line}, mean {level(after_mean)}.",
        _signal_line(signals, len(after)),
    )
    if polarity is Polarity.NONE:
        if signals:
            return Verdict(Standing.SIGNIFICANT_CHANGE, SIGNIFICANT_CHANGE, details)
        return Verdict(Standing.NOT_SUPPORTED, NO_CHANGE, details)
    if worse:
        return Verdict(Standing.NOT_SUPPORTED, WRONG_WAY, details)
    better = after_mean > before_mean if polarity is Polarity.UP else after_mean < before_mean
    classifications = {classification for _, classification in signals.values()}
    # An improvement must move the level: an after run level with the before mean has not
    # improved, whatever a single point does.
    if Classification.IMPROVEMENT in classifications and better:
        return Verdict(Standing.SUPPORTED, IMPROVEMENT, details)
    if Classification.CONCERN in classifications:
        return Verdict(Standing.NOT_SUPPORTED, CONCERN, details)
    return Verdict(Standing.NOT_SUPPORTED, NO_CHANGE, details)


def after_signals(
    after: Sequence[float], limits: ProcessLimits, polarity: Polarity
) -> dict[int, tuple[tuple[Signal, ...], Classification]]:
    """The after points that show a special cause against the before run's limits and mean:
    position in the after run -> (its signals, improvement / concern / neither)."""
    flags = {
        Signal.OUTSIDE_LIMITS: xmr.outside_limits(after, limits),
        Signal.SHIFT: xmr.shift(after, limits.mean),
        Signal.TREND: xmr.trend(after),
        Signal.TWO_OF_THREE: xmr.two_of_three(after, limits),
    }
    found = {}
    for position in range(len(after)):
        signals = tuple(signal for signal, directions in flags.items() if directions[position])
        if not signals:
            continue
        direction = xmr.NO_DIRECTION
        for signal in signals:
            direction |= flags[signal][position]
        found[position] = (signals, xmr.classify(direction, polarity))
    return found


def _run_line(name: str, span: str, count: int) -> str:
    periods = "1 period" if count == 1 else f"{count} periods"
    return f"{name} ({span}): {periods} with figures" if span else f"{name}: {periods}"


def _signal_line(signals: dict, count: int) -> str:
    if not signals:
        return "No after point shows a special cause against the before limits."
    kinds = sorted({signal for point_signals, _ in signals.values() for signal in point_signals})
    words = "; ".join(SIGNAL_WORDS[signal] for signal in kinds)
    return f"{len(signals)} of {count} after points show a special cause ({words})."


# Re-audit change.


@dataclass(frozen=True)
class Share:
    """How many counted answers to a question met the standard in one round, over how many
    cases."""

    met: int
    counted: int
    cases: int

    @property
    def percent(self) -> float | None:
        return 100 * self.met / self.counted if self.counted else None

    def __str__(self) -> str:
        percent = self.percent
        shown = "" if percent is None else f" ({round(percent)}%)"
        return f"{self.met}/{self.counted}{shown}"


@dataclass(frozen=True)
class QuestionChange:
    number: str
    text: str
    earlier: Share | None  # None: not asked in that round
    later: Share | None

    @property
    def small_sample(self) -> bool:
        return any(
            share is not None and share.cases < SMALL_SAMPLE_CASES
            for share in (self.earlier, self.later)
        )

    @property
    def change(self) -> float | None:
        if self.earlier is None or self.later is None:
            return None
        if self.earlier.percent is None or self.later.percent is None:
            return None
        return self.later.percent - self.earlier.percent


def judge_reaudit(questions: Sequence[QuestionChange]) -> Verdict:
    """The share meeting the standard earlier and later, over the questions asked in both
    rounds, then question by question (each flagged when its sample is small).

    Supported when the share rose, with at least SMALL_SAMPLE_CASES cases in both rounds; a
    rise on fewer cases is not enough to judge.
    """
    compared = [question for question in questions if question.change is not None]
    lines = tuple(_question_line(question) for question in questions)
    if not compared:
        return Verdict(
            Standing.NOT_ENOUGH_DATA,
            NOT_ENOUGH_DATA,
            (*lines, "No question has counted answers in both rounds."),
        )
    overall = QuestionChange(
        number="",
        text="All questions asked in both rounds",
        earlier=_pooled([question.earlier for question in compared]),
        later=_pooled([question.later for question in compared]),
    )
    details = (_question_line(overall), *lines)
    if overall.change < 0:
        return Verdict(Standing.NOT_SUPPORTED, "not supported: standard met fell", details)
    if overall.change == 0:
        return Verdict(Standing.NOT_SUPPORTED, "not supported: no change in standard met", details)
    if overall.small_sample:
        return Verdict(Standing.NOT_ENOUGH_DATA, "not enough data to judge: small sample", details)
    return Verdict(Standing.SUPPORTED, "supported: standard met rose", details)


def _pooled(shares: Sequence[Share]) -> Share:
    return Share(
        met=sum(share.met for share in shares),
        counted=sum(share.counted for share in shares),
        cases=max(share.cases for share in shares),
    )


def _question_line(question: QuestionChange) -> str:
    earlier = "not asked" if question.earlier is None else str(question.earlier)
    later = "not asked" if question.later is None else str(question.later)
    small = " (small sample)" if question.small_sample else ""
    return f"{question.number} {question.text}: {earlier} \u2192 {later}{small}".lstrip()


# Training change.


@dataclass(frozen=True)
class FollowUpFigures:
    """A course's or session's follow-up answers, aggregated."""

    sent: int
    responded: int
    changed: int  # answered "yes, my practice has changed"
    partly: int
    confidence_before: float | None  # mean rating, 1 to 5, at the end of the session
    confidence_after: float | None
    confidence_at_follow_up: float | None = None  # not asked by every follow-up survey

    @property
    def response_rate(self) -> float | None:
        return 100 * self.responded / self.sent if self.sent else None


def judge_training(figures: FollowUpFigures) -> Verdict:
    """Always self-reported: the label says what learners said, never that it was measured."""
    if not figures.responded:
        details = (
            f"Follow-up sent to {figures.sent}; no answers yet."
            if figures.sent
            else "No follow-up survey has been sent."
        )
        return Verdict(
            Standing.SELF_REPORTED, "self-reported: no follow-up answers yet", (details,)
        )
    changed_percent = round(100 * figures.changed / figures.responded)
    details = [
        f"Response rate: {figures.responded} of {figures.sent} ({round(figures.response_rate)}%).",
        f"Practice changed: {figures.changed} of {figures.responded} ({changed_percent}%); "
        f"partly: {figures.partly}.",
    ]
    confidence = [
        f"{name} {value:.1f}"
        for name, value in (
            ("before", figures.confidence_before),
            ("after", figures.confidence_after),
            ("at follow-up", figures.confidence_at_follow_up),
        )
        if value is not None
    ]
    if confidence:
        details.append(f"Confidence (1 to 5): {', '.join(confidence)}.")
    return Verdict(
        Standing.SELF_REPORTED,
        f"self-reported: {changed_percent}% say their practice changed",
        tuple(details),
    )


# Section 11 change.


@dataclass(frozen=True)
class StandardScores:
    """One standard's moderated scores across the organisations of one cycle."""

    cycle: str
    scores: tuple[int, ...]
    met_score: int
    moderated: int = 0  # how many of the scores a panel moderated (the rest are self-assessed)

    @property
    def mean(self) -> float | None:
        return sum(self.scores) / len(self.scores) if self.scores else None

    @property
    def met(self) -> int:
        return sum(1 for score in self.scores if score >= self.met_score)

    def line(self) -> str:
        if not self.scores:
            return f"{self.cycle}: no scores."
        return (
            f"{self.cycle}: mean score {self.mean:.1f} across {len(self.scores)} organisations "
            f"({self.moderated} moderated); {self.met} of {len(self.scores)} met the standard."
        )


def judge_section11(earlier: StandardScores, later: StandardScores) -> Verdict:
    details = (earlier.line(), later.line())
    if earlier.mean is None or later.mean is None:
        return Verdict(Standing.NOT_ENOUGH_DATA, NOT_ENOUGH_DATA, details)
    if later.mean > earlier.mean:
        return Verdict(Standing.SUPPORTED, "supported: the score rose", details)
    if later.mean < earlier.mean:
        return Verdict(Standing.NOT_SUPPORTED, WRONG_WAY, details)
    return Verdict(Standing.NOT_SUPPORTED, "not supported: no change in the score", details)


# A story.


def judge_story(*, carried_over: bool) -> Verdict:
    if carried_over:
        return Verdict(Standing.STORY, STORY_NOT_CHECKED)
    return Verdict(Standing.STORY, STORY_NOT_MEASURED)

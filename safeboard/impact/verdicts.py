"""Judging stored claims: gathers each claim's data and applies judging.py's rules.

The data of every claim is read kind by kind in a fixed number of queries, however many
claims there are: the figures of all indicator claims at once, the answers of all the audit
rounds at once, and so on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.db.models import Avg, Q

from safeboard.audits.models import Answer, AuditRound
from safeboard.audits.standards import answer_meets_standard
from safeboard.learning.models import FollowUp, OutcomeRating
from safeboard.scorecard.models import Figure, Indicator, Period
from safeboard.section11.models import Cycle, Rating

from . import judging
from .judging import FollowUpFigures, QuestionChange, Share, StandardScores, Verdict
from .models import Claim


def judge_all(claims: Sequence[Claim]) -> list[Verdict]:
    """One verdict per claim, in order."""
    by_kind: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_kind[claim.kind].append(claim)
    verdicts: dict[int, Verdict] = {}
    for kind, judge in _JUDGES.items():
        if by_kind.get(kind):
            verdicts.update(judge(by_kind[kind]))
    return [verdicts[id(claim)] for claim in claims]


# Indicator change: 3 queries (indicators, periods, figures) for any number of claims.


def _judge_indicators(claims: list[Claim]) -> dict[int, Verdict]:
    indicators = Indicator.objects.in_bulk({claim.indicator_id for claim in claims})
    period_ids = {
        pk
        for claim in claims
        for pk in (
            claim.before_first_id,
            claim.before_last_id,
            claim.after_first_id,
            claim.after_last_id,
        )
    }
    periods = Period.objects.in_bulk(period_ids)
    starts = [period.starts_on for period in periods.values()]
    figures: dict[int, list[tuple[Period, float]]] = defaultdict(list)
    rows = (
        Figure.objects.filter(
            indicator_id__in=indicators,
            period__starts_on__gte=min(starts),
            period__starts_on__lte=max(starts),
        )
        .select_related("period")
        .order_by("period__starts_on")
    )
    for figure in rows:
        figures[figure.indicator_id].append((figure.period, float(figure.value)))

    verdicts = {}
    for claim in claims:
        indicator = indicators[claim.indicator_id]
        series = [
            (period, value)
            for period, value in figures[indicator.pk]
            if period.frequency == indicator.frequency
        ]
        before_first, before_last = periods[claim.before_first_id], periods[claim.before_last_id]
        after_first, after_last = periods[claim.after_first_id], periods[claim.after_last_id]
        verdicts[id(claim)] = judging.judge_indicator(
            _run(series, before_first, before_last),
            _run(series, after_first, after_last),
            polarity=indicator.polarity,
            unit=indicator.unit,
            screen_moving_ranges=indicator.screen_moving_ranges,
            before_span=_span(before_first, before_last),
            after_span=_span(after_first, after_last),
        )
    return verdicts


def _run(series: list[tuple[Period, float]], first: Period, last: Period) -> list[float]:
    return [
        value for period, value in series if first.starts_on <= period.starts_on <= last.starts_on
    ]


def _span(first: Period, last: Period) -> str:
    return first.label if first.pk == last.pk else f"{first.label} to {last.label}"


# Re-audit change: 2 queries (rounds, submitted answers of all of them).


def _judge_reaudits(claims: list[Claim]) -> dict[int, Verdict]:
    round_ids = {pk for claim in claims for pk in (claim.earlier_round_id, claim.later_round_id)}
    rounds = AuditRound.objects.in_bulk(round_ids)
    answers = Answer.objects.filter(
        assignment__case__round_id__in=round_ids, assignment__submitted_at__isnull=False
    ).values_list(
        "assignment__case__round_id",
        "assignment__case_id",
        "question__key",
        "question__kind",
        "question__text",
        "question__position",
        "question__section__position",
        "choice",
    )
    # round -> question key -> [met, counted, cases]
    tallies: dict[int, dict] = defaultdict(dict)
    questions: dict = {}
    for round_id, case_id, key, kind, text, position, section_position, choice in answers:
        met = answer_meets_standard(kind, choice)
        if met is None:
            continue
        tally = tallies[round_id].setdefault(key, [0, 0, set()])
        tally[0] += int(met)
        tally[1] += 1
        tally[2].add(case_id)
        questions.setdefault(key, (section_position, position, text))

    verdicts = {}
    for claim in claims:
        earlier, later = tallies[claim.earlier_round_id], tallies[claim.later_round_id]
        keys = sorted(set(earlier) | set(later), key=lambda key: questions[key][:2])
        changes = [
            QuestionChange(
                number="",
                text=questions[key][2],
                earlier=_share(earlier.get(key)),
                later=_share(later.get(key)),
            )
            for key in keys
        ]
        verdict = judging.judge_reaudit(changes)
        heading = (
            f"{rounds[claim.earlier_round_id].reference} \u2192 "
            f"{rounds[claim.later_round_id].reference}: answers meeting the standard."
        )
        verdicts[id(claim)] = Verdict(verdict.standing, verdict.label, (heading, *verdict.details))
    return verdicts


def _share(tally: list | None) -> Share | None:
    return None if tally is None else Share(met=tally[0], counted=tally[1], cases=len(tally[2]))


# Training change: 3 queries (follow-up answers, confidence ratings by course and by session).
# The figures are those of learning's follow_up_summary (the same definitions: confidence
# before and after is that of the learners who answered), grouped here so that any number of
# claims is read at once rather than a summary per claim.


def _judge_training(claims: list[Claim]) -> dict[int, Verdict]:
    course_ids = {claim.course_id for claim in claims if not claim.session_id}
    session_ids = {claim.session_id for claim in claims if claim.session_id}
    scope = Q(booking__session__course_id__in=course_ids) | Q(booking__session_id__in=session_ids)
    follow_ups = FollowUp.objects.filter(scope).values_list(
        "booking__session__course_id",
        "booking__session_id",
        "practice_changed",
        "responded_at",
        "confidence_follow_up",
    )
    per_course: dict[int, list] = defaultdict(list)
    per_session: dict[int, list] = defaultdict(list)
    for course_id, session_id, changed, responded_at, now in follow_ups:
        per_course[course_id].append((changed, responded_at, now))
        per_session[session_id].append((changed, responded_at, now))
    confidence = {
        "course": _mean_confidence("evaluation__booking__session__course_id", course_ids),
        "session": _mean_confidence("evaluation__booking__session_id", session_ids),
    }

    verdicts = {}
    for claim in claims:
        if claim.session_id:
            answers = per_session[claim.session_id]
            before, after = confidence["session"].get(claim.session_id, (None, None))
        else:
            answers = per_course[claim.course_id]
            before, after = confidence["course"].get(claim.course_id, (None, None))
        responded = [(changed, now) for changed, responded_at, now in answers if responded_at]
        changes = [changed for changed, _ in responded]
        now = [rating for _, rating in responded if rating is not None]
        verdicts[id(claim)] = judging.judge_training(
            FollowUpFigures(
                sent=len(answers),
                responded=len(responded),
                changed=changes.count(FollowUp.Change.YES),
                partly=changes.count(FollowUp.Change.PARTLY),
                confidence_before=before,
                confidence_after=after,
                confidence_at_follow_up=sum(now) / len(now) if now else None,
            )
        )
    return verdicts


def _mean_confidence(field: str, ids: set[int]) -> dict[int, tuple[float, float]]:
    """Mean confidence before and after the session of those who answered the follow-up,
    per course or per session."""
    if not ids:
        return {}
    rows = (
        OutcomeRating.objects.filter(
            **{f"{field}__in": ids}, evaluation__booking__follow_up__responded_at__isnull=False
        )
        .values(field)
        .annotate(before=Avg("confidence_before"), after=Avg("confidence_after"))
    )
    return {row[field]: (row["before"], row["after"]) for row in rows}


# Section 11 change: 2 queries (cycles, ratings of the standards by code in those cycles).


def _judge_section11(claims: list[Claim]) -> dict[int, Verdict]:
    cycle_ids = {pk for claim in claims for pk in (claim.earlier_cycle_id, claim.later_cycle_id)}
    cycles = Cycle.objects.in_bulk(cycle_ids)
    codes = {claim.standard_code for claim in claims}
    ratings = Rating.objects.filter(
        standard__cycle_id__in=cycle_ids,
        standard__code__in=codes,
        agency_return__submitted_at__isnull=False,
    ).values_list("standard__cycle_id", "standard__code", "self_score", "moderated_score")
    scores: dict[tuple[int, str], list[tuple[int, bool]]] = defaultdict(list)
    for cycle_id, code, self_score, moderated_score in ratings:
        score = moderated_score if moderated_score is not None else self_score
        if score is not None:
            scores[(cycle_id, code)].append((score, moderated_score is not None))

    def standard_scores(cycle_id: int, code: str) -> StandardScores:
        cycle, held = cycles[cycle_id], scores[(cycle_id, code)]
        return StandardScores(
            cycle=cycle.title,
            scores=tuple(score for score, _ in held),
            met_score=cycle.met_score,
            moderated=sum(1 for _, moderated in held if moderated),
        )

    return {
        id(claim): judging.judge_section11(
            standard_scores(claim.earlier_cycle_id, claim.standard_code),
            standard_scores(claim.later_cycle_id, claim.standard_code),
        )
        for claim in claims
    }


def _judge_stories(claims: list[Claim]) -> dict[int, Verdict]:
    return {id(claim): judging.judge_story(carried_over=claim.carried_over) for claim in claims}


_JUDGES = {
    Claim.Kind.INDICATOR: _judge_indicators,
    Claim.Kind.REAUDIT: _judge_reaudits,
    Claim.Kind.TRAINING: _judge_training,
    Claim.Kind.SECTION11: _judge_section11,
    Claim.Kind.STORY: _judge_stories,
}

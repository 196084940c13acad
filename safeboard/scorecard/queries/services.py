"""Queries to an indicator's owning agency: why did this figure move?

The scorecard opens a query by itself when a newly recorded (or revised) figure shows
special-cause variation of concern or misses its target; the business manager or the chair
may raise one by hand. The agency answers with an explanation and, where needed, actions on
the action spine; the board accepts the answer, or challenges it with a new answer due date,
which opens the query again. Each service runs in one transaction on a locked query row.

When the scorecard asks by itself, and in what words, is decided in triggers.py;
opening those queries (once only) is open_queries_for_new_figures, called by every way
figures are recorded (scorecard.services).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.actions.services import action_create
from safeboard.core.asking import forms as asking_forms
from safeboard.core.asking.locking import lock_row, show_saved_state
from safeboard.core.history import save_with_reason
from safeboard.partnership.models import Person

from .. import selectors
from ..models import Figure, Indicator, IndicatorQuery, Period, QueryTrigger
from . import states as query_states
from .triggers import Finding, findings_for_latest_point

QUESTION_REQUIRED = "Enter the question for the agency."
PERIOD_REQUIRED = "Choose the period the query is about."
PERIOD_HAS_NO_FIGURE = "{code} has no figure for {period}: choose a period with a figure."
DUE_DATE_REQUIRED = "Enter the date the answer is due."
DUE_DATE_NOT_AFTER_TODAY = "The answer due date must be after today."
EXPLANATION_REQUIRED = "Explain what lies behind the figure."
NOT_OPEN = query_states.NOT_OPEN
NOT_ANSWERED = query_states.NOT_ANSWERED
JUDGEMENT_REASON_REQUIRED = asking_forms.JUDGEMENT_REASON_REQUIRED
NEW_DUE_DATE_REQUIRED = "Enter a new answer due date: the agency must answer again by then."
OWNER_NOT_IN_AGENCY = "The owner of the action must work for {agency}, which the query is to."

_UNRESOLVED = (IndicatorQuery.Status.OPEN, IndicatorQuery.Status.ANSWERED)


def response_due_on(opened_on: datetime.date) -> datetime.date:
    """The answer is due SAFEBOARD_QUERY_RESPONSE_DAYS (default 20) days after opening."""
    return opened_on + datetime.timedelta(days=settings.SAFEBOARD_QUERY_RESPONSE_DAYS)


# What a service may change on the query, shown back on the caller's object.
_STATE_FIELDS = (
    "status",
    "response_due_on",
    "explanation",
    "answered_by",
    "answered_on",
    "judgement_reason",
    "judged_by",
    "judged_on",
)


def _refresh(query: IndicatorQuery, locked: IndicatorQuery) -> IndicatorQuery:
    return show_saved_state(query, locked, _STATE_FIELDS)


@dataclass
class _Held:
    """The queries already held that bear on opening new ones, read in one query."""

    # (indicator id, period id, trigger) of the automatic queries of the latest periods.
    latest: set[tuple[int, int, str]]
    # indicator id: first days of the periods with a concern query.
    concerns: dict[int, set[datetime.date]]
    # indicator id: period ids of its misses still waiting for an answer or a judgement.
    unresolved_misses: dict[int, set[int]]


def _held_queries(*, indicator_ids: set[int], period_ids: set[int]) -> _Held:
    held = _Held(set(), defaultdict(set), defaultdict(set))
    rows = IndicatorQuery.objects.filter(
        Q(period_id__in=period_ids)
        | Q(trigger=QueryTrigger.CONCERN)
        | Q(trigger=QueryTrigger.TARGET_MISSED, status__in=_UNRESOLVED),
        indicator_id__in=indicator_ids,
    ).values_list("indicator_id", "period_id", "period__starts_on", "trigger", "status")
    for indicator_id, period_id, starts_on, trigger, status in rows:
        if period_id in period_ids:
            held.latest.add((indicator_id, period_id, trigger))
        if trigger == QueryTrigger.CONCERN:
            held.concerns[indicator_id].add(starts_on)
        if trigger == QueryTrigger.TARGET_MISSED and status in _UNRESOLVED:
            held.unresolved_misses[indicator_id].add(period_id)
    return held


@transaction.atomic
def open_queries_for_new_figures(
    *, figures: Iterable[Figure], today: datetime.date
) -> list[IndicatorQuery]:
    """Open the queries that the indicators of just-recorded or revised figures call for.

    A figure is judged when its period is its indicator's latest (see the module's notes).
    Called inside the recording's transaction; a query that another recording opened at the
    same moment is skipped (within a savepoint), never allowed to undo the figures.
    """
    figures = list(figures)
    indicator_ids = {figure.indicator_id for figure in figures}
    if not indicator_ids:
        return []
    recorded = {(figure.indicator_id, figure.period_id) for figure in figures}
    indicators = Indicator.objects.in_bulk(indicator_ids)
    series = selectors.series_for_indicators(indicator_ids=indicator_ids)
    latest = selectors.latest_figures(indicator_ids=indicator_ids)
    held = _held_queries(
        indicator_ids=indicator_ids, period_ids={figure.period_id for figure in latest.values()}
    )
    opened = []
    for indicator_id in sorted(indicator_ids):
        figure = latest.get(indicator_id)
        if figure is None or (indicator_id, figure.period_id) not in recorded:
            continue
        findings = findings_for_latest_point(
            indicators[indicator_id],
            series.get(indicator_id, []),
            asked_about=held.concerns[indicator_id],
            earlier_miss_unresolved=bool(held.unresolved_misses[indicator_id] - {figure.period_id}),
        )
        for finding in findings:
            if (indicator_id, figure.period_id, finding.trigger) in held.latest:
                continue
            query = _open_automatic(indicators[indicator_id], figure.period, finding, today=today)
            if query is not None:
                opened.append(query)
    return opened


def _open_automatic(
    indicator: Indicator, period: Period, finding: Finding, *, today: datetime.date
) -> IndicatorQuery | None:
    query = IndicatorQuery(
        indicator=indicator,
        period=period,
        agency_id=indicator.owning_agency_id,
        trigger=finding.trigger,
        signals=",".join(signal.value for signal in finding.signals),
        question=finding.question,
        opened_on=today,
        response_due_on=response_due_on(today),
    )
    query.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            save_with_reason(query, f"Opened by the scorecard: {query.opened_because.lower()}")
    except IntegrityError:
        return None  # opened by another recording at the same moment
    return query


# By hand, and the life of a query.


@transaction.atomic
def query_raise(
    *,
    indicator: Indicator,
    period: Period | None,
    question: str,
    response_due_on: datetime.date | None,
    raised_by: User | None = None,
) -> IndicatorQuery:
    """The business manager or the chair asks the owning agency about one of its figures."""
    today = timezone.localdate()
    question = (question or "").strip()
    errors = {}
    if period is None:
        errors["period"] = PERIOD_REQUIRED
    elif not Figure.objects.filter(indicator=indicator, period=period).exists():
        errors["period"] = PERIOD_HAS_NO_FIGURE.format(code=indicator.code, period=period.label)
    if not question:
        errors["question"] = QUESTION_REQUIRED
    if response_due_on is None:
        errors["response_due_on"] = DUE_DATE_REQUIRED
    elif response_due_on <= today:
        errors["response_due_on"] = DUE_DATE_NOT_AFTER_TODAY
    if errors or response_due_on is None:
        raise ValidationError(errors)
    query = IndicatorQuery(
        indicator=indicator,
        period=period,
        agency_id=indicator.owning_agency_id,
        trigger=QueryTrigger.RAISED,
        question=question,
        opened_on=today,
        response_due_on=response_due_on,
        opened_by=raised_by,
    )
    query.full_clean()
    save_with_reason(query, "Raised by the board")
    return query


@transaction.atomic
def query_answer(
    *, query: IndicatorQuery, explanation: str, answered_by: User | None = None
) -> IndicatorQuery:
    """The owning agency's answer: what lies behind the figure. Only while the query is open."""
    locked = lock_row(query)
    query_states.ANSWER.refuse_unless_allowed(locked)
    explanation = (explanation or "").strip()
    if not explanation:
        raise ValidationError({"explanation": EXPLANATION_REQUIRED})
    locked.status = IndicatorQuery.Status.ANSWERED
    locked.explanation = explanation
    locked.answered_by = answered_by
    locked.answered_on = timezone.localdate()
    locked.full_clean()
    save_with_reason(
        locked,
        "Answered by the agency",
        fields=["status", "explanation", "answered_by", "answered_on"],
    )
    return _refresh(query, locked)


@transaction.atomic
def query_add_action(
    *,
    query: IndicatorQuery,
    title: str,
    owner_person: Person,
    due_on: datetime.date,
    description: str = "",
    created_by: User | None = None,
) -> Action:
    """An action the agency takes in answer to the query, on the action spine.

    Its owner works for the agency the query is to, which owns the action.
    """
    if owner_person.agency_id != query.agency_id:
        raise ValidationError(
            {"owner_person": OWNER_NOT_IN_AGENCY.format(agency=query.agency.name)}
        )
    return action_create(
        title=title,
        description=description,
        owner_agency=query.agency,
        owner_person=owner_person,
        due_on=due_on,
        source=query,
        created_by=created_by,
    )


def _check_judgement(locked: IndicatorQuery, reason: str) -> dict:
    query_states.JUDGE.refuse_unless_allowed(locked)
    return {} if reason else {"reason": JUDGEMENT_REASON_REQUIRED}


@transaction.atomic
def query_accept(
    *, query: IndicatorQuery, reason: str, judged_by: User | None = None
) -> IndicatorQuery:
    """The board accepts the agency's answer: the query is settled."""
    locked = lock_row(query)
    reason = (reason or "").strip()
    errors = _check_judgement(locked, reason)
    if errors:
        raise ValidationError(errors)
    locked.status = IndicatorQuery.Status.ACCEPTED
    _record_judgement(locked, reason=reason, judged_by=judged_by)
    save_with_reason(locked, "Answer accepted", fields=_JUDGEMENT_FIELDS)
    return _refresh(query, locked)


@transaction.atomic
def query_challenge(
    *,
    query: IndicatorQuery,
    reason: str,
    response_due_on: datetime.date | None,
    judged_by: User | None = None,
) -> IndicatorQuery:
    """The board challenges the answer: the query opens again, due by the new date."""
    locked = lock_row(query)
    reason = (reason or "").strip()
    errors = _check_judgement(locked, reason)
    if response_due_on is None:
        errors["response_due_on"] = NEW_DUE_DATE_REQUIRED
    elif response_due_on <= timezone.localdate():
        errors["response_due_on"] = DUE_DATE_NOT_AFTER_TODAY
    if errors or response_due_on is None:
        raise ValidationError(errors)
    locked.status = IndicatorQuery.Status.OPEN
    locked.response_due_on = response_due_on
    _record_judgement(locked, reason=reason, judged_by=judged_by)
    save_with_reason(locked, "Answer challenged", fields=[*_JUDGEMENT_FIELDS, "response_due_on"])
    return _refresh(query, locked)


_JUDGEMENT_FIELDS = ["status", "judgement_reason", "judged_by", "judged_on"]


def _record_judgement(locked: IndicatorQuery, *, reason: str, judged_by: User | None) -> None:
    locked.judgement_reason = reason
    locked.judged_by = judged_by
    locked.judged_on = timezone.localdate()
    locked.full_clean()

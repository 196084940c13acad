"""Every change to the challenge log goes through these functions, each in one transaction.

The life of a challenge: raised by the board (awaiting response) -> answered by the agency
(responded) -> judged by the board: accepted (stays responded until closed), further
challenge or escalated (awaiting response again, with a new due date) -> closed with its
outcome; its evidence of impact is then added as claims checked against the data (the
evidence of impact module adds them to the challenge's page). Unanswered challenges escalate
by themselves:
see escalation.py and escalate_overdue_challenges().
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.actions.services import action_create
from safeboard.core.asking.forms import JUDGEMENT_REASON_REQUIRED
from safeboard.core.asking.locking import lock_row, show_saved_state
from safeboard.core.dates import long_date
from safeboard.core.history import save_with_reason
from safeboard.core.references import next_reference
from safeboard.partnership.models import Agency, Person
from safeboard.priorities.models import Priority
from safeboard.themes.models import Theme

from . import selectors, states
from .escalation import escalation_days, next_escalation_date
from .models import Challenge, ChallengeEscalation, ChallengeResponse, EscalationLevel
from .selectors import escalation_recipient
from .states import (
    AWAITING_JUDGEMENT,
    CHALLENGE_CLOSED,
    JUDGE_BEFORE_CLOSING,
    NO_RESPONSE_TO_JUDGE,
    RESPONSE_ACCEPTED,
)

__all__ = [
    "AWAITING_JUDGEMENT",
    "CHALLENGE_CLOSED",
    "JUDGEMENT_REASON_REQUIRED",
    "JUDGE_BEFORE_CLOSING",
    "NO_RESPONSE_TO_JUDGE",
    "RESPONSE_ACCEPTED",
    "challenge_add_action",
    "challenge_close",
    "challenge_judge",
    "challenge_raise",
    "challenge_respond",
    "escalate_overdue_challenges",
    "escalation_recipient",
    "next_challenge_reference",
    "next_escalation_date",
]

RAISED_ON_REQUIRED = "Enter the date the challenge was raised."
RAISED_IN_FUTURE = "The date raised cannot be in the future."
RESPONSE_DUE_BEFORE_RAISED = "The response due date must be on or after the date raised."
RESPONSE_REQUIRED = "Enter the agency\u2019s response."
JUDGEMENT_REQUIRED = "Select the board\u2019s judgement of the response."
NEW_DUE_DATE_REQUIRED = "Enter a new response due date for a further challenge or an escalation."
NEW_DUE_DATE_NOT_AFTER_TODAY = "The new response due date must be after today."
ALREADY_AT_CHAIR = (
    "This challenge has already been escalated to the chair: choose further challenge instead."
)
OUTCOME_REQUIRED = "Enter the outcome of the challenge."
CLOSED_IN_FUTURE = "The date closed cannot be in the future."
CLOSED_BEFORE_RAISED = "The date closed must be on or after the date raised."

REFERENCE_PREFIX = "CH-{year}-"


def _today() -> datetime.date:
    return timezone.localdate()


# What a service may change on the challenge, shown back on the caller's object.
_STATE_FIELDS = (
    "status",
    "response_due_on",
    "escalation_level",
    "outcome",
    "closed_on",
)


def next_challenge_reference(year: int) -> str:
    """The next reference of the year, "CH-2026-001", "CH-2026-002"... (at least 3 digits)."""
    return next_reference(
        Challenge.objects.all(), prefix=REFERENCE_PREFIX.format(year=year), digits=3
    )


@transaction.atomic
def challenge_raise(
    *,
    agency: Agency,
    title: str,
    issue: str,
    evidence: str,
    raised_by: Person,
    raised_on: datetime.date,
    response_due_on: datetime.date,
    priority: Priority | None = None,
    themes: Iterable[Theme] = (),
    created_by: User | None = None,
) -> Challenge:
    if raised_on is None:
        raise ValidationError({"raised_on": RAISED_ON_REQUIRED})
    errors = {}
    if raised_on > _today():
        errors["raised_on"] = RAISED_IN_FUTURE
    if response_due_on is not None and response_due_on < raised_on:
        errors["response_due_on"] = RESPONSE_DUE_BEFORE_RAISED
    if errors:
        raise ValidationError(errors)
    # Two challenges raised at the same moment could draw the same number; the unique
    # reference refuses the second rather than give two challenges one reference.
    challenge = Challenge(
        reference=next_challenge_reference(raised_on.year),
        agency=agency,
        title=title.strip(),
        issue=issue.strip(),
        evidence=evidence.strip(),
        raised_by=raised_by,
        raised_on=raised_on,
        response_due_on=response_due_on,
        priority=priority,
        created_by=created_by,
    )
    challenge.full_clean()
    challenge.save()
    challenge.themes.set(themes)
    return challenge


@transaction.atomic
def challenge_set_themes(*, challenge: Challenge, themes: Iterable[Theme]) -> Challenge:
    """The themes the challenge is about: each theme's page, and the actions it led to, show it."""
    challenge.themes.set(themes)
    return challenge


@transaction.atomic
def challenge_respond(
    *, challenge: Challenge, text: str, responded_by: User | None = None
) -> ChallengeResponse:
    """The challenged agency's response: a new round, awaiting the board's judgement."""
    locked = lock_row(challenge)
    states.RESPOND.refuse_unless_allowed(locked)
    text = text.strip()
    if not text:
        raise ValidationError({"text": RESPONSE_REQUIRED})
    response = ChallengeResponse(
        challenge=locked, text=text, responded_by=responded_by, responded_on=_today()
    )
    response.full_clean()
    response.save()
    locked.status = Challenge.Status.RESPONDED
    save_with_reason(locked, "The agency responded", fields=["status"])
    show_saved_state(challenge, locked, _STATE_FIELDS)
    return response


def _check_judgement(
    locked: Challenge, *, judgement: str, reason: str, new_due_on: datetime.date | None
) -> ChallengeResponse:
    states.JUDGE.refuse_unless_allowed(locked)
    response = states.pending_response(locked)
    errors = {}
    if judgement not in ChallengeResponse.Judgement.values:
        errors["judgement"] = JUDGEMENT_REQUIRED
    if not reason:
        errors["reason"] = JUDGEMENT_REASON_REQUIRED
    if judgement != ChallengeResponse.Judgement.ACCEPTED:
        if new_due_on is None:
            errors["new_response_due_on"] = NEW_DUE_DATE_REQUIRED
        elif new_due_on <= _today():
            errors["new_response_due_on"] = NEW_DUE_DATE_NOT_AFTER_TODAY
    if (
        judgement == ChallengeResponse.Judgement.ESCALATED
        and locked.escalation_level >= EscalationLevel.CHAIR
    ):
        errors["judgement"] = ALREADY_AT_CHAIR
    if errors:
        raise ValidationError(errors)
    assert response is not None, "JUDGE is refused unless a response is pending"
    return response


@transaction.atomic
def challenge_judge(
    *,
    challenge: Challenge,
    judgement: str,
    reason: str,
    new_response_due_on: datetime.date | None = None,
    judged_by: User | None = None,
) -> ChallengeResponse:
    """The board's judgement of the agency's latest response.

    Accepted: the challenge waits to be closed with its outcome. Further challenge: the
    agency must respond again by the new due date. Escalated: the same, one level up the
    ladder, with the escalation recorded.
    """
    locked = lock_row(challenge)
    reason = reason.strip()
    response = _check_judgement(
        locked, judgement=judgement, reason=reason, new_due_on=new_response_due_on
    )
    today = _today()
    response.judgement = judgement
    response.judgement_reason = reason
    response.judged_by = judged_by
    response.judged_on = today
    response.full_clean()
    response.save()
    if judgement == ChallengeResponse.Judgement.ACCEPTED:
        show_saved_state(challenge, locked, _STATE_FIELDS)
        return response
    fields = ["status", "response_due_on"]
    if judgement == ChallengeResponse.Judgement.ESCALATED:
        level = locked.escalation_level + 1
        _record_escalation(
            locked, level=level, on=today, reason=reason, is_automatic=False, by=judged_by
        )
        locked.escalation_level = level
        fields.append("escalation_level")
    assert new_response_due_on is not None, "checked: a judgement other than accepted has one"
    locked.status = Challenge.Status.AWAITING_RESPONSE
    locked.response_due_on = new_response_due_on
    locked.full_clean()
    save_with_reason(locked, f"Response judged: {response.get_judgement_display()}", fields=fields)
    show_saved_state(challenge, locked, _STATE_FIELDS)
    return response


def _record_escalation(
    challenge: Challenge,
    *,
    level: int,
    on: datetime.date,
    reason: str,
    is_automatic: bool,
    by: User | None = None,
) -> ChallengeEscalation:
    escalation = ChallengeEscalation(
        challenge=challenge,
        level=level,
        escalated_on=on,
        escalated_to=escalation_recipient(challenge, level, on=on),
        reason=reason,
        is_automatic=is_automatic,
        recorded_by=by,
    )
    escalation.full_clean()
    escalation.save()
    return escalation


@transaction.atomic
def challenge_close(
    *,
    challenge: Challenge,
    outcome: str,
    closed_on: datetime.date | None = None,
) -> Challenge:
    """Close a challenge with its outcome. What changed as a result is recorded afterwards as
    evidence of impact, checked against the data where SafeBoard holds it.

    An open challenge may be closed at any stage (an answer given at a board meeting, a
    challenge overtaken by events), but not while a response waits for the board's judgement:
    every round ends with a judgement.
    """
    locked = lock_row(challenge)
    states.CLOSE.refuse_unless_allowed(locked)
    closed_on = closed_on or _today()
    outcome = outcome.strip()
    errors = {}
    if not outcome:
        errors["outcome"] = OUTCOME_REQUIRED
    if closed_on > _today():
        errors["closed_on"] = CLOSED_IN_FUTURE
    elif closed_on < locked.raised_on:
        errors["closed_on"] = CLOSED_BEFORE_RAISED
    if errors:
        raise ValidationError(errors)
    locked.status = Challenge.Status.CLOSED
    locked.outcome = outcome
    locked.closed_on = closed_on
    locked.full_clean()
    save_with_reason(locked, "Closed", fields=["status", "outcome", "closed_on"])
    show_saved_state(challenge, locked, _STATE_FIELDS)
    return challenge


@transaction.atomic
def challenge_add_action(
    *,
    challenge: Challenge,
    title: str,
    owner_person: Person,
    due_on: datetime.date,
    description: str = "",
    created_by: User | None = None,
) -> Action:
    """An action arising from the challenge, on the action spine; its owner's agency owns it.

    Allowed at any stage, closed included: the outcome often names the actions agreed.
    """
    return action_create(
        title=title,
        description=description,
        owner_agency=owner_person.agency,
        owner_person=owner_person,
        due_on=due_on,
        source=challenge,
        created_by=created_by,
    )


def _automatic_reason(challenge: Challenge, *, level: int, today: datetime.date) -> str:
    days = (today - challenge.response_due_on).days
    to = "the agency\u2019s board member" if level == EscalationLevel.BOARD_MEMBER else "the chair"
    return (
        f"No response from {challenge.agency.name}: {days} day{'s' if days != 1 else ''} "
        f"overdue (the response was due on {long_date(challenge.response_due_on)}). "
        f"Escalated automatically to {to}."
    )


@transaction.atomic
def escalate_overdue_challenges(*, today: datetime.date) -> list[ChallengeEscalation]:
    """Escalate every unanswered challenge whose next escalation falls on or before today.

    One level per challenge per run: the next level is then one period away. Safe to run
    more than once a day: a challenge escalated today is not due again, and the database
    holds one escalation per level.
    """
    days = escalation_days()
    challenges = selectors.challenges_that_may_escalate(
        today=today, escalation_days=days
    ).select_for_update(of=("self",))
    escalations = []
    for challenge in challenges:
        due = next_escalation_date(challenge, escalation_days=days)
        if due is None or due > today:
            continue
        level = challenge.escalation_level + 1
        if challenge.escalations.filter(level=level).exists():
            continue
        reason = _automatic_reason(challenge, level=level, today=today)
        escalations.append(
            _record_escalation(challenge, level=level, on=today, reason=reason, is_automatic=True)
        )
        challenge.escalation_level = level
        save_with_reason(
            challenge, "Escalated automatically: no response", fields=["escalation_level"]
        )
    return escalations

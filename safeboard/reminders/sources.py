"""What is due today, and for whom: every record with a date somebody must meet.

Each source returns `Due` items; the digest job decides which of them have already been
reminded (see `policy.py`) and sends the rest, one email per person.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Model

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.challenges.models import Challenge, ChallengeEscalation
from safeboard.priorities.models import Priority
from safeboard.risks.models import Risk

from .models import ReminderKind

# How far ahead a due date is reminded.
DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class Due:
    kind: ReminderKind
    recipient: User
    record: Model
    due_on: datetime.date
    text: str


def _account(person) -> User | None:
    """The active account of a person, if they have one (people without accounts get none)."""
    user = getattr(person, "user", None) if person is not None else None
    return user if user is not None and user.is_active else None


def _long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def action_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    actions = (
        Action.objects.exclude(status=Action.Status.COMPLETE)
        .filter(due_on__lte=horizon)
        .select_related("owner_person__user")
    )
    for action in actions:
        user = _account(action.owner_person)
        if user is None:
            continue
        if action.due_on < today:
            yield Due(
                ReminderKind.ACTION_OVERDUE,
                user,
                action,
                action.due_on,
                f"Action overdue since {_long_date(action.due_on)}: {action.title}",
            )
        else:
            yield Due(
                ReminderKind.ACTION_DUE_SOON,
                user,
                action,
                action.due_on,
                f"Action due on {_long_date(action.due_on)}: {action.title}",
            )


def _agency_leads(agency_ids: Iterable[int]) -> dict[int, list[User]]:
    """The active agency leads of each agency: the people who answer its challenges."""
    leads: dict[int, list[User]] = {}
    users = (
        User.objects.filter(
            is_active=True,
            person__agency_id__in=set(agency_ids),
            role_assignments__role=Role.AGENCY_LEAD,
        )
        .select_related("person")
        .distinct()
    )
    for user in users:
        leads.setdefault(user.person.agency_id, []).append(user)
    return leads


def challenge_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    challenges = list(
        Challenge.objects.filter(
            status=Challenge.Status.AWAITING_RESPONSE, response_due_on__lte=horizon
        ).select_related("agency")
    )
    leads = _agency_leads(challenge.agency_id for challenge in challenges)
    for challenge in challenges:
        overdue = challenge.response_due_on < today
        kind = ReminderKind.CHALLENGE_OVERDUE if overdue else ReminderKind.CHALLENGE_RESPONSE_DUE
        when = "was due on" if overdue else "is due on"
        text = (
            f"Challenge {challenge.reference} to {challenge.agency}: the response "
            f"{when} {_long_date(challenge.response_due_on)}. {challenge.title}"
        )
        for user in leads.get(challenge.agency_id, []):
            yield Due(kind, user, challenge, challenge.response_due_on, text)


def escalation_reminders(today: datetime.date) -> Iterator[Due]:
    """Tell the person a challenge was escalated to, once, within a week of the escalation."""
    since = today - datetime.timedelta(days=DUE_SOON_DAYS)
    escalations = ChallengeEscalation.objects.filter(
        escalated_on__gte=since,
        escalated_on__lte=today,
        challenge__status=Challenge.Status.AWAITING_RESPONSE,
    ).select_related("challenge__agency", "escalated_to__user")
    for escalation in escalations:
        user = _account(escalation.escalated_to)
        if user is None:
            continue
        challenge = escalation.challenge
        yield Due(
            ReminderKind.CHALLENGE_ESCALATED,
            user,
            challenge,
            escalation.escalated_on,
            f"Challenge {challenge.reference} to {challenge.agency} was escalated to you on "
            f"{_long_date(escalation.escalated_on)}: {escalation.reason}",
        )


def risk_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    risks = (
        Risk.objects.exclude(status=Risk.Status.CLOSED)
        .filter(review_date__lte=horizon)
        .select_related("owner_person__user")
    )
    for risk in risks:
        user = _account(risk.owner_person)
        if user is not None:
            yield Due(
                ReminderKind.RISK_REVIEW_DUE,
                user,
                risk,
                risk.review_date,
                f"Review of risk {risk.reference} due on {_long_date(risk.review_date)}: "
                f"{risk.title}",
            )


def priority_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    priorities = Priority.objects.filter(
        status=Priority.Status.ACTIVE, review_date__lte=horizon
    ).select_related("lead_person__user", "plan")
    for priority in priorities:
        user = _account(priority.lead_person)
        if user is not None:
            yield Due(
                ReminderKind.PRIORITY_REVIEW_DUE,
                user,
                priority,
                priority.review_date,
                f"Review of {priority} due on {_long_date(priority.review_date)}",
            )


SOURCES: tuple[Callable[[datetime.date], Iterable[Due]], ...] = (
    action_reminders,
    challenge_reminders,
    escalation_reminders,
    risk_reminders,
    priority_reminders,
)


def everything_due(today: datetime.date) -> Iterator[Due]:
    for source in SOURCES:
        yield from source(today)

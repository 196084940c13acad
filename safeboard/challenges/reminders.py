"""The challenges' reminders: responses due or overdue, to the challenged agency's leads, and
an escalation, to the person it was escalated to."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from safeboard.core.dates import long_date
from safeboard.reminders.models import ReminderKind
from safeboard.reminders.sources import DUE_SOON_DAYS, Due, account_of, agency_leads

from .models import Challenge, ChallengeEscalation


def challenge_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    challenges = list(
        Challenge.objects.filter(
            status=Challenge.Status.AWAITING_RESPONSE, response_due_on__lte=horizon
        ).select_related("agency")
    )
    leads = agency_leads(challenge.agency_id for challenge in challenges)
    for challenge in challenges:
        overdue = challenge.response_due_on < today
        kind = ReminderKind.CHALLENGE_OVERDUE if overdue else ReminderKind.CHALLENGE_RESPONSE_DUE
        when = "was due on" if overdue else "is due on"
        text = (
            f"Challenge {challenge.reference} to {challenge.agency}: the response "
            f"{when} {long_date(challenge.response_due_on)}. {challenge.title}"
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
        user = account_of(escalation.escalated_to)
        if user is None:
            continue
        challenge = escalation.challenge
        yield Due(
            ReminderKind.CHALLENGE_ESCALATED,
            user,
            challenge,
            escalation.escalated_on,
            f"Challenge {challenge.reference} to {challenge.agency} was escalated to you on "
            f"{long_date(escalation.escalated_on)}: {escalation.reason}",
        )

"""When an unanswered challenge climbs the escalation ladder.

A challenge awaiting a response is overdue from the day after its response due date. Once
it has been overdue for the escalation period (SAFEBOARD_CHALLENGE_ESCALATION_DAYS, 10
calendar days unless set) it escalates to the agency's board member; if it is still
unanswered one more period after that escalation, it escalates to the chair.

A new response due date (set by the board's further challenge or escalation) restarts the
clock: the next step is never earlier than one period after the date now due, nor earlier
than one period after the last escalation.
"""

from __future__ import annotations

import datetime

from django.conf import settings

from .models import Challenge, EscalationLevel

DEFAULT_ESCALATION_DAYS = 10


def escalation_days() -> int:
    """The escalation period in calendar days, from the settings."""
    return getattr(settings, "SAFEBOARD_CHALLENGE_ESCALATION_DAYS", DEFAULT_ESCALATION_DAYS)


def last_escalated_on(challenge: Challenge) -> datetime.date | None:
    """The date of the challenge's latest escalation.

    Read from the `last_escalated_on` annotation that selectors.with_last_escalation() adds
    (so that a list of challenges costs no extra query); otherwise from the escalations
    themselves, which uses a prefetch when there is one.
    """
    if hasattr(challenge, "last_escalated_on"):
        return challenge.last_escalated_on
    if challenge.escalation_level == EscalationLevel.NONE or challenge.pk is None:
        return None
    dates = [escalation.escalated_on for escalation in challenge.escalations.all()]
    return max(dates, default=None)


def next_escalation_date(challenge: Challenge, *, escalation_days: int) -> datetime.date | None:
    """The day the challenge escalates one level if it is still unanswered.

    None when it cannot escalate further: it is not awaiting a response (answered or
    closed), or it has already reached the chair.
    """
    if challenge.status != Challenge.Status.AWAITING_RESPONSE:
        return None
    if challenge.escalation_level >= EscalationLevel.CHAIR:
        return None
    period = datetime.timedelta(days=escalation_days)
    due = challenge.response_due_on + period
    previous = last_escalated_on(challenge)
    if previous is not None:
        due = max(due, previous + period)
    return due

"""Reminders to auditors whose answers are due: once in the week before the due date, then
weekly while they are overdue (the reminder job's policy for the two kinds)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.urls import reverse

from safeboard.core.dates import long_date
from safeboard.reminders.models import ReminderKind
from safeboard.reminders.sources import DUE_SOON_DAYS, Due

from . import selectors


def audit_answer_reminders(today: datetime.date) -> Iterator[Due]:
    """Each auditor's unsubmitted answers in open rounds, due within the week or overdue."""
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    for assignment in selectors.reminder_assignments(horizon=horizon):
        user = getattr(assignment.auditor, "user", None)
        if user is None or not user.is_active:
            continue
        overdue = assignment.due_on < today
        kind = ReminderKind.AUDIT_ANSWERS_OVERDUE if overdue else ReminderKind.AUDIT_ANSWERS_DUE
        when = "were due" if overdue else "are due"
        case = assignment.case
        yield Due(
            kind,
            user,
            assignment,
            assignment.due_on,
            f"Case audit {case.reference} ({case.round.title}): {assignment.agency.name}\u2019s "
            f"answers {when} on {long_date(assignment.due_on)}.",
            link=reverse("audits:assignment_answer", kwargs={"pk": assignment.pk}),
        )

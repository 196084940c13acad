"""The business plan's reminders: a priority's review due within the week, to its lead."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from safeboard.core.dates import long_date
from safeboard.reminders.models import ReminderKind
from safeboard.reminders.sources import DUE_SOON_DAYS, Due, account_of

from .models import Priority


def priority_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    priorities = Priority.objects.filter(
        status=Priority.Status.ACTIVE, review_date__lte=horizon
    ).select_related("lead_person__user", "plan")
    for priority in priorities:
        user = account_of(priority.lead_person)
        if user is not None:
            yield Due(
                ReminderKind.PRIORITY_REVIEW_DUE,
                user,
                priority,
                priority.review_date,
                f"Review of {priority} due on {long_date(priority.review_date)}",
            )

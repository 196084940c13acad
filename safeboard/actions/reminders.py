"""The action spine's reminders: an owner's actions due within the week, then overdue."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from safeboard.core.dates import long_date
from safeboard.reminders.models import ReminderKind
from safeboard.reminders.sources import DUE_SOON_DAYS, Due, account_of

from .models import Action


def action_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    actions = (
        Action.objects.exclude(status=Action.Status.COMPLETE)
        .filter(due_on__lte=horizon)
        .select_related("owner_person__user")
    )
    for action in actions:
        user = account_of(action.owner_person)
        if user is None:
            continue
        if action.due_on < today:
            yield Due(
                ReminderKind.ACTION_OVERDUE,
                user,
                action,
                action.due_on,
                f"Action overdue since {long_date(action.due_on)}: {action.title}",
            )
        else:
            yield Due(
                ReminderKind.ACTION_DUE_SOON,
                user,
                action,
                action.due_on,
                f"Action due on {long_date(action.due_on)}: {action.title}",
            )

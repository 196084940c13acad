"""The risk register's reminders: a risk's review due within the week, to its owner."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from safeboard.core.dates import long_date
from safeboard.reminders.models import ReminderKind
from safeboard.reminders.sources import DUE_SOON_DAYS, Due, account_of

from .models import Risk


def risk_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    risks = (
        Risk.objects.exclude(status=Risk.Status.CLOSED)
        .filter(review_date__lte=horizon)
        .select_related("owner_person__user")
    )
    for risk in risks:
        user = account_of(risk.owner_person)
        if user is not None:
            yield Due(
                ReminderKind.RISK_REVIEW_DUE,
                user,
                risk,
                risk.review_date,
                f"Review of risk {risk.reference} due on {long_date(risk.review_date)}: "
                f"{risk.title}",
            )

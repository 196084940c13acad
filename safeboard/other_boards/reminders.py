"""A protocol with another board due for review within the week, to its lead."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from safeboard.core.dates import long_date
from safeboard.reminders.models import ReminderKind
from safeboard.reminders.sources import DUE_SOON_DAYS, Due, account_of

from .selectors import protocols_due


def protocol_reminders(today: datetime.date) -> Iterator[Due]:
    for protocol in protocols_due(by=today + datetime.timedelta(days=DUE_SOON_DAYS)):
        user = account_of(protocol.lead_person)
        if user is not None:
            yield Due(
                ReminderKind.PROTOCOL_REVIEW_DUE,
                user,
                protocol,
                protocol.review_on,
                f"Review of the protocol with {protocol.board} due on "
                f"{long_date(protocol.review_on)}: {protocol.title}",
            )

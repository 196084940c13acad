"""What is due today, and for whom: every record with a date somebody must meet.

Each module registers its sources (`core.extension_points.reminder_sources`); each source
returns `Due` items; the digest job decides which of them have already been reminded (see
`policy.py`) and sends the rest, one email per person.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Model

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.core.extension_points import reminder_sources

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
    link: str = ""  # the page to open, when it is not the record's own page

    @property
    def url(self) -> str:
        # Models name their page by the get_absolute_url() convention, not a declared method.
        record: Any = self.record
        return self.link or record.get_absolute_url()


def account_of(person) -> User | None:
    """The active account of a person, if they have one (people without accounts get none)."""
    user = getattr(person, "user", None) if person is not None else None
    return user if user is not None and user.is_active else None


def agency_leads(agency_ids: Iterable[int]) -> dict[int, list[User]]:
    """The active agency leads of each agency: the people who answer its challenges and
    queries and submit its figures."""
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
        if user.person is not None:  # always: they were found by their person's agency
            leads.setdefault(user.person.agency_id, []).append(user)
    return leads


def everything_due(today: datetime.date) -> Iterator[Due]:
    for source in reminder_sources:
        yield from source.due(today)

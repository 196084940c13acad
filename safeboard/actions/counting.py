"""What "open" and "overdue" mean, once, for every page that counts actions.

An action is open until it is complete: an open action past its due date is overdue and still
open. Every count says so in the same words, "12 open (of which 3 overdue)", so the home page,
a priority, a review's action plan and a theme's chain never disagree about the same actions.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from .models import Action

DUE_SOON_DAYS = 14


def is_open() -> Q:
    """Not complete (overdue included)."""
    return ~Q(status=Action.Status.COMPLETE)


def is_overdue(today: datetime.date) -> Q:
    """Open and past its due date."""
    return is_open() & Q(due_on__lt=today)


def is_due_soon(today: datetime.date) -> Q:
    """Open, not yet overdue, and due within the next fortnight."""
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    return is_open() & Q(due_on__gte=today, due_on__lte=horizon)


@dataclass(frozen=True)
class ActionCounts:
    open: int = 0  # overdue included
    overdue: int = 0
    complete: int = 0
    due_soon: int = 0

    @property
    def total(self) -> int:
        return self.open + self.complete

    @property
    def percent_complete(self) -> int:
        return round(100 * self.complete / self.total) if self.total else 0

    @property
    def open_words(self) -> str:
        """ "12 open (of which 3 overdue)": the one way a count of open actions is worded."""
        return f"{self.open} open (of which {self.overdue} overdue)"

    @property
    def summary(self) -> str:
        """ "15 actions: 3 complete, 12 open (of which 3 overdue)." """
        plural = "s" if self.total != 1 else ""
        return f"{self.total} action{plural}: {self.complete} complete, {self.open_words}."

    def __add__(self, other: ActionCounts) -> ActionCounts:
        return ActionCounts(
            open=self.open + other.open,
            overdue=self.overdue + other.overdue,
            complete=self.complete + other.complete,
            due_soon=self.due_soon + other.due_soon,
        )


def count_annotations(today: datetime.date) -> dict[str, Count]:
    """The counts as aggregates, for `.aggregate()` or `.values(...).annotate()`."""
    return {
        "open": Count("id", filter=is_open()),
        "overdue": Count("id", filter=is_overdue(today)),
        "complete": Count("id", filter=~is_open()),
        "due_soon": Count("id", filter=is_due_soon(today)),
    }


def counts_from(row: dict) -> ActionCounts:
    """The counts from a row annotated with `count_annotations`."""
    return ActionCounts(
        open=row["open"], overdue=row["overdue"], complete=row["complete"], due_soon=row["due_soon"]
    )


def count_actions(actions: QuerySet[Action], *, today: datetime.date | None = None) -> ActionCounts:
    """`actions` counted in one query."""
    today = today or timezone.localdate()
    return counts_from(actions.order_by().aggregate(**count_annotations(today)))


def count_listed(actions: Iterable[Action], *, today: datetime.date | None = None) -> ActionCounts:
    """Actions already read, counted by the same rules without another query."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    open_count = overdue = complete = due_soon = 0
    for action in actions:
        if action.status == Action.Status.COMPLETE:
            complete += 1
            continue
        open_count += 1
        if action.due_on < today:
            overdue += 1
        elif action.due_on <= horizon:
            due_soon += 1
    return ActionCounts(open=open_count, overdue=overdue, complete=complete, due_soon=due_soon)

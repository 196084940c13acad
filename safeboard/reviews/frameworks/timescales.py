"""The statutory clock of a case review, in working days (DATA.md, "Working days").

Due dates count forward from a start day: due = the Nth working day after it, with England's
bank holidays from the `holidays` package. A review counts with the timescales copied onto it
at referral, never with the edition's current ones, so editing the framework table does not
move a running review's dates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Protocol

from safeboard.core.dates import add_months
from safeboard.core.workdays import ONE_DAY, is_working_day, working_days_between

from ..models import RapidReviewBasis

__all__ = [
    "SNAPSHOT_FIELDS",
    "EditionClock",
    "add_months",
    "add_working_days",
    "decision_due",
    "edition_timescales",
    "is_working_day",
    "notification_due",
    "rapid_review_due",
    "review_due",
    "working_days_between",
]


class Timescales(Protocol):
    """What the clock needs: a Review (its snapshot) or an edition with an aware date.

    The clock only reads them, so a frozen EditionClock serves as well as a Review.
    """

    @property
    def aware_date(self) -> datetime.date: ...
    @property
    def notification_working_days(self) -> int | None: ...
    @property
    def rapid_review_working_days(self) -> int | None: ...
    @property
    def rapid_review_basis(self) -> str: ...
    @property
    def decision_working_days(self) -> int | None: ...


# The edition's timescales a review copies when the case is referred.
SNAPSHOT_FIELDS = (
    "notification_working_days",
    "rapid_review_working_days",
    "rapid_review_basis",
    "decision_working_days",
    "review_months",
)


@dataclass(frozen=True)
class EditionClock:
    """An edition's timescales applied to a day of becoming aware, before any case exists."""

    aware_date: datetime.date
    notification_working_days: int | None
    rapid_review_working_days: int | None
    rapid_review_basis: str
    decision_working_days: int | None
    review_months: int

    @classmethod
    def of(cls, edition, aware_date: datetime.date) -> EditionClock:
        return cls(aware_date, *(getattr(edition, field) for field in SNAPSHOT_FIELDS))


def add_working_days(start: datetime.date, n: int) -> datetime.date:
    """The nth working day after `start` (`start` itself when n is 0)."""
    if n < 0:
        raise ValueError("Count working days forward only.")
    day = start
    while n:
        day += ONE_DAY
        if is_working_day(day):
            n -= 1
    return day


def notification_due(case: Timescales) -> datetime.date | None:
    """Serious incident notification: N working days after becoming aware (s16C, 5 days)."""
    if case.notification_working_days is None:
        return None
    return add_working_days(case.aware_date, case.notification_working_days)


def rapid_review_start(
    case: Timescales, *, notification_sent_on: datetime.date | None
) -> datetime.date | None:
    """The day the rapid review counts from: becoming aware, or the notification by setting.

    Counted from the notification, it has no start until the notification is sent.
    """
    if case.rapid_review_basis == RapidReviewBasis.NOTIFIED:
        return notification_sent_on
    return case.aware_date


def rapid_review_due(
    case: Timescales, *, notification_sent_on: datetime.date | None = None
) -> datetime.date | None:
    """The rapid review goes to the Panel N working days after its start (15 days)."""
    if case.rapid_review_working_days is None:
        return None
    start = rapid_review_start(case, notification_sent_on=notification_sent_on)
    if start is None:
        return None
    return add_working_days(start, case.rapid_review_working_days)


def decision_due(
    case: Timescales, *, notification_sent_on: datetime.date | None = None
) -> datetime.date | None:
    """The decision whether to hold a review: the edition's own timescale (serious case
    reviews), else the rapid review's, which is where the decision is made."""
    if case.decision_working_days is not None:
        return add_working_days(case.aware_date, case.decision_working_days)
    return rapid_review_due(case, notification_sent_on=notification_sent_on)


def review_due(started_on: datetime.date, review_months: int) -> datetime.date:
    """A review completes (SCR) or is published (LCSPR) review_months calendar months after
    its start."""
    return add_months(started_on, review_months)


def working_days_left(today: datetime.date, due_on: datetime.date) -> int:
    """Working days after today up to the due date; negative once it has passed."""
    return working_days_between(today, due_on)


def edition_timescales(edition, aware_date: datetime.date) -> dict[str, datetime.date | None]:
    """The due dates an edition sets for a case the partnership became aware of on a day.

    Where the edition counts the rapid review from the notification, it is counted from the
    day the notification is due: the latest the rapid review can then be due. The decision's
    date is given only where the edition has its own timescale for it (serious case reviews).
    """
    clock = EditionClock.of(edition, aware_date)
    notified_by = notification_due(clock)
    due = {
        "notification_due": notified_by,
        "rapid_review_due": rapid_review_due(clock, notification_sent_on=notified_by),
    }
    if clock.decision_working_days is not None:
        due["decision_due"] = decision_due(clock)
    return due

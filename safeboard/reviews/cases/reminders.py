"""Reminders of case review steps: once in the week before a step is due, then weekly while
it is overdue (the reminder job's policy for the two kinds).

They go to the business managers and to the review's panel chair and lead reviewer. The text
names the case by its reference and pseudonym only: an email leaves SafeBoard, and nothing in
it may identify a child.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from safeboard.core.dates import long_date
from safeboard.reminders.models import ReminderKind
from safeboard.reminders.sources import DUE_SOON_DAYS, Due

from ..models import Review
from . import selectors
from .steps import DueStep, pending_steps


def _case(review: Review) -> str:
    return f"Case review {review.reference} ({review.child_pseudonym})"


def _describe(step: DueStep, *, today: datetime.date) -> str:
    when = "was due on" if step.due_on < today else "is due on"
    return f"{step.label} {when} {long_date(step.due_on)}"


def _lines(review: Review, steps: list[DueStep], *, today: datetime.date) -> Iterator[tuple]:
    """(kind, record, due date, text): the review's own steps make one line per kind, each
    contribution and milestone one line of its own (the job reminds a record once per kind)."""
    for overdue in (True, False):
        kind = ReminderKind.REVIEW_STEP_OVERDUE if overdue else ReminderKind.REVIEW_STEP_DUE
        chosen = [step for step in steps if step.is_overdue == overdue]
        own = [step for step in chosen if step.record is review]
        if own:
            # Overdue: from the first missed date; due: the latest, so a new step is reminded.
            due_on = min(s.due_on for s in own) if overdue else max(s.due_on for s in own)
            text = f"{_case(review)}: " + "; ".join(_describe(s, today=today) for s in own) + "."
            yield kind, review, due_on, text
        for step in chosen:
            if step.record is not review:
                text = f"{_case(review)}: {_describe(step, today=today)}."
                yield kind, step.record, step.due_on, text


def review_step_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    reviews = list(selectors.reviews_to_chase())
    if not reviews:
        return
    managers = selectors.business_managers()
    for review in reviews:
        steps = [s for s in pending_steps(review, today=today) if s.due_on <= horizon]
        if not steps:
            continue
        recipients = {user.pk: user for user in managers}
        recipients.update({member.user_id: member.user for member in review.step_owners})
        link = review.get_absolute_url()
        for kind, record, due_on, text in _lines(review, steps, today=today):
            for user in recipients.values():
                yield Due(kind, user, record, due_on, text, link=link)

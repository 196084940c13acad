"""The steps of a case review that have a due date, and where each stands today.

A referred case runs against the clock of its edition (copied onto the review at referral):
the notification, the rapid review, the decision; then, once a review is held, the agencies'
chronologies and reports, the milestones the team sets, and the review's own completion. The
review's page, the home page and the reminders all read the steps from here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models

from ..frameworks import timescales
from ..lifecycle import BELOW_CRITERIA, has_final_report, is_open
from ..models import AgencyContribution, Milestone, Review

DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    record: models.Model
    due_on: datetime.date | None
    today: datetime.date
    done: bool = False
    done_on: datetime.date | None = None
    # Why a step has no due date yet (a rapid review counted from the notification).
    waiting_for: str = ""
    # A step the decision made unnecessary: a case below the criteria is not notified.
    not_needed: bool = False

    @property
    def is_pending(self) -> bool:
        return not self.done and not self.not_needed

    @property
    def is_overdue(self) -> bool:
        return self.is_pending and self.due_on is not None and self.due_on < self.today

    @property
    def is_due_soon(self) -> bool:
        return (
            self.is_pending
            and self.due_on is not None
            and 0 <= (self.due_on - self.today).days <= DUE_SOON_DAYS
        )

    @property
    def working_days_left(self) -> int | None:
        """Working days after today up to the due date; negative once overdue."""
        if self.due_on is None:
            return None
        return timescales.working_days_left(self.today, self.due_on)

    @property
    def working_days_overdue(self) -> int | None:
        left = self.working_days_left
        return None if left is None else -left

    @property
    def calendar_days_left(self) -> int | None:
        return None if self.due_on is None else (self.due_on - self.today).days

    @property
    def calendar_days_overdue(self) -> int | None:
        left = self.calendar_days_left
        return None if left is None else -left

    @property
    def status(self) -> str:
        if self.done:
            return "Done"
        if self.not_needed:
            return "Not needed"
        if self.due_on is None:
            return "Waiting"
        if self.is_overdue:
            return "Overdue"
        if self.due_on == self.today:
            return "Due today"
        if self.is_due_soon:
            return "Due soon"
        return "Not yet due"

    @property
    def status_tag_colour(self) -> str:
        return {
            "Done": "green",
            "Not needed": "grey",
            "Waiting": "grey",
            "Overdue": "red",
            "Due today": "orange",
            "Due soon": "yellow",
            "Not yet due": "blue",
        }[self.status]


def _notification_label(review: Review) -> str:
    body = review.edition.notification_body
    return f"Notify {body}" if body else "Notify the serious incident"


def statutory_steps(review: Review, *, today: datetime.date) -> list[Step]:
    """The notification, the rapid review and the decision, as the review's edition sets them.

    The decision is read from `review.decision` when one exists (select it with the review).
    A case decided to be below the criteria (a learning review, or no review) needs no
    notification or rapid review if none was made.
    """
    steps = []
    sent = review.notification_sent_on
    # A missing reverse one-to-one raises an AttributeError: getattr's default catches it.
    decision = getattr(review, "decision", None)
    below_criteria = decision is not None and decision.outcome in BELOW_CRITERIA
    if review.notification_working_days is not None:
        steps.append(
            Step(
                "notification",
                _notification_label(review),
                review,
                timescales.notification_due(review),
                today,
                done=sent is not None,
                done_on=sent,
                not_needed=below_criteria,
            )
        )
    if review.rapid_review_working_days is not None:
        due_on = timescales.rapid_review_due(review, notification_sent_on=sent)
        steps.append(
            Step(
                "rapid_review",
                "Send the rapid review to the Panel",
                review,
                due_on,
                today,
                done=review.rapid_review_sent_on is not None,
                done_on=review.rapid_review_sent_on,
                waiting_for=("" if due_on else "Counted from the day the notification is sent."),
                not_needed=below_criteria,
            )
        )
    is_scr = review.edition.regime == review.edition.Regime.SERIOUS_CASE_REVIEW
    decision_due = timescales.decision_due(review, notification_sent_on=sent)
    steps.append(
        Step(
            "decision",
            "Decide whether to hold a serious case review"
            if is_scr
            else "Decide whether to hold a local practice review",
            review,
            decision_due,
            today,
            done=decision is not None,
            done_on=decision.decided_on if decision else None,
            waiting_for="" if decision_due else "Made with the rapid review.",
        )
    )
    return steps


def review_completion_step(review: Review, *, today: datetime.date) -> Step | None:
    """The review's own deadline, once a review is under way: its final report."""
    if review.due_on is None:
        return None
    return Step(
        "review",
        "Final report of the review",
        review,
        review.due_on,
        today,
        # The page fills in the day the final report came in (from its upload).
        done=has_final_report(review),
    )


def contribution_step(contribution: AgencyContribution, *, today: datetime.date) -> Step:
    return Step(
        f"contribution-{contribution.pk}",
        f"{contribution.get_kind_display()} from {contribution.agency}",
        contribution,
        contribution.due_on,
        today,
        done=contribution.received_on is not None,
        done_on=contribution.received_on,
    )


def milestone_step(milestone: Milestone, *, today: datetime.date) -> Step:
    return Step(
        f"milestone-{milestone.pk}",
        milestone.title,
        milestone,
        milestone.due_on,
        today,
        done=milestone.completed_on is not None,
        done_on=milestone.completed_on,
    )


def timeline_steps(review: Review, *, today: datetime.date) -> list[Step]:
    """The statutory steps and the review's completion, in the order they fall."""
    steps = statutory_steps(review, today=today)
    completion = review_completion_step(review, today=today)
    return [*steps, completion] if completion else steps


@dataclass(frozen=True)
class DueStep(Step):
    """A step still to do that has its due date: what pending_steps() gives."""

    due_on: datetime.date


def pending_steps(review: Review, *, today: datetime.date) -> list[DueStep]:
    """Every step still to do with a due date, soonest first; none once the case is finished.

    Reads `review.contributions` and `review.milestones`: prefetch them for many reviews.
    """
    if not is_open(review):
        return []
    steps = [
        *timeline_steps(review, today=today),
        *(contribution_step(c, today=today) for c in review.contributions.all()),
        *(milestone_step(m, today=today) for m in review.milestones.all()),
    ]
    waiting = [
        DueStep(**vars(step)) for step in steps if step.is_pending and step.due_on is not None
    ]
    return sorted(waiting, key=lambda step: step.due_on)

"""Every change to a business plan, its priorities, their measures and their reviews."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.actions.services import action_create
from safeboard.core.dates import add_months, long_date
from safeboard.core.history import save_with_reason
from safeboard.partnership.models import Agency, Person
from safeboard.themes.models import Theme

from .models import BusinessPlan, Priority, PriorityMeasure, PriorityReview

PLAN_ENDS_BEFORE_IT_STARTS = "The plan must end after it starts."
PLAN_ALLOWS_NO_PRIORITY = "A plan must allow at least 1 active priority."
LEAD_NOT_IN_AGENCY = "The lead must work for the lead agency."
NUMBER_TAKEN = "Another priority in this plan already has this number."
FIRST_REVIEW_IN_PAST = "The first review date cannot be in the past."
REVIEW_IN_FUTURE = "The date of the review cannot be in the future."
REVIEW_BEFORE_LAST = "The review cannot be dated before the last review, on {date}."
NEXT_REVIEW_NOT_AFTER_REVIEW = "The next review must be after the date of this review."
PROGRESS_NOT_ASSESSED = (
    "Select whether the priority is on track, has some concerns or is off track."
)
SUMMARY_REQUIRED = "Enter what the review found and what changed."
ONLY_ACTIVE_REVIEWED = "Only an active priority is reviewed: this one is {status}."
ONLY_ACTIVE_GETS_ACTIONS = "Actions are added only to an active priority: this one is {status}."
MEASURE_DESCRIPTION_REQUIRED = "Describe the measure."

# A review judges progress; "not yet assessed" is only the state before the first review.
REVIEW_PROGRESS = [
    choice for choice in Priority.Progress if choice != Priority.Progress.NOT_ASSESSED
]


def _check_plan(starts_on: datetime.date, ends_on: datetime.date, max_active: int) -> None:
    errors = {}
    if starts_on and ends_on and ends_on <= starts_on:
        errors["ends_on"] = PLAN_ENDS_BEFORE_IT_STARTS
    if max_active is not None and max_active < 1:
        errors["max_active_priorities"] = PLAN_ALLOWS_NO_PRIORITY
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def business_plan_create(
    *,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    summary: str = "",
    max_active_priorities: int = 4,
) -> BusinessPlan:
    _check_plan(starts_on, ends_on, max_active_priorities)
    plan = BusinessPlan(
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        summary=summary,
        max_active_priorities=max_active_priorities,
    )
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def business_plan_update(
    *,
    plan: BusinessPlan,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    summary: str,
    max_active_priorities: int,
) -> BusinessPlan:
    _check_plan(starts_on, ends_on, max_active_priorities)
    plan.title = title
    plan.starts_on = starts_on
    plan.ends_on = ends_on
    plan.summary = summary
    plan.max_active_priorities = max_active_priorities
    plan.full_clean()
    plan.save()
    return plan


def _check_lead(lead_agency: Agency, lead_person: Person) -> None:
    if lead_person.agency_id != lead_agency.pk:
        raise ValidationError({"lead_person": LEAD_NOT_IN_AGENCY})


def _check_number_free(plan: BusinessPlan, number: int, priority: Priority | None = None) -> None:
    taken = Priority.objects.filter(plan=plan, number=number)
    if priority is not None:
        taken = taken.exclude(pk=priority.pk)
    if taken.exists():
        raise ValidationError({"number": NUMBER_TAKEN})


@transaction.atomic
def priority_create(
    *,
    plan: BusinessPlan,
    title: str,
    objectives: str,
    lead_agency: Agency,
    lead_person: Person,
    review_date: datetime.date,
    description: str = "",
    number: int | None = None,
    review_interval_months: int = 3,
    themes: Iterable[Theme] = (),
) -> Priority:
    """Add an active priority to a plan, numbered after the last one unless a number is given.

    A plan may end up with more active priorities than it allows: the business manager is
    warned (see selectors.too_many_active_priorities), not stopped.
    """
    _check_lead(lead_agency, lead_person)
    if review_date and review_date < timezone.localdate():
        raise ValidationError({"review_date": FIRST_REVIEW_IN_PAST})
    # Lock the plan so two priorities added at once cannot take the same number.
    BusinessPlan.objects.select_for_update().filter(pk=plan.pk).first()
    if number is None:
        number = (plan.priorities.aggregate(last=Max("number"))["last"] or 0) + 1
    else:
        _check_number_free(plan, number)
    priority = Priority(
        plan=plan,
        number=number,
        title=title,
        description=description,
        objectives=objectives,
        lead_agency=lead_agency,
        lead_person=lead_person,
        review_date=review_date,
        review_interval_months=review_interval_months,
    )
    priority.full_clean()
    priority.save()
    priority.themes.set(themes)
    return priority


@transaction.atomic
def priority_update(
    *,
    priority: Priority,
    number: int,
    title: str,
    description: str,
    objectives: str,
    lead_agency: Agency,
    lead_person: Person,
    status: str,
    review_date: datetime.date,
    review_interval_months: int,
    themes: Iterable[Theme] | None = None,
) -> Priority:
    """Change a priority; its themes stay as they are unless `themes` is given."""
    _check_lead(lead_agency, lead_person)
    _check_number_free(priority.plan, number, priority)
    priority.number = number
    priority.title = title
    priority.description = description
    priority.objectives = objectives
    priority.lead_agency = lead_agency
    priority.lead_person = lead_person
    priority.status = status
    priority.review_date = review_date
    priority.review_interval_months = review_interval_months
    priority.full_clean()
    priority.save()
    if themes is not None:
        priority.themes.set(themes)
    return priority


def rolled_forward_review_date(*, priority: Priority, reviewed_on: datetime.date) -> datetime.date:
    """The next review is due the priority's review interval after this one."""
    return add_months(reviewed_on, priority.review_interval_months)


@transaction.atomic
def priority_review_record(
    *,
    priority: Priority,
    reviewed_on: datetime.date,
    progress: str,
    summary: str,
    next_review_date: datetime.date | None = None,
    reviewed_by: User | None = None,
) -> PriorityReview:
    """Keep a review and, with it, move the priority's progress and next review date."""
    # Lock the priority so two reviews recorded at once cannot both roll its date forward.
    Priority.objects.select_for_update().filter(pk=priority.pk).first()
    priority.refresh_from_db(fields=["status", "review_interval_months"])
    if priority.status != Priority.Status.ACTIVE:
        raise ValidationError(
            ONLY_ACTIVE_REVIEWED.format(status=priority.get_status_display().lower())
        )
    errors: dict[str, str] = {}
    last = priority.reviews.order_by("-reviewed_on").values_list("reviewed_on", flat=True).first()
    if reviewed_on > timezone.localdate():
        errors["reviewed_on"] = REVIEW_IN_FUTURE
    elif last is not None and reviewed_on < last:
        errors["reviewed_on"] = REVIEW_BEFORE_LAST.format(date=long_date(last))
    if progress not in REVIEW_PROGRESS:
        errors["progress"] = PROGRESS_NOT_ASSESSED
    if not summary.strip():
        errors["summary"] = SUMMARY_REQUIRED
    next_on = next_review_date or rolled_forward_review_date(
        priority=priority, reviewed_on=reviewed_on
    )
    if next_on <= reviewed_on:
        errors["next_review_date"] = NEXT_REVIEW_NOT_AFTER_REVIEW
    if errors:
        raise ValidationError(errors)
    review = PriorityReview(
        priority=priority,
        reviewed_on=reviewed_on,
        reviewed_by=reviewed_by,
        progress=progress,
        summary=summary.strip(),
        next_review_date=next_on,
    )
    review.full_clean()
    review.save()
    priority.progress = progress
    priority.review_date = next_on
    save_with_reason(
        priority,
        f"Reviewed on {long_date(reviewed_on)}",
        fields=["progress", "review_date"],
    )
    return review


@transaction.atomic
def measure_add(
    *, priority: Priority, description: str, target: models.Model | None = None
) -> PriorityMeasure:
    """Add a measure of progress, optionally linked to the record that shows it."""
    if not description.strip():
        raise ValidationError({"description": MEASURE_DESCRIPTION_REQUIRED})
    measure = PriorityMeasure(priority=priority, description=description.strip())
    if target is not None:
        measure.target = target
    measure.full_clean()
    measure.save()
    return measure


@transaction.atomic
def measure_remove(*, measure: PriorityMeasure) -> None:
    """Remove a measure; its history keeps what it was."""
    measure.delete()


@transaction.atomic
def priority_action_add(
    *,
    priority: Priority,
    title: str,
    owner_agency: Agency,
    owner_person: Person,
    due_on: datetime.date,
    description: str = "",
    created_by: User | None = None,
) -> Action:
    """Add an action to the action spine that delivers this priority."""
    if priority.status != Priority.Status.ACTIVE:
        raise ValidationError(
            ONLY_ACTIVE_GETS_ACTIONS.format(status=priority.get_status_display().lower())
        )
    return action_create(
        title=title,
        description=description,
        owner_agency=owner_agency,
        owner_person=owner_person,
        due_on=due_on,
        source=priority,
        created_by=created_by,
    )

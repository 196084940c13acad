"""Induction of new and lay board members: the standard checklist, and every change to a plan.

Working Together to Safeguard Children expects the safeguarding partners to make sure board
members, and lay members in particular, understand their role: each new member gets a plan
with a named buddy and a checklist, and the plan completes when its last item is done.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from safeboard.accounts.models import RoleAssignment
from safeboard.accounts.roles import Role

from .models import InductionItem, InductionPlan, Membership, Person

PLAN_ALREADY_EXISTS = "This person already has an induction plan."


@dataclass(frozen=True)
class ChecklistItem:
    title: str
    days_after_start: int


STANDARD_CHECKLIST = (
    ChecklistItem("Meet the independent chair", 14),
    ChecklistItem("Meet the business manager", 14),
    ChecklistItem("Read the members\u2019 handbook", 21),
    ChecklistItem("Read the latest annual report", 30),
    ChecklistItem("Read the partnership\u2019s priorities and business plan", 30),
    ChecklistItem("Complete multi-agency safeguarding children training", 45),
    ChecklistItem("Attend a briefing on learning from local and national reviews", 60),
    ChecklistItem("Observe a board meeting", 60),
)

# Lay members bring the community's view and have no agency behind them, so they get a
# grounding in the statutory framework and in front-line practice as well.
LAY_MEMBER_CHECKLIST = (
    ChecklistItem("Meet your buddy to talk through the role of a lay member", 14),
    ChecklistItem("Read Working Together to Safeguard Children (the statutory guidance)", 30),
    ChecklistItem("Visit a front-line service with a partner agency", 75),
    ChecklistItem("Agree how you will keep in touch with local community groups", 90),
)


def is_lay_member(person: Person) -> bool:
    """A lay member by a current membership of a group, or by the role of their account."""
    by_membership = person.memberships.filter(
        role=Membership.Role.LAY_MEMBER, ended_on__isnull=True
    ).exists()
    by_account = RoleAssignment.objects.filter(user__person=person, role=Role.LAY_MEMBER).exists()
    return by_membership or by_account


def checklist_for(person: Person) -> tuple[ChecklistItem, ...]:
    if is_lay_member(person):
        return STANDARD_CHECKLIST + LAY_MEMBER_CHECKLIST
    return STANDARD_CHECKLIST


@transaction.atomic
def induction_plan_create(
    *,
    person: Person,
    started_on: datetime.date,
    target_completion_on: datetime.date,
    buddy: Person | None = None,
) -> InductionPlan:
    """A plan with the checklist for this person; no item falls due after the target date."""
    if InductionPlan.objects.filter(person=person).exists():
        raise ValidationError({"person": PLAN_ALREADY_EXISTS})
    plan = InductionPlan(
        person=person,
        buddy=buddy,
        started_on=started_on,
        target_completion_on=target_completion_on,
    )
    plan.full_clean()
    plan.save()
    bulk_create_with_history(
        [
            InductionItem(
                plan=plan,
                title=item.title,
                due_on=min(
                    started_on + datetime.timedelta(days=item.days_after_start),
                    target_completion_on,
                ),
            )
            for item in checklist_for(person)
        ],
        InductionItem,
    )
    return plan


@transaction.atomic
def induction_item_tick(*, item: InductionItem) -> InductionItem:
    """Mark an item done today, or not done if it was; the plan follows its items."""
    plan = InductionPlan.objects.select_for_update().get(pk=item.plan_id)
    item.completed_on = None if item.completed_on else timezone.localdate()
    item.save(update_fields=["completed_on"])
    _settle_plan_completion(plan)
    item.plan = plan
    return item


def _settle_plan_completion(plan: InductionPlan) -> None:
    """A plan is complete on the day its last item was done, and open again if one is undone."""
    dates = list(plan.items.values_list("completed_on", flat=True))
    done = [day for day in dates if day is not None]
    completed_on = max(done) if dates and len(done) == len(dates) else None
    if plan.completed_on != completed_on:
        plan.completed_on = completed_on
        plan.save(update_fields=["completed_on"])

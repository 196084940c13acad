"""Reads of the partnership for pages and reports; each list is a fixed number of queries."""

from __future__ import annotations

import datetime

from django.db.models import BooleanField, Count, ExpressionWrapper, Prefetch, Q, QuerySet
from django.utils import timezone

from safeboard.accounts.models import User

from .models import Agency, Group, HandbookPage, InductionItem, InductionPlan, Membership, Person


def _current(today: datetime.date | None = None) -> Q:
    """A membership that has not ended by today (it may end later)."""
    today = today or timezone.localdate()
    return Q(ended_on__isnull=True) | Q(ended_on__gte=today)


# Agencies ----------------------------------------------------------------------------------


def agency_list(*, type: str = "") -> QuerySet[Agency]:
    agencies = Agency.objects.annotate(
        people_count=Count("people", filter=Q(people__is_active=True))
    )
    if type:
        agencies = agencies.filter(type=type)
    return agencies.order_by("name")


def agency_people(*, agency: Agency) -> QuerySet[Person]:
    return agency.people.select_related("user").order_by("-is_active", "full_name")


def agency_current_memberships(*, agency: Agency) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(_current(), person__agency=agency)
        .select_related("group", "person")
        .order_by("group__kind", "group__name", "person__full_name")
    )


# People ------------------------------------------------------------------------------------


def person_list(*, agency_id: int | None = None, search: str = "") -> QuerySet[Person]:
    people = Person.objects.select_related("agency", "user")
    if agency_id:
        people = people.filter(agency_id=agency_id)
    if search:
        people = people.filter(full_name__icontains=search.strip())
    return people.order_by("full_name", "pk")


def person_memberships(*, person: Person) -> QuerySet[Membership]:
    return person.memberships.select_related("group").order_by("-started_on")


def person_account(*, person: Person) -> User | None:
    return User.objects.filter(person=person).first()


# Groups ------------------------------------------------------------------------------------


def group_list() -> QuerySet[Group]:
    today = timezone.localdate()
    return Group.objects.select_related("parent").annotate(
        member_count=Count(
            "memberships",
            filter=Q(memberships__ended_on__isnull=True) | Q(memberships__ended_on__gte=today),
        )
    )


def group_memberships(*, group: Group) -> tuple[QuerySet[Membership], QuerySet[Membership]]:
    """The current members, and separately the past ones (latest to leave first)."""
    memberships = group.memberships.select_related("person__agency")
    current = memberships.filter(_current()).order_by("person__full_name")
    past = memberships.exclude(_current()).order_by("-ended_on", "person__full_name")
    return current, past


# Induction ---------------------------------------------------------------------------------


def induction_plan_list(*, person_id: int | None = None) -> QuerySet[InductionPlan]:
    """Every plan, or only those of one person as new member or buddy, with their progress.

    A plan is overdue when it is not complete and its target date or one of its items' due
    dates has passed.
    """
    today = timezone.localdate()
    open_items = Q(items__completed_on__isnull=True)
    plans = (
        InductionPlan.objects.select_related("person__agency", "buddy")
        .annotate(
            item_count=Count("items"),
            done_count=Count("items", filter=Q(items__completed_on__isnull=False)),
            overdue_item_count=Count("items", filter=open_items & Q(items__due_on__lt=today)),
        )
        .annotate(
            is_overdue=ExpressionWrapper(
                Q(completed_on__isnull=True)
                & (Q(target_completion_on__lt=today) | Q(overdue_item_count__gt=0)),
                output_field=BooleanField(),
            )
        )
    )
    if person_id is not None:
        plans = plans.filter(Q(person_id=person_id) | Q(buddy_id=person_id))
    return plans.order_by("completed_on", "target_completion_on", "pk")


def induction_plan_detail(*, pk: int) -> InductionPlan:
    """The plan with its checklist in due order, each item marked overdue or not."""
    items = InductionItem.objects.annotate(
        is_overdue=ExpressionWrapper(
            Q(completed_on__isnull=True, due_on__lt=timezone.localdate()),
            output_field=BooleanField(),
        )
    ).order_by("due_on", "title")
    return (
        InductionPlan.objects.select_related("person__agency", "buddy__agency")
        .prefetch_related(Prefetch("items", queryset=items))
        .get(pk=pk)
    )


def open_induction_items_for(*, person_id: int) -> QuerySet[InductionItem]:
    return InductionItem.objects.filter(
        plan__person_id=person_id, completed_on__isnull=True
    ).order_by("due_on")


# Handbook ----------------------------------------------------------------------------------


def handbook_pages() -> QuerySet[HandbookPage]:
    return HandbookPage.objects.order_by("position", "title")

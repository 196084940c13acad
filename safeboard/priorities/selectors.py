"""Reads of the business plan for pages, reminders, the home page and reports."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.evidence import GatheredSection, gather, identity
from safeboard.core.extension_points import PRIORITY, THEME, evidence_about
from safeboard.themes.models import Theme

from .models import BusinessPlan, Priority, PriorityMeasure, PriorityReview


def too_many_active_priorities(*, plan: BusinessPlan, active_count: int) -> bool:
    """More active priorities than the plan allows: the board has lost focus.

    Good boards keep a few clearly defined priorities; the business manager is warned
    (never stopped) when a plan holds more active ones than its `max_active_priorities`.
    """
    return active_count > plan.max_active_priorities


def active_priority_count(*, plan: BusinessPlan) -> int:
    return plan.priorities.filter(status=Priority.Status.ACTIVE).count()


def plan_list(*, today: datetime.date | None = None) -> Sequence[BusinessPlan]:
    """Every plan, latest first, each with `active_count`, `overdue_count` and `too_many_active`."""
    today = today or timezone.localdate()
    active = Q(priorities__status=Priority.Status.ACTIVE)
    plans = list(
        BusinessPlan.objects.annotate(
            active_count=Count("priorities", filter=active),
            overdue_count=Count("priorities", filter=active & Q(priorities__review_date__lt=today)),
        ).order_by("-starts_on", "-pk")
    )
    for plan in plans:
        # A figure for the page, set beside the counts the query annotated.
        plan.too_many_active = too_many_active_priorities(  # type: ignore[attr-defined]
            plan=plan, active_count=plan.active_count
        )
    return plans


@dataclass
class PlanPage:
    plan: BusinessPlan
    priorities: list[Priority]
    active_count: int
    overdue_count: int
    too_many_active: bool


def plan_page(*, plan: BusinessPlan, today: datetime.date | None = None) -> PlanPage:
    """A plan and its priorities in plan order, in a fixed number of queries."""
    today = today or timezone.localdate()
    priorities = list(
        plan.priorities.select_related("lead_agency", "lead_person").order_by("number", "pk")
    )
    active_count = sum(1 for p in priorities if p.status == Priority.Status.ACTIVE)
    return PlanPage(
        plan=plan,
        priorities=priorities,
        active_count=active_count,
        overdue_count=sum(1 for p in priorities if p.is_review_overdue(today)),
        too_many_active=too_many_active_priorities(plan=plan, active_count=active_count),
    )


@dataclass
class PriorityEvidence:
    """Everything known about a priority: its measures, its reviews, every module's section
    about the priority itself (actions, risks, challenges and whatever later modules
    register) and every module's section about the themes it addresses."""

    priority: Priority
    measures: list[PriorityMeasure]
    reviews: list[PriorityReview]
    themes: list[Theme] = field(default_factory=list)
    sections: list[GatheredSection] = field(default_factory=list)

    def section(self, key: str) -> GatheredSection | None:
        return next((section for section in self.sections if section.key == key), None)


def priority_evidence(priority: Priority, *, user: User | None = None) -> PriorityEvidence:
    """What the priority's page (and the annual report) shows about one priority.

    Its own sections come first; then each theme section, gathered over all the themes the
    priority addresses, each record once, and none already shown in the priority's own
    sections (an indicator linked to the priority and tagged with its theme shows once).
    With a `user`, each section keeps only what the user may see and counts the rest;
    without one (a report, a job), everything is kept.
    """
    measures = list(
        priority.measures.select_related("target_type").prefetch_related("target").order_by("pk")
    )
    reviews = list(
        priority.reviews.select_related("reviewed_by__person").order_by("-reviewed_on", "-pk")
    )
    themes = list(priority.themes.order_by("position", "name"))
    sections = [gather(section, priority, user) for section in evidence_about(PRIORITY)]
    # The priority itself, and what its own sections show, are not shown again.
    shown = {identity(priority)} | {identity(row) for section in sections for row in section.rows}
    if themes:
        sections += [
            gather(section, themes, user, already_shown=shown) for section in evidence_about(THEME)
        ]
    return PriorityEvidence(
        priority=priority, measures=measures, reviews=reviews, themes=themes, sections=sections
    )


def priorities_with_review_due(
    *, today: datetime.date, within_days: int = 14
) -> QuerySet[Priority]:
    """Active priorities whose review falls before `within_days` from today (or is overdue)."""
    horizon = today + datetime.timedelta(days=within_days)
    return (
        Priority.objects.select_related("plan", "lead_agency", "lead_person")
        .filter(status=Priority.Status.ACTIVE, review_date__lt=horizon)
        .order_by("review_date", "plan_id", "number")
    )

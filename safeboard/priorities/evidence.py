"""The evidence sections priorities provides itself: the actions that deliver a priority,
and the risks and challenges linked to it. Other modules add theirs the same way
(core/extension_points.py)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from safeboard.actions.counting import count_listed
from safeboard.actions.models import Action
from safeboard.core.extension_points import PRIORITY, THEME, Evidence

from .models import Priority


def priority_actions(priority: Priority, user=None) -> QuerySet[Action]:
    """The actions on the action spine whose source is this priority, soonest due first."""
    return (
        Action.objects.select_related("owner_agency", "owner_person")
        .filter(source_type=ContentType.objects.get_for_model(Priority), source_id=priority.pk)
        .order_by("due_on", "pk")
    )


def summarise_actions(actions: list[Action]) -> str:
    return count_listed(actions).summary


def _linked_risks(priority: Priority, user=None) -> QuerySet:
    return priority.risks.select_related("owner_agency").order_by("reference")


def _linked_challenges(priority: Priority, user=None) -> QuerySet:
    return priority.challenges.select_related("agency").order_by("-raised_on", "-pk")


BUILT_IN_SECTIONS = [
    Evidence(
        subject=PRIORITY,
        key="actions",
        heading="Actions",
        template_name="priorities/evidence/actions.html",
        records=priority_actions,
        view_permission="actions.view_action",
        empty_text="No actions deliver this priority yet.",
        counted_as=("action", "actions"),
        summarise=summarise_actions,
        order=10,
    ),
    Evidence(
        subject=PRIORITY,
        key="risks",
        heading="Risks",
        template_name="priorities/evidence/risks.html",
        records=_linked_risks,
        view_permission="risks.view_risk",
        empty_text="No risks on the register are linked to this priority.",
        counted_as=("risk", "risks"),
        order=20,
    ),
    Evidence(
        subject=PRIORITY,
        key="challenges",
        heading="Challenges",
        template_name="priorities/evidence/challenges.html",
        records=_linked_challenges,
        view_permission="challenges.view_challenge",
        empty_text="No challenges are linked to this priority.",
        counted_as=("challenge", "challenges"),
        order=30,
    ),
]


def priorities_addressing(themes, user=None) -> QuerySet[Priority]:
    """The priorities addressing any of `themes`, each once, in plan order, latest plan first."""
    addressing = Priority.objects.filter(themes__in=themes).values("pk")
    return (
        Priority.objects.filter(pk__in=addressing)
        .select_related("plan", "lead_agency")
        .order_by("-plan__starts_on", "number")
    )


# On a theme's page: the business plan's priorities that address it.
PRIORITIES_SECTION = Evidence(
    subject=THEME,
    key="priorities",
    heading="Priorities addressing this theme",
    template_name="priorities/evidence/theme_priorities.html",
    records=priorities_addressing,
    view_permission="priorities.view_priority",
    counted_as=("priority", "priorities"),
    empty_text="No priority of the business plan addresses this theme.",
    order=5,
)

"""Reads of the child death learning: its pages, a theme's page, the chain of learning and
the action spine's themes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, QuerySet

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.themes.models import Theme
from safeboard.themes.selectors import tagged_through, themes_through

from .models import DeathCategory, Finding, Recommendation

THEMES_IN_ORDER = Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))


def finding_list() -> QuerySet[Finding]:
    return (
        Finding.objects.select_related("category")
        .prefetch_related(THEMES_IN_ORDER)
        .annotate(recommendation_count=Count("recommendations"))
        .order_by("-agreed_on", "-id")
    )


def active_categories() -> QuerySet[DeathCategory]:
    return DeathCategory.objects.filter(is_active=True)


def finding_recommendations(*, finding: Finding) -> list[Recommendation]:
    """The finding's recommendations, each with its actions as `action_list` (two queries)."""
    recommendations = list(finding.recommendations.order_by("made_on", "id"))
    actions = recommendation_actions(recommendations=recommendations)
    for recommendation in recommendations:
        recommendation.action_list = actions.get(recommendation.pk, [])  # type: ignore[attr-defined]
    return recommendations


def recommendation_actions(*, recommendations: Iterable[Recommendation]) -> dict[int, list[Action]]:
    ids = [recommendation.pk for recommendation in recommendations]
    by_recommendation: dict[int, list[Action]] = defaultdict(list)
    if not ids:
        return by_recommendation
    actions = Action.objects.filter(
        source_type=ContentType.objects.get_for_model(Recommendation), source_id__in=ids
    ).select_related("owner_agency", "owner_person")
    for action in actions.order_by("due_on", "pk"):
        by_recommendation[action.source_id].append(action)  # type: ignore[index]
    return by_recommendation


def findings_about(
    *, themes: Iterable[Theme] | QuerySet[Theme], user: User | None
) -> QuerySet[Finding]:
    found = Finding.objects.filter(
        pk__in=Finding.objects.filter(themes__in=list(themes)).values("pk")
    ).select_related("category")
    if user is not None and not user.has_perm("child_deaths.view"):
        return found.none()
    return found.order_by("-agreed_on", "-id")


def findings_hidden(*, themes: Iterable[Theme] | QuerySet[Theme], user: User) -> int:
    if user.has_perm("child_deaths.view"):
        return 0
    return Finding.objects.filter(themes__in=list(themes)).values("pk").distinct().count()


def recommendations_tagged(themes: Any) -> QuerySet:
    """The ids of the recommendations whose finding is tagged with any of `themes`."""
    return tagged_through(Recommendation, "finding", themes)


def themes_of_recommendations(ids: Iterable[int]) -> dict[int, list[Theme]]:
    """Each recommendation's themes, those of its finding, by recommendation id."""
    return themes_through(Recommendation, "finding", ids)

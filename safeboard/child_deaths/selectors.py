"""Reads of the child death learning: its pages, a theme's page, the chain of learning and
the action spine's themes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from safeboard.accounts.models import User
from safeboard.actions.selectors import actions_answering
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
    actions = actions_answering(recommendations)
    for recommendation in recommendations:
        recommendation.action_list = actions.get(recommendation.pk, [])  # type: ignore[attr-defined]
    return recommendations


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

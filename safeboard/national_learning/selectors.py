"""Reads of the log of national learning: its pages, a theme's page, the chain of learning,
the action spine's themes and the yearly report."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from safeboard.accounts.models import User
from safeboard.actions.selectors import actions_answering
from safeboard.themes.models import Theme
from safeboard.themes.selectors import tagged_through, themes_through

from .models import NationalReview, Recommendation

THEMES_IN_ORDER = Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))


def review_list() -> QuerySet[NationalReview]:
    return (
        NationalReview.objects.prefetch_related(THEMES_IN_ORDER)
        .annotate(recommendation_count=Count("recommendations"))
        .order_by("-published_on", "-id")
    )


def review_recommendations(*, review: NationalReview) -> list[Recommendation]:
    """The review's recommendations, each with its actions as `action_list` (two queries)."""
    recommendations = list(review.recommendations.order_by("made_on", "id"))
    actions = actions_answering(recommendations)
    for recommendation in recommendations:
        recommendation.action_list = actions.get(recommendation.pk, [])  # type: ignore[attr-defined]
    return recommendations


def reviews_about(
    *, themes: Iterable[Theme] | QuerySet[Theme], user: User | None
) -> QuerySet[NationalReview]:
    found = NationalReview.objects.filter(
        pk__in=NationalReview.objects.filter(themes__in=list(themes)).values("pk")
    )
    if user is not None and not user.has_perm("national_learning.view"):
        return found.none()
    return found.order_by("-published_on", "-id")


def reviews_hidden(*, themes: Iterable[Theme] | QuerySet[Theme], user: User) -> int:
    if user.has_perm("national_learning.view"):
        return 0
    return NationalReview.objects.filter(themes__in=list(themes)).values("pk").distinct().count()


def recommendations_tagged(themes: Any) -> QuerySet:
    """The ids of the recommendations whose review is tagged with any of `themes`."""
    return tagged_through(Recommendation, "review", themes)


def themes_of_recommendations(ids: Iterable[int]) -> dict[int, list[Theme]]:
    """Each recommendation's themes, those of its review, by recommendation id."""
    return themes_through(Recommendation, "review", ids)

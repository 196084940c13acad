"""Reads of children's voice for its pages, the public page, a theme's and a priority's
pages, the chain of learning and the yearly report."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum

from safeboard.accounts.models import User
from safeboard.priorities.models import Priority
from safeboard.themes.models import Theme

from .models import Activity, AgeBand, Contribution, Participation, Response


def activity_list() -> QuerySet[Activity]:
    """Every activity with how many took part, how many views were heard and how many have a
    response: one query. Sums over two joins would multiply each other, so each is a subquery."""

    taking_part = (
        Participation.objects.filter(activity=OuterRef("pk"))
        .order_by()
        .values("activity")
        .annotate(total=Sum("count"))
        .values("total")
    )
    heard = (
        Contribution.objects.filter(activity=OuterRef("pk"))
        .order_by()
        .values("activity")
        .annotate(total=Count("pk"))
        .values("total")
    )
    responded = (
        Response.objects.filter(contribution__activity=OuterRef("pk"))
        .order_by()
        .values("contribution__activity")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Activity.objects.annotate(
        taking_part=Subquery(taking_part),
        heard=Subquery(heard),
        responded=Subquery(responded),
    ).order_by("-held_on", "-id")


def _contributions() -> QuerySet[Contribution]:
    return Contribution.objects.select_related(
        "activity", "response", "response__priority", "response__action"
    ).prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("position", "name")))


def activity_contributions(*, activity: Activity) -> QuerySet[Contribution]:
    return _contributions().filter(activity=activity).order_by("id")


def activity_participation(*, activity: Activity) -> list[Participation]:
    return list(activity.participation.order_by("age_band", "group"))


def contribution_detail(*, pk: int) -> Contribution:
    return _contributions().get(pk=pk)


def published_responses() -> QuerySet[Response]:
    """What the public page shows: published responses only, newest first."""
    return (
        Response.objects.filter(is_published=True)
        .select_related("contribution__activity", "priority")
        .prefetch_related(
            Prefetch("contribution__themes", queryset=Theme.objects.order_by("position", "name"))
        )
        .order_by("-published_on", "-responded_on", "-id")
    )


def contributions_about(
    *, themes: Iterable[Theme] | QuerySet[Theme], user: User | None
) -> QuerySet[Contribution]:
    """What children said that is coded to any of `themes`, each once, newest first. Board
    business readers may read them all; others see none (counted by contributions_hidden)."""
    found = _contributions().filter(
        pk__in=Contribution.objects.filter(themes__in=list(themes)).values("pk")
    )
    if user is not None and not user.has_perm("voice.view"):
        return found.none()
    return found.order_by("-activity__held_on", "-id")


def contributions_hidden(*, themes: Iterable[Theme] | QuerySet[Theme], user: User) -> int:
    if user.has_perm("voice.view"):
        return 0
    return Contribution.objects.filter(themes__in=list(themes)).values("pk").distinct().count()


def priority_responses(*, priority: Priority, user: User | None) -> QuerySet[Response]:
    """ "You said, we did" responses that link to the priority (directly or by an action that
    delivers it)."""
    responses = Response.objects.filter(Q(priority=priority)).select_related(
        "contribution__activity", "action"
    )
    if user is not None and not user.has_perm("voice.view"):
        return responses.none()
    return responses.order_by("-responded_on", "-id")


def priority_responses_hidden(*, priority: Priority, user: User) -> int:
    if user.has_perm("voice.view"):
        return 0
    return Response.objects.filter(priority=priority).count()


def contributions_tagged(themes: Any) -> QuerySet:
    return Contribution.objects.filter(themes__in=themes).values("pk").distinct()


def period_figures(*, start: datetime.date, end: datetime.date) -> dict:
    """How children's and families' voices were heard and used in the period, as plain
    values for the yearly report."""
    activities = Activity.objects.filter(held_on__range=(start, end))
    by_kind = {
        row["kind"]: row["total"]
        for row in activities.order_by().values("kind").annotate(total=Count("pk"))
    }
    taking_part = Participation.objects.filter(activity__in=activities)
    by_band = {
        row["age_band"]: row["total"]
        for row in taking_part.order_by().values("age_band").annotate(total=Sum("count"))
    }
    heard = Contribution.objects.filter(activity__in=activities)
    responses = Response.objects.filter(contribution__activity__in=activities)
    themes = (
        Theme.objects.filter(voice_contributions__in=heard)
        .annotate(total=Count("voice_contributions", distinct=True))
        .order_by("-total", "position", "name")
    )
    published = responses.filter(is_published=True).select_related("contribution")
    return {
        "activities": activities.count(),
        "by_kind": [
            {"kind": label, "count": by_kind[value]}
            for value, label in Activity.Kind.choices
            if value in by_kind
        ],
        "taking_part": sum(by_band.values()),
        "by_age_band": [
            {"age_band": label, "count": by_band[value]}
            for value, label in AgeBand.choices
            if value in by_band
        ],
        "views_heard": heard.count(),
        "responded": responses.count(),
        "linked_to_priority": responses.filter(priority__isnull=False).count(),
        "linked_to_action": responses.filter(action__isnull=False).count(),
        "policy_changes": responses.exclude(policy_change="").count(),
        "published": published.count(),
        "themes": [{"theme": theme.name, "count": theme.total} for theme in themes[:10]],
        "you_said_we_did": [
            {"you_said": response.contribution.text, "we_did": response.what_we_did}
            for response in published.order_by("-responded_on", "-id")[:5]
        ],
    }

"""Reads of briefings, limited to the ones a user may read.

`visible_briefings(user)` is the queryset form of the `reviews.view_briefing` rule: shared
briefings about a theme or a published review for everyone signed in with a role; every
briefing of the reviews a user works on; and unshared theme briefings for those who write
them and the chair.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import F, Q, QuerySet

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.themes.models import Theme

from ..cases.selectors import sees_every_review
from ..lifecycle import published_q
from ..models import Briefing, Finding, TeamMember

# Drafts first, then the most recently shared; NULLs placed explicitly, as SQLite and
# PostgreSQL sort them differently.
NEWEST_FIRST = (F("shared_on").desc(nulls_first=True), "-id")


def visible_briefings(user: User) -> QuerySet[Briefing]:
    if not getattr(user, "is_authenticated", False) or not user.roles:
        return Briefing.objects.none()
    if sees_every_review(user):
        return Briefing.objects.all()
    about_theme = Q(review__isnull=True)
    shared = Q(shared_on__isnull=False) & (about_theme | published_q("review__"))
    on_team = Q(review__in=TeamMember.objects.filter(user=user).values("review"))
    visible = shared | on_team
    if user.has_role(Role.LEARNING_OFFICER):
        visible |= about_theme
    return Briefing.objects.filter(visible)


def briefing_list(*, user: User, kind: str = "") -> QuerySet[Briefing]:
    """The briefings `user` may read, the most recently shared first and drafts on top;
    `kind` is "review", "theme" or empty for both."""
    briefings = visible_briefings(user).select_related("review", "theme")
    if kind == "review":
        briefings = briefings.filter(review__isnull=False)
    elif kind == "theme":
        briefings = briefings.filter(theme__isnull=False)
    return briefings.order_by(*NEWEST_FIRST)


def briefings_about(themes: Iterable[Theme] | QuerySet[Theme]) -> QuerySet[Briefing]:
    """Briefings about any of `themes`, and those of reviews with a finding on one of them."""
    reviews_on_themes = Finding.objects.filter(themes__in=themes).values("review")
    return Briefing.objects.filter(Q(theme__in=themes) | Q(review__in=reviews_on_themes))


def theme_briefings(
    *, themes: Iterable[Theme] | QuerySet[Theme], user: User | None
) -> QuerySet[Briefing]:
    """Briefings about `themes` (see briefings_about) that `user` may read, or all of them
    without a user."""
    briefings = briefings_about(themes)
    if user is not None:
        briefings = briefings.filter(pk__in=visible_briefings(user).values("pk"))
    return briefings.select_related("review", "theme").order_by(*NEWEST_FIRST)


def theme_briefings_hidden(*, themes: Iterable[Theme] | QuerySet[Theme], user: User) -> int:
    """How many briefings about `themes` `user` may not read: counted, never shown."""
    return briefings_about(themes).exclude(pk__in=visible_briefings(user).values("pk")).count()


def recently_shared_briefings(*, user: User, since: datetime.date, limit: int) -> list[Briefing]:
    """Briefings `user` may read that were shared on or after `since`, newest first."""
    return list(
        visible_briefings(user)
        .filter(shared_on__gte=since)
        .select_related("review", "theme")
        .order_by("-shared_on", "-id")[:limit]
    )

"""What the challenge log adds to a theme's page (and so to the page of each priority
addressing it): the challenges about the theme, as far as the reader may see them; and
challenges as a source of actions that carries themes."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from safeboard.core.extension_points import THEME, Evidence, ThemedSource
from safeboard.themes.models import Theme
from safeboard.themes.selectors import tagged_with, themes_of

from .models import Challenge


def challenges_about(themes: Iterable[Theme] | QuerySet[Theme]) -> QuerySet[Challenge]:
    """The challenges about any of `themes`, each once, the latest raised first."""
    return (
        Challenge.objects.filter(pk__in=tagged_with(Challenge, themes))
        .select_related("agency")
        .order_by("-raised_on", "-pk")
    )


CHALLENGES_SECTION = Evidence(
    subject=THEME,
    key="board-challenges",
    heading="Challenges by the board",
    template_name="priorities/evidence/challenges.html",
    records=lambda themes, user: challenges_about(themes),
    view_permission="challenges.view_challenge",
    counted_as=("challenge", "challenges"),
    empty_text="No challenge by the board is about this theme.",
    order=60,
)

CHALLENGE_THEMES = ThemedSource(
    "challenges.challenge",
    tagged_with=lambda themes: tagged_with(Challenge, themes),
    themes_of=lambda ids: themes_of(Challenge, ids),
)

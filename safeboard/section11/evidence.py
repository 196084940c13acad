"""What Section 11 adds to a theme's page (and so to the page of each priority addressing it):
the standards about the theme on which organisations fell below "met" after moderation, cycle
by cycle. The score that counts is the one the compliance picture shows (picture.py): the
moderated score where the panel agreed one, otherwise the organisation's own, once its return
is in."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from safeboard.core.extension_points import THEME, Evidence
from safeboard.themes.models import Theme

from .models import Cycle, CycleStandard, Return, Standard


def _below_met(prefix: str = "ratings__") -> Q:
    """A rating, on a return that is in, whose counted score is below the cycle's "met"."""
    met = F("cycle__met_score")
    moderated_below = Q(**{f"{prefix}moderated_score__lt": met})
    own_below = Q(**{f"{prefix}moderated_score__isnull": True, f"{prefix}self_score__lt": met})
    return Q(**{f"{prefix}agency_return__status": Return.Status.SUBMITTED}) & (
        moderated_below | own_below
    )


def standards_below_met(themes: Iterable[Theme] | QuerySet[Theme]) -> QuerySet[CycleStandard]:
    """Each cycle's standard about any of `themes` (its library standard, matched by code, is
    tagged) with `agencies_below` organisations below "met", and `agencies_returned`; only
    those with at least one below, the latest cycle first (one query)."""
    tagged = Standard.objects.filter(
        standard_set=OuterRef("cycle__standard_set"), code=OuterRef("code"), themes__in=themes
    )
    return (
        CycleStandard.objects.filter(Exists(tagged))
        .exclude(cycle__status=Cycle.Status.SETTING_UP)
        .annotate(
            agencies_below=Count("ratings", filter=_below_met(), distinct=True),
            agencies_returned=Count(
                "ratings",
                filter=Q(ratings__agency_return__status=Return.Status.SUBMITTED),
                distinct=True,
            ),
        )
        .filter(agencies_below__gt=0)
        .select_related("cycle")
        .order_by("-cycle__returns_due_on", "-cycle_id", "position", "pk")
    )


STANDARDS_SECTION = Evidence(
    subject=THEME,
    key="section11-standards",
    heading="Section 11 standards below \u201cmet\u201d",
    template_name="section11/evidence/theme_standards.html",
    records=lambda themes, user: standards_below_met(themes),
    view_permission="section11.view_cycle",
    counted_as=("standard", "standards"),
    empty_text="No organisation fell below \u201cmet\u201d on a Section 11 standard about this theme.",
    order=40,
)

"""What the review's learning adds to the rest of SafeBoard when the app starts: its sections
on a theme's page, a home page panel of newly shared briefings, and the upkeep of the SQLite
search index after each migrate."""

from __future__ import annotations

from django.db.models.signals import post_migrate

from safeboard.core import extension_points as points

from . import briefings_home
from .briefings_selectors import theme_briefings
from .findings_selectors import theme_findings
from .search_index import repair

THEME_SECTIONS = [
    points.Evidence(
        subject=points.THEME,
        key="review-findings",
        heading="Case review findings",
        template_name="reviews/learning/theme_findings.html",
        records=lambda theme, user: theme_findings(theme=theme, user=user),
        empty_text="No finding of a case review you can see is tagged with this theme.",
        order=10,
    ),
    points.Evidence(
        subject=points.THEME,
        key="learning-briefings",
        heading="Learning briefings",
        template_name="reviews/learning/theme_briefings.html",
        records=lambda theme, user: theme_briefings(theme=theme, user=user),
        empty_text="No learning briefing you can read is about this theme or its reviews.",
        order=20,
    ),
]


def _repair_search_index(sender, using, **kwargs) -> None:
    from django.db import connections

    repair(connections[using])


def ready(app_config) -> None:
    """Called from ReviewsConfig.ready()."""
    for section in THEME_SECTIONS:
        points.evidence.register(section)
    points.home_panels.register(
        points.HomePanel(
            "recent-briefings",
            briefings_home.TEMPLATE,
            briefings_home.recent_briefings_panel,
            order=210,
        )
    )
    post_migrate.connect(
        _repair_search_index, sender=app_config, dispatch_uid="reviews-search-index-repair"
    )

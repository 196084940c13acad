"""What the lessons of case reviews add to the rest of SafeBoard when the app starts: their
sections on a theme's page (findings and briefings), a home page panel of newly shared
briefings, and the upkeep of the SQLite search index after each migrate."""

from __future__ import annotations

from django.db.models.signals import post_migrate

from safeboard.core.home_panels import register_home_panel
from safeboard.themes.extensions import ThemeSection, register_theme_section

from .briefings import home as briefings_home
from .briefings.selectors import theme_briefings
from .findings.selectors import theme_findings
from .search.index import repair

THEME_SECTIONS = [
    ThemeSection(
        key="review-findings",
        heading="Case review findings",
        template_name="reviews/lessons/theme_findings.html",
        records=lambda theme, user: theme_findings(theme=theme, user=user),
        empty_text="No finding of a case review you can see is tagged with this theme.",
        order=10,
    ),
    ThemeSection(
        key="learning-briefings",
        heading="Learning briefings",
        template_name="reviews/lessons/theme_briefings.html",
        records=lambda theme, user: theme_briefings(theme=theme, user=user),
        empty_text="No learning briefing you can read is about this theme or its reviews.",
        order=20,
    ),
]


def _repair_search_index(sender, using, **kwargs) -> None:
    from django.db import connections

    repair(connections[using])


def register_lessons(app_config) -> None:
    """Called from ReviewsConfig.ready()."""
    for section in THEME_SECTIONS:
        register_theme_section(section)
    register_home_panel(briefings_home.TEMPLATE, briefings_home.recent_briefings_panel)
    post_migrate.connect(
        _repair_search_index, sender=app_config, dispatch_uid="reviews-search-index-repair"
    )

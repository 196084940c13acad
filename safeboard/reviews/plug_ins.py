"""What case reviews add to the rest of SafeBoard (see core/extension_points.py): the review
steps' reminders and home panel, the confidential History of reviews and decisions and of the
actions answering their recommendations; and, from the reviews' lessons, their sections on a
theme's page (findings and briefings), a home panel of newly shared briefings, and the upkeep
of the SQLite search index after each migrate."""

from __future__ import annotations

from django.db.models.signals import post_migrate

from safeboard.core import extension_points as points

from .access import log_view
from .briefings import home as briefings_home
from .briefings.selectors import theme_briefings, theme_briefings_hidden
from .cases.home import review_steps_panel
from .cases.reminders import review_step_reminders
from .exchange import SOURCES as SHAREABLE_SOURCES
from .findings.chain import review_chain_links
from .findings.selectors import (
    recommendations_hidden_from,
    recommendations_tagged,
    theme_findings,
    theme_findings_hidden,
    themes_of_recommendations,
)
from .report_section import REVIEWS
from .search.index import repair

THEME_SECTIONS = [
    points.Evidence(
        subject=points.THEME,
        key="review-findings",
        heading="Case review findings",
        template_name="reviews/lessons/theme_findings.html",
        records=lambda themes, user: theme_findings(themes=themes, user=user),
        count_hidden=lambda themes, user: theme_findings_hidden(themes=themes, user=user),
        counted_as=("finding", "findings"),
        empty_text="No finding of a case review you can see is tagged with this theme.",
        order=10,
    ),
    points.Evidence(
        subject=points.THEME,
        key="learning-briefings",
        heading="Learning briefings",
        template_name="reviews/lessons/theme_briefings.html",
        records=lambda themes, user: theme_briefings(themes=themes, user=user),
        count_hidden=lambda themes, user: theme_briefings_hidden(themes=themes, user=user),
        counted_as=("briefing", "briefings"),
        empty_text="No learning briefing you can read is about this theme or its reviews.",
        order=20,
    ),
]


def _log_history_view(record, request) -> None:
    log_view(getattr(record, "review", record), request)


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "reviews", "Reviews", "reviews:list", "reviews.list_reviews", "/reviews/", order=70
        )
    )
    points.report_sections.register(REVIEWS)
    points.reminder_sources.register(points.ReminderSource("review-steps", review_step_reminders))
    # A review's very existence is confidential (decision 7): History answers 404 to outsiders.
    points.history_access.register(
        points.HistoryAccess("reviews.review", "reviews.work_on_review", on_view=_log_history_view)
    )
    points.history_access.register(
        points.HistoryAccess("reviews.decision", "reviews.view_decision", on_view=_log_history_view)
    )
    points.home_panels.register(
        points.HomePanel(
            "review-steps", "reviews/includes/home_panel.html", review_steps_panel, order=200
        )
    )
    points.confidential_sources.register(
        points.ConfidentialSource("reviews.recommendation", recommendations_hidden_from)
    )
    # An action answering a recommendation carries the themes of its finding.
    points.themed_sources.register(
        points.ThemedSource(
            "reviews.recommendation", recommendations_tagged, themes_of_recommendations
        )
    )
    _register_lessons()
    _register_chain()
    # Findings, recommendations and briefings the business manager may share with other boards.
    for source in SHAREABLE_SOURCES:
        points.shareable_sources.register(source)
    points.public_pages.register(
        points.PublicPage(
            key="case-reviews",
            label="Published case reviews",
            url_name="reviews:public_reviews",
            description="The final reports of published case reviews and the learning "
            "briefings written from them.",
            order=30,
        )
    )


def _register_lessons() -> None:
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


def _register_chain() -> None:
    points.chain_sources.register(
        points.ChainSource("review-findings", "Case review findings", review_chain_links, order=10)
    )


def _repair_search_index(sender, using, **kwargs) -> None:
    from django.db import connections

    repair(connections[using])


def repair_search_index_after_migrate(app_config) -> None:
    post_migrate.connect(
        _repair_search_index, sender=app_config, dispatch_uid="reviews-search-index-repair"
    )

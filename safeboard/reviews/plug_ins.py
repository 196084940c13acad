"""What case reviews add to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from .access import log_view
from .findings_selectors import recommendations_hidden_from
from .home import review_steps_panel
from .reminders import review_step_reminders


def _log_history_view(record, request) -> None:
    log_view(getattr(record, "review", record), request)


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "reviews", "Reviews", "reviews:list", "reviews.list_reviews", "/reviews/", order=70
        )
    )
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

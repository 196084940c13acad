"""What the scorecard adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from . import home, reminders
from .evidence import INDICATOR_MEASURE_TARGET, INDICATORS_SECTION, THEME_INDICATORS_SECTION
from .report_section import SCORECARD


def register() -> None:
    points.report_sections.register(SCORECARD)
    points.navigation.register(
        points.NavigationItem(
            "scorecard",
            "Scorecard",
            "scorecard:grid",
            "scorecard.list_indicators",
            "/scorecard/",
            order=50,
        )
    )
    points.public_pages.register(
        points.PublicPage(
            "scorecard",
            "Scorecard",
            "scorecard_public:scorecard",
            "How the partnership is doing on the measures it shares, with their figures over time.",
            order=40,
        )
    )
    points.home_panels.register(
        points.HomePanel(
            "query-answers-to-judge",
            "scorecard/home/answers_to_judge.html",
            home.answers_to_judge_panel,
            order=40,
        )
    )
    points.home_panels.register(
        points.HomePanel(
            "queries-to-answer",
            "scorecard/home/queries_to_answer.html",
            home.queries_to_answer_panel,
            order=50,
        )
    )
    points.reminder_sources.register(
        points.ReminderSource("query-answers", reminders.query_reminders)
    )
    points.reminder_sources.register(points.ReminderSource("figures", reminders.figures_reminders))
    points.evidence.register(INDICATORS_SECTION)
    points.evidence.register(THEME_INDICATORS_SECTION)
    points.measure_targets.register(INDICATOR_MEASURE_TARGET)
    points.history_access.register(
        points.HistoryAccess("scorecard.indicator", "scorecard.view_indicator")
    )
    points.history_access.register(
        points.HistoryAccess("scorecard.indicatorquery", "scorecard.view_query")
    )

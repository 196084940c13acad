"""What training adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from .evidence import COURSES_SECTION, TRAINING_SECTION
from .home import training_panel
from .reach.rule import review_lesson
from .reach.selectors import lesson_reach
from .reminders import remind_learners_without_accounts, send_follow_up_surveys, training_reminders
from .report_section import TRAINING


def _review_training(*, record, user) -> dict:
    # Counted by the reach rule, as the reach page counts: from the incident, linked courses.
    return {"reach": lesson_reach(review_lesson(record))}


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "training",
            "Training",
            "learning:course_list",
            "learning.list_courses",
            "/training/",
            order=100,
        )
    )
    points.report_sections.register(TRAINING)
    points.reminder_sources.register(points.ReminderSource("training", training_reminders))
    points.daily_steps.register(
        points.DailyStep("learners-without-accounts", remind_learners_without_accounts, order=110)
    )
    points.daily_steps.register(
        points.DailyStep("follow-up-surveys", send_follow_up_surveys, order=120)
    )
    points.home_panels.register(
        points.HomePanel("training", "learning/includes/home_panel.html", training_panel, order=240)
    )
    points.evidence.register(TRAINING_SECTION)
    points.evidence.register(COURSES_SECTION)
    points.page_sections.register(
        points.PageSection(
            page="review",
            key="training",
            template="learning/includes/review_training.html",
            build=_review_training,
        )
    )
    points.history_access.register(points.HistoryAccess("learning.course", "learning.view_course"))
    points.history_access.register(
        points.HistoryAccess("learning.session", "learning.view_session")
    )

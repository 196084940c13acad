"""What challenges add to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

import datetime

from safeboard.core import extension_points as points

from . import home, reminders
from .evidence import CHALLENGE_THEMES, CHALLENGES_SECTION
from .report_section import CHALLENGES
from .services import escalate_overdue_challenges


def escalate_overdue(*, today: datetime.date) -> int:
    return len(escalate_overdue_challenges(today=today))


def register() -> None:
    points.report_sections.register(CHALLENGES)
    points.navigation.register(
        points.NavigationItem(
            "challenges",
            "Challenges",
            "challenges:list",
            "challenges.list_challenges",
            "/challenges/",
            order=40,
        )
    )
    points.home_panels.register(
        points.HomePanel(
            "challenge-totals", "challenges/home/totals.html", home.totals_panel, order=20
        )
    )
    points.home_panels.register(
        points.HomePanel(
            "challenge-responses-to-judge",
            "challenges/home/responses_to_judge.html",
            home.responses_to_judge_panel,
            order=30,
        )
    )
    points.home_panels.register(
        points.HomePanel(
            "challenges-to-answer",
            "challenges/home/to_answer.html",
            home.challenges_to_answer_panel,
            order=60,
        )
    )
    points.reminder_sources.register(
        points.ReminderSource("challenge-responses", reminders.challenge_reminders)
    )
    points.reminder_sources.register(
        points.ReminderSource("challenge-escalations", reminders.escalation_reminders)
    )
    # Before every other step: the day's escalations are then in that day's digests.
    points.daily_steps.register(
        points.DailyStep("challenge-escalation", escalate_overdue, order=10)
    )
    points.history_access.register(
        points.HistoryAccess("challenges.challenge", "challenges.view_challenge")
    )
    points.evidence.register(CHALLENGES_SECTION)
    points.themed_sources.register(CHALLENGE_THEMES)

"""What the risk register adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from . import home, reminders


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "risks", "Risks", "risks:list", "risks.list_risks", "/risks/", order=30
        )
    )
    points.home_panels.register(
        points.HomePanel(
            "reviews-due", "risks/home/reviews_due.html", home.reviews_due_panel, order=70
        )
    )
    points.reminder_sources.register(
        points.ReminderSource("risk-reviews", reminders.risk_reminders)
    )
    points.history_access.register(points.HistoryAccess("risks.risk", "risks.view_risk"))

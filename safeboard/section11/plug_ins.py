"""What Section 11 adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from .chase_services import chase_non_returns
from .evidence import STANDARDS_SECTION
from .home import section11_panel
from .reminders import section11_reminders
from .report_section import SECTION_11


def register() -> None:
    points.report_sections.register(SECTION_11)
    points.navigation.register(
        points.NavigationItem(
            "section-11",
            "Section 11",
            "section11:cycle_list",
            "section11.list_cycles",
            "/section-11/",
            order=90,
        )
    )
    points.reminder_sources.register(points.ReminderSource("section11", section11_reminders))
    points.daily_steps.register(points.DailyStep("section11-chase", chase_non_returns))
    points.home_panels.register(
        points.HomePanel("section11", "section11/home_panel.html", section11_panel, order=230)
    )
    points.evidence.register(STANDARDS_SECTION)
    points.history_access.register(points.HistoryAccess("section11.cycle", "section11.view_cycle"))
    points.history_access.register(
        points.HistoryAccess("section11.return", "section11.view_return")
    )

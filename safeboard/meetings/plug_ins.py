"""What meetings add to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from . import home
from .report_section import ATTENDANCE


def register() -> None:
    points.report_sections.register(ATTENDANCE)
    points.navigation.register(
        points.NavigationItem(
            "meetings",
            "Meetings",
            "meetings:list",
            "meetings.list_meetings",
            "/meetings/",
            order=110,
        )
    )
    points.home_panels.register(
        points.HomePanel(
            "upcoming-meetings",
            "meetings/home/upcoming.html",
            home.upcoming_meetings_panel,
            order=90,
        )
    )
    points.history_access.register(
        points.HistoryAccess("meetings.meeting", "meetings.view_meeting")
    )

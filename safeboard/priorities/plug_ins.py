"""What the business plan adds to the rest of SafeBoard (see core/extension_points.py): its
own evidence on a priority's page, its review reminders and History tabs."""

from __future__ import annotations

from safeboard.core import extension_points as points

from . import reminders
from .evidence import BUILT_IN_SECTIONS


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "priorities",
            "Priorities",
            "priorities:plan_list",
            "priorities.list_plans",
            "/priorities/",
            order=20,
        )
    )
    for section in BUILT_IN_SECTIONS:
        points.evidence.register(section)
    points.reminder_sources.register(
        points.ReminderSource("priority-reviews", reminders.priority_reminders)
    )
    points.history_access.register(
        points.HistoryAccess("priorities.businessplan", "priorities.view_plan")
    )
    points.history_access.register(
        points.HistoryAccess("priorities.priority", "priorities.view_priority")
    )

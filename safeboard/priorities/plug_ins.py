"""What the business plan adds to the rest of SafeBoard (see core/extension_points.py): its
own evidence on a priority's page, its review reminders and History tabs."""

from __future__ import annotations

from safeboard.core import extension_points as points
from safeboard.themes.selectors import tagged_with, themes_of

from . import reminders
from .evidence import BUILT_IN_SECTIONS, PRIORITIES_SECTION
from .models import Priority
from .report_section import PRIORITIES


def register() -> None:
    points.report_sections.register(PRIORITIES)
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
    points.evidence.register(PRIORITIES_SECTION)
    points.themed_sources.register(
        points.ThemedSource(
            "priorities.priority",
            tagged_with=lambda themes: tagged_with(Priority, themes),
            themes_of=lambda ids: themes_of(Priority, ids),
        )
    )
    points.reminder_sources.register(
        points.ReminderSource("priority-reviews", reminders.priority_reminders)
    )
    points.history_access.register(
        points.HistoryAccess("priorities.businessplan", "priorities.view_plan")
    )
    points.history_access.register(
        points.HistoryAccess("priorities.priority", "priorities.view_priority")
    )

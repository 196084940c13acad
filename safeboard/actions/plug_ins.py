"""What the action spine adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from . import home, reminders


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "actions", "Actions", "actions:mine", "actions.list_my_actions", "/actions/", order=10
        )
    )
    points.home_panels.register(
        points.HomePanel(
            "partnership-actions",
            "actions/home/partnership_counts.html",
            home.partnership_counts_panel,
            order=10,
        )
    )
    points.home_panels.register(
        points.HomePanel(
            "my-actions", "actions/home/my_actions.html", home.my_actions_panel, order=80
        )
    )
    points.reminder_sources.register(points.ReminderSource("actions", reminders.action_reminders))
    points.history_access.register(points.HistoryAccess("actions.action", "actions.view_action"))

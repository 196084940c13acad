"""What the record of working with other boards adds to the rest of SafeBoard."""

from __future__ import annotations

from safeboard.core import extension_points as points

from .evidence import CHALLENGES_SECTION
from .reminders import protocol_reminders


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "other-boards",
            "Other boards",
            "other_boards:board_list",
            "other_boards.record",
            "/other-boards/",
            order=108,
        )
    )
    points.evidence.register(CHALLENGES_SECTION)
    points.reminder_sources.register(points.ReminderSource("board-protocols", protocol_reminders))
    for model in ("other_boards.board", "other_boards.protocol"):
        points.history_access.register(points.HistoryAccess(model, "other_boards.view"))

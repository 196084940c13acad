"""The home page panel: case review steps overdue or due within 14 days, for the people who
work on the reviews (their team, the business manager and the chair)."""

from __future__ import annotations

import datetime

from . import selectors

HORIZON_DAYS = 14
PANEL_LIMIT = 20


def review_steps_panel(*, user, today: datetime.date) -> dict | None:
    """At most three queries; nothing for someone with no case review step coming up."""
    due = selectors.steps_due_for(user=user, today=today, within_days=HORIZON_DAYS)
    if not due:
        return None
    return {"steps": due[:PANEL_LIMIT], "more": max(len(due) - PANEL_LIMIT, 0), "today": today}

"""The home page panel that puts newly shared briefings in front of every reader,
practitioners above all: the briefing is only useful if it is read."""

from __future__ import annotations

import datetime

from .selectors import recently_shared_briefings

RECENT_DAYS = 45
PANEL_LIMIT = 5
TEMPLATE = "reviews/lessons/includes/home_briefings.html"


def recent_briefings_panel(*, user, today: datetime.date) -> dict | None:
    """One query; nothing when no briefing the user may read was shared lately."""
    since = today - datetime.timedelta(days=RECENT_DAYS)
    briefings = recently_shared_briefings(user=user, since=since, limit=PANEL_LIMIT)
    return {"briefings": briefings} if briefings else None

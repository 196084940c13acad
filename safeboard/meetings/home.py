"""The home page panel of a person's next meetings."""

from __future__ import annotations

import datetime

from . import selectors

PANEL_LIMIT = 5


def upcoming_meetings_panel(*, user, today: datetime.date) -> dict | None:
    if not user.person_id:
        return None
    meetings = list(selectors.upcoming_meetings_for(person_id=user.person_id)[:PANEL_LIMIT])
    return {"meetings": meetings} if meetings else None

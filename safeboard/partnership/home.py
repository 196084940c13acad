"""The home page panel of a new member's induction items still open."""

from __future__ import annotations

import datetime

from . import selectors


def induction_panel(*, user, today: datetime.date) -> dict | None:
    if not user.person_id:
        return None
    items = list(selectors.open_induction_items_for(person_id=user.person_id))
    return {"open_items": items} if items else None

"""The home page panel: the case audits waiting for the signed-in auditor's answers."""

from __future__ import annotations

import datetime

from . import selectors

PANEL_LIMIT = 20


def waiting_answers_panel(*, user, today: datetime.date) -> dict | None:
    """One query; nothing shown to someone with no answers to give."""
    if not user.person_id:
        return None
    assignments = list(selectors.assignments_waiting_for(person_id=user.person_id)[:PANEL_LIMIT])
    if not assignments:
        return None
    return {"assignments": assignments, "today": today}

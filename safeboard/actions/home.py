"""The action spine's home page panels: the partnership's totals for those who see every
action, and each person's own and their agency's overdue actions."""

from __future__ import annotations

import datetime

from . import selectors

PANEL_LIMIT = 20


def partnership_counts_panel(*, user, today: datetime.date) -> dict | None:
    if not user.has_perm("actions.list_all_actions"):
        return None
    return {"counts": selectors.action_counts()}


def my_actions_panel(*, user, today: datetime.date) -> dict | None:
    """Shown to everyone with a person record, even when empty: it says nothing is due."""
    if not user.person_id:
        return None
    return {
        "mine": list(selectors.actions_needing_attention(person_id=user.person_id)[:PANEL_LIMIT]),
        "agency_overdue": list(
            selectors.agency_overdue_actions(agency_id=user.agency_id, user=user)[:PANEL_LIMIT]
        ),
    }

"""The home page panel for those who scrutinise the partnership's learning: the chair and
the business manager. No query: the list itself is read on its own page."""

from __future__ import annotations

import datetime

from safeboard.accounts.roles import Role

TEMPLATE = "impact/scrutiny/home_panel.html"


def scrutiny_panel(*, user, today: datetime.date) -> dict | None:
    if not user.has_perm("impact.view_scrutiny") or not user.has_role(
        Role.CHAIR, Role.BUSINESS_MANAGER
    ):
        return None
    return {}

"""The Section 11 panel of the home page.

An organisation's leads see its returns to open cycles (status and deadline) and any
request for evidence waiting for them; the business manager and the chair see how many
returns are still to come in, one click from the chase list.
"""

from __future__ import annotations

import datetime

from .models import Cycle
from .selectors import current_cycles, requests_of_agency, returns_of_agency


def section11_panel(*, user, today: datetime.date) -> dict | None:
    panel: dict = {"today": today}
    if user.has_perm("section11.answer_for_agency") and user.agency_id:
        returns = list(returns_of_agency(user.agency_id).filter(cycle__status=Cycle.Status.OPEN))
        requests = list(requests_of_agency(user.agency_id)[:10])
        if returns or requests:
            panel["own_returns"] = returns
            panel["own_requests"] = requests
    if user.has_perm("section11.view_chasing"):
        cycles = current_cycles()
        if cycles:
            panel["current_cycles"] = cycles
    return panel if len(panel) > 1 else None

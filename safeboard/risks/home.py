"""The home page panel of reviews a person leads: the risks they own and the priorities they
lead whose review falls due within 14 days (risks sit above priorities, so they show both)."""

from __future__ import annotations

import datetime

from safeboard.priorities.selectors import priorities_with_review_due

from .selectors import risks_with_review_due

REVIEW_HORIZON_DAYS = 14


def reviews_due_panel(*, user, today: datetime.date) -> dict | None:
    if not user.person_id:
        return None
    risks = risks_with_review_due(today=today, within_days=REVIEW_HORIZON_DAYS)
    priorities = priorities_with_review_due(today=today, within_days=REVIEW_HORIZON_DAYS)
    due = [
        *risks.filter(owner_person_id=user.person_id),
        *priorities.filter(lead_person_id=user.person_id),
    ]
    if not due:
        return None
    return {"records": sorted(due, key=lambda record: record.review_date)}

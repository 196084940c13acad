"""Training's panel on the home page: a learner's next sessions and evaluations to do, and a
trainer's sessions whose attendance is still to mark. Two indexed queries."""

from __future__ import annotations

import datetime

from django.utils import timezone

from .booking import selectors


def training_panel(*, user, today: datetime.date) -> dict | None:
    tasks = selectors.home_tasks(user=user, now=timezone.now())
    panel = {
        "next_places": tasks.next_places,
        "to_evaluate": tasks.to_evaluate,
        "to_mark": tasks.to_mark,
    }
    return panel if any(panel.values()) else None

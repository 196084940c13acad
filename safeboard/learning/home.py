"""Training's panel on the home page: a learner's next sessions and evaluations to do, and a
trainer's sessions whose attendance is still to mark. Three queries at most."""

from __future__ import annotations

import datetime

from django.utils import timezone

from . import selectors
from .rules import learner_of


def training_panel(*, user, today: datetime.date) -> dict | None:
    now = timezone.now()
    learner = learner_of(user)
    tasks = selectors.learner_tasks(learner=learner, now=now) if learner else None
    panel = {
        "next_places": tasks.next_places if tasks else [],
        "to_evaluate": tasks.to_evaluate if tasks else [],
        "to_mark": selectors.sessions_to_mark(trainer=user, now=now),
    }
    return panel if any(panel.values()) else None

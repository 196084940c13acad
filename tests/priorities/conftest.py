"""Records linked to a priority from the risk register and the challenge log."""

from __future__ import annotations

import datetime
import itertools

from django.utils import timezone

from safeboard.challenges.factories import ChallengeFactory
from safeboard.partnership.factories import PersonFactory
from safeboard.priorities.models import Priority
from safeboard.risks.models import Risk

_risk_numbers = itertools.count(1)


def linked_risk(priority: Priority, *, owner=None, **fields) -> Risk:
    owner = owner or PersonFactory()
    today = timezone.localdate()
    values = {
        "reference": f"R{next(_risk_numbers):04d}",
        "title": "Too few health staff at strategy discussions",
        "description": "Health practitioners miss strategy discussions.",
        "cause": "Rota gaps in the named nurse service.",
        "consequence": "Decisions on Section 47 enquiries lack health information.",
        "category": Risk.Category.WORKFORCE,
        "owner_agency": owner.agency,
        "owner_person": owner,
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 3,
        "residual_impact": 3,
        "controls": "Escalation to the designated nurse.",
        "raised_on": today - datetime.timedelta(days=30),
        "review_date": today + datetime.timedelta(days=30),
        **fields,
    }
    risk = Risk.objects.create(**values)
    risk.priorities.add(priority)
    return risk


def linked_challenge(priority: Priority, **fields):
    return ChallengeFactory(priority=priority, **fields)

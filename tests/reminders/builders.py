"""Records with due dates, made straight from the models so each test states its dates."""

from __future__ import annotations

import datetime
import itertools

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.challenges.models import Challenge
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.priorities.models import BusinessPlan, Priority
from safeboard.risks.models import Risk

TODAY = datetime.date(2026, 11, 23)  # a Monday
_numbers = itertools.count(1)


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def account(*roles: str, agency=None, email: str | None = None):
    agency = agency or AgencyFactory()
    number = next(_numbers)
    person = PersonFactory(agency=agency, email=email or f"person{number}@example.test")
    return UserFactory(person=person, roles=list(roles))


def action_due(user, due_on: datetime.date, **fields):
    return ActionFactory(owner_person=user.person, due_on=due_on, **fields)


def challenge_due(agency, raised_by, due_on: datetime.date, **fields) -> Challenge:
    number = next(_numbers)
    fields.setdefault("raised_on", min(due_on, TODAY) - datetime.timedelta(days=28))
    return Challenge.objects.create(
        reference=f"CH-2026-{number:03d}",
        agency=agency,
        title=f"Challenge {number}",
        issue="Why are strategy discussions not recorded?",
        evidence="Audit of 20 cases",
        raised_by=raised_by,
        response_due_on=due_on,
        **fields,
    )


def risk_review_due(owner, review_date: datetime.date, **fields) -> Risk:
    number = next(_numbers)
    scores = {
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 3,
        "residual_impact": 3,
    }
    return Risk.objects.create(
        reference=f"R{number:02d}",
        title=f"Risk {number}",
        description="Demand outstrips capacity",
        cause="Vacancies",
        consequence="Delayed assessments",
        category=Risk.Category.WORKFORCE,
        owner_agency=owner.person.agency,
        owner_person=owner.person,
        controls="Agency staff",
        raised_on=TODAY - datetime.timedelta(days=200),
        review_date=review_date,
        **(scores | fields),
    )


def priority_review_due(lead, review_date: datetime.date, **fields) -> Priority:
    plan = BusinessPlan.objects.create(
        title="Business plan 2025–2028",
        starts_on=datetime.date(2025, 4, 1),
        ends_on=datetime.date(2028, 3, 31),
    )
    return Priority.objects.create(
        plan=plan,
        number=1,
        title="Neglect",
        objectives="Earlier help",
        lead_agency=lead.person.agency,
        lead_person=lead.person,
        review_date=review_date,
        **fields,
    )


def board_chair():
    return account(Role.CHAIR, email=f"chair{next(_numbers)}@example.test")


__all__ = [
    "TODAY",
    "Role",
    "account",
    "action_due",
    "board_chair",
    "challenge_due",
    "days",
    "priority_review_due",
    "risk_review_due",
]

"""A Section 11 cycle opened through the services, asking the cast's two agencies."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.section11 import services
from safeboard.section11.factories import StandardFactory, StandardSetFactory
from safeboard.section11.models import Cycle, Return

TODAY = timezone.localdate()


def days(count: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=count)


@pytest.fixture
def standard_set(db):
    standard_set = StandardSetFactory(name="Test standards")
    for number, title in enumerate(["Leadership", "Training", "Safer recruitment"], start=1):
        StandardFactory(standard_set=standard_set, code=f"S-{number}", position=number, title=title)
    return standard_set


def set_up_cycle(standard_set, agencies, *, title="Section 11 self-assessment 2026", due_in=30):
    return services.cycle_create(
        title=title,
        kind="section_11",
        frequency=Cycle.Frequency.TWO_YEARLY,
        standard_set=standard_set,
        returns_due_on=days(due_in),
        agencies=agencies,
    )


@pytest.fixture
def cycle(cast, standard_set) -> Cycle:
    """An open cycle, due in 30 days, asking the home and the other agency."""
    cycle = set_up_cycle(standard_set, [cast.home_agency, cast.other_agency])
    return services.cycle_open(cycle=cycle)


@pytest.fixture
def home_return(cycle, cast) -> Return:
    return cycle.returns.get(agency=cast.home_agency)


@pytest.fixture
def lead(cast):
    return cast[Role.AGENCY_LEAD]


def ratings_of(agency_return: Return) -> list:
    return list(agency_return.ratings.select_related("standard").order_by("standard__position"))

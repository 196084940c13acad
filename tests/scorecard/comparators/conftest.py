"""Indicators of each unit to record comparators for, and the business manager who does."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from safeboard.accounts.roles import Role
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.models import Comparator, Indicator, Period, Unit
from safeboard.scorecard.periods import Frequency
from tests.conftest import signed_in_client


@dataclass
class Indicators:
    re_referrals: Indicator  # CSC-04, percentage, monthly
    cin_rate: Indicator  # CSC-07, rate per 10,000 children, monthly
    referrals: Indicator  # POL-10, count, quarterly


@pytest.fixture
def indicators(cast) -> Indicators:
    home = cast.home_agency
    return Indicators(
        re_referrals=IndicatorFactory(
            code="CSC-04",
            name="Re-referrals within 12 months",
            owning_agency=home,
            unit=Unit.PERCENTAGE,
            frequency=Frequency.MONTHLY,
        ),
        cin_rate=IndicatorFactory(
            code="CSC-07",
            name="Children in need per 10,000 children",
            owning_agency=home,
            unit=Unit.RATE_PER_10K,
            frequency=Frequency.MONTHLY,
        ),
        referrals=IndicatorFactory(
            code="POL-10",
            name="Children referred to the MASH by the police",
            owning_agency=home,
            unit=Unit.COUNT,
            frequency=Frequency.QUARTERLY,
        ),
    )


@pytest.fixture
def manager(cast):
    return cast[Role.BUSINESS_MANAGER]


@pytest.fixture
def manager_client(manager):
    return signed_in_client(manager)


def comparator_state() -> tuple:
    """Everything recording comparators could change, to prove a refusal changed nothing."""
    return (
        sorted(
            Comparator.objects.values_list(
                "indicator__code",
                "period__frequency",
                "period__starts_on",
                "source",
                "value",
                "origin",
                "reference",
            )
        ),
        Comparator.history.count(),
        Period.objects.count(),
    )

"""A small catalogue for the scorecard's tests: two agencies and their monthly indicators."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from safeboard.partnership.factories import AgencyFactory
from safeboard.partnership.models import Agency
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.models import Figure, FigureRevision, Indicator, Period, Unit
from safeboard.scorecard.periods import Frequency, PeriodKey

OCTOBER_2025 = PeriodKey(datetime.date(2025, 10, 1), Frequency.MONTHLY)
NOVEMBER_2025 = OCTOBER_2025.next()


@dataclass
class Catalogue:
    police: Agency
    health: Agency
    incidents: Indicator  # police, count
    missing_episodes: Indicator  # police, count
    interviews_pct: Indicator  # police, percentage
    health_assessments: Indicator  # health, percentage
    quarterly: Indicator  # police, quarterly


@pytest.fixture
def catalogue(db) -> Catalogue:
    police = AgencyFactory(name="Shire Constabulary", short_name="Police", type=Agency.Type.POLICE)
    health = AgencyFactory(
        name="Shire NHS Foundation Trust", short_name="Trust", type=Agency.Type.HEALTH_TRUST
    )
    return Catalogue(
        police=police,
        health=health,
        incidents=IndicatorFactory(
            code="POL-01",
            name="Domestic abuse incidents with children present",
            owning_agency=police,
            unit=Unit.COUNT,
        ),
        missing_episodes=IndicatorFactory(
            code="POL-02", name="Missing-child episodes", owning_agency=police, unit=Unit.COUNT
        ),
        interviews_pct=IndicatorFactory(
            code="POL-03",
            name="Return home interviews offered within 72 hours",
            owning_agency=police,
            unit=Unit.PERCENTAGE,
        ),
        health_assessments=IndicatorFactory(
            code="HLT-01",
            name="Health assessments for children on plans within 20 working days",
            owning_agency=health,
            unit=Unit.PERCENTAGE,
        ),
        quarterly=IndicatorFactory(
            code="POL-10",
            name="Children referred to the MASH by the police",
            owning_agency=police,
            unit=Unit.COUNT,
            frequency=Frequency.QUARTERLY,
        ),
    )


def database_state() -> tuple:
    """Everything a submission could change, to prove a refused one changed nothing."""
    return (
        sorted(Figure.objects.values_list("indicator__code", "period_id", "value", "source")),
        FigureRevision.objects.count(),
        Period.objects.count(),
        Figure.history.count(),
    )

"""The demo scorecard: a realistic multi-agency catalogue with three years of figures."""

from __future__ import annotations

import datetime
import random
from collections import Counter
from decimal import Decimal

import pytest

from safeboard.census.models import CensusImport
from safeboard.demo.indicator_catalogue import CATALOGUE
from safeboard.demo.scorecard import build_scorecard
from safeboard.partnership.factories import AgencyFactory
from safeboard.partnership.models import Agency
from safeboard.scorecard import selectors
from safeboard.scorecard.models import (
    Comparator,
    Figure,
    FigureRevision,
    Indicator,
    IndicatorQuery,
)
from safeboard.scorecard.spc import xmr
from safeboard.scorecard.values import read_value

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)
T = Agency.Type
AGENCY_TYPES = {
    "la": T.LOCAL_AUTHORITY,
    "police": T.POLICE,
    "icb": T.HEALTH_ICB,
    "acute": T.HEALTH_TRUST,
    "community": T.HEALTH_TRUST,
    "gp": T.HEALTH_GP,
    "schools": T.EDUCATION,
    "academies": T.EDUCATION,
    "probation": T.PROBATION,
    "yjs": T.YOUTH_JUSTICE,
    "harbour": T.VOLUNTARY,
}


@pytest.fixture
def agencies():
    return {key: AgencyFactory(name=f"Demo {key}", type=kind) for key, kind in AGENCY_TYPES.items()}


def _build(agencies, seed=2019):
    return build_scorecard(rng=random.Random(seed), agencies=agencies, today=TODAY)


def test_the_catalogue_spans_the_partnerships_agencies(agencies):
    built = _build(agencies)
    assert len(built.indicators) == len(CATALOGUE) >= 40
    kinds = Counter(indicator.owning_agency.type for indicator in built.indicators)
    assert {T.LOCAL_AUTHORITY, T.POLICE, T.EDUCATION, T.PROBATION, T.YOUTH_JUSTICE} <= set(kinds)
    assert kinds[T.HEALTH_TRUST] + kinds[T.HEALTH_ICB] + kinds[T.HEALTH_GP] >= 5


def test_every_indicator_has_three_years_of_valid_figures(agencies):
    _build(agencies)
    series = selectors.series_for_indicators()
    expected = {"monthly": 36, "quarterly": 12, "annual": 3}
    for indicator in Indicator.objects.all():
        points = series[indicator.pk]
        assert len(points) == expected[indicator.frequency], indicator.code
        assert points[-1].period.ends_on < TODAY
        for point in points:
            read_value(point.value, indicator.unit)


def test_the_same_seed_gives_the_same_figures(agencies):
    _build(agencies, seed=7)
    first = sorted(Figure.objects.values_list("indicator__code", "period__starts_on", "value"))
    # The census imports' figures raised queries; the imports name their period.
    IndicatorQuery.objects.all().delete()
    CensusImport.objects.all().delete()
    Comparator.objects.all().delete()
    FigureRevision.objects.all().delete()
    Figure.objects.all().delete()
    Indicator.objects.all().delete()
    _build(agencies, seed=7)
    again = sorted(Figure.objects.values_list("indicator__code", "period__starts_on", "value"))
    assert first == again


def test_real_changes_show_as_special_cause_in_the_charts(agencies):
    _build(agencies)
    series = selectors.series_for_indicators()
    with_signals = set()
    for indicator in Indicator.objects.filter(frequency="monthly"):
        values = [float(point.value) for point in series[indicator.pk]]
        chart = xmr.xmr_chart(values, polarity=xmr.Polarity(indicator.polarity))
        if any(point.signals for point in chart.points):
            with_signals.add(indicator.code)
    changed = {spec.code for spec in CATALOGUE if spec.changes and spec.frequency == "monthly"}
    assert len(with_signals & changed) >= len(changed) - 2
    assert {"CSC-03", "CSC-06", "POL-02"} <= with_signals


def test_some_figures_are_revised_and_census_indicators_have_comparators(agencies):
    built = _build(agencies)
    assert built.revisions == FigureRevision.objects.count() == 3
    england = Comparator.objects.filter(source="england")
    assert sorted(england.values_list("indicator__code", "value")) == [
        ("CIN-01", Decimal("22.4")),
        ("CIN-02", Decimal("85.7")),
        ("CIN-03", Decimal("81.4")),
        ("CIN-04", Decimal("4.4")),
    ]
    assert set(Indicator.objects.exclude(census_key="").values_list("code", flat=True)) == {
        "CIN-01",
        "CIN-02",
        "CIN-03",
        "CIN-04",
    }

"""The indicator catalogue: each indicator carries its definition, owner and history."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from safeboard.priorities.factories import PriorityFactory
from safeboard.scorecard import services
from safeboard.scorecard.catalogue import services as catalogue_services
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.models import Indicator, Perspective, Polarity, Unit
from safeboard.scorecard.periods import Frequency

from ..conftest import OCTOBER_2025

pytestmark = pytest.mark.django_db


def _create(catalogue, **overrides) -> Indicator:
    fields = {
        "code": "csc-04",
        "name": "Re-referrals within 12 months",
        "definition": "Referrals in the month for a child referred in the 12 months before.",
        "owning_agency": catalogue.police,
        "unit": Unit.PERCENTAGE,
        "polarity": Polarity.DOWN,
        "frequency": Frequency.MONTHLY,
        "perspective": Perspective.QUALITY,
    }
    fields.update(overrides)
    return catalogue_services.indicator_create(**fields)


def test_indicator_create_stores_the_code_in_capitals_with_its_priorities(catalogue):
    priority = PriorityFactory()
    indicator = _create(catalogue, code=" csc-04 ", priorities=[priority], target=Decimal("20"))
    assert indicator.code == "CSC-04"
    assert list(priority.indicators.all()) == [indicator]
    assert indicator.display_target == "20.0%"


def test_an_indicator_code_is_unique_whatever_its_case(catalogue):
    with pytest.raises(ValidationError) as error:
        _create(catalogue, code="pol-01")
    assert catalogue_services.CODE_TAKEN.format(code="POL-01") in error.value.message_dict["code"]


def test_a_census_measure_computes_one_indicator_only(catalogue):
    _create(catalogue, census_key="re_referral_pct")
    with pytest.raises(ValidationError) as error:
        _create(catalogue, code="CSC-99", census_key="re_referral_pct")
    assert "census_key" in error.value.message_dict


def test_a_target_must_be_possible_in_the_indicators_unit(catalogue):
    with pytest.raises(ValidationError) as error:
        _create(catalogue, target=Decimal("150"))
    assert "target" in error.value.message_dict
    assert not Indicator.objects.filter(code="CSC-04").exists()


def test_a_tolerance_needs_a_target(catalogue):
    with pytest.raises(ValidationError) as error:
        _create(catalogue, tolerance=Decimal("2"))
    assert catalogue_services.TOLERANCE_NEEDS_TARGET in error.value.message_dict["tolerance"]


def test_the_database_refuses_a_code_in_lower_case(catalogue):
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorFactory(code="lower-case", owning_agency=catalogue.police)


def test_changing_a_definition_needs_a_reason_kept_in_the_history(catalogue):
    indicator = catalogue.incidents
    with pytest.raises(ValidationError) as error:
        catalogue_services.indicator_update(indicator=indicator, definition="A new definition.")
    assert catalogue_services.CHANGE_REASON_REQUIRED in error.value.message_dict["reason"]

    catalogue_services.indicator_update(
        indicator=indicator,
        definition="Incidents where a child was present or normally lives at the address.",
        reason="Aligned with the force's crime recording rules",
    )
    latest = indicator.history.first()
    assert latest.history_change_reason == "Aligned with the force's crime recording rules"
    assert latest.definition.startswith("Incidents where a child was present")
    assert indicator.history.count() == 2


def test_name_and_target_change_without_a_reason(catalogue):
    catalogue_services.indicator_update(
        indicator=catalogue.interviews_pct, name="Return home interviews", target=Decimal("90")
    )
    catalogue.interviews_pct.refresh_from_db()
    assert catalogue.interviews_pct.target == Decimal("90")


@pytest.mark.parametrize(
    ("field", "value"), [("unit", Unit.PERCENTAGE), ("frequency", Frequency.QUARTERLY)]
)
def test_unit_and_frequency_are_fixed_once_figures_exist(catalogue, field, value):
    indicator = catalogue.incidents
    services.figures_record(
        agency=catalogue.police, period=OCTOBER_2025, values={"POL-01": 4}, source="form"
    )
    with pytest.raises(ValidationError) as error:
        catalogue_services.indicator_update(indicator=indicator, **{field: value})
    assert field in error.value.message_dict
    indicator.refresh_from_db()
    assert getattr(indicator, field) != value


def test_unit_can_change_before_any_figure(catalogue):
    catalogue_services.indicator_update(
        indicator=catalogue.missing_episodes, unit=Unit.RATE_PER_10K
    )
    catalogue.missing_episodes.refresh_from_db()
    assert catalogue.missing_episodes.unit == Unit.RATE_PER_10K


def test_indicator_update_refuses_fields_it_does_not_know(catalogue):
    with pytest.raises(TypeError):
        catalogue_services.indicator_update(indicator=catalogue.incidents, created_by=None)


def test_linking_priorities_is_kept_in_the_history(catalogue):
    priority = PriorityFactory()
    catalogue_services.indicator_update(indicator=catalogue.incidents, priorities=[priority])
    assert list(catalogue.incidents.priorities.all()) == [priority]
    assert list(priority.indicators.all()) == [catalogue.incidents]
    latest = catalogue.incidents.history.first()
    assert [link.priority_id for link in latest.priorities.all()] == [priority.pk]

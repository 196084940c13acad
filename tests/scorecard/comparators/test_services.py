"""Recording a comparator: one figure per source and period, each change kept."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from safeboard.scorecard.comparators import services as comparator_services
from safeboard.scorecard.models import Comparator
from safeboard.scorecard.periods import Frequency, PeriodKey


def test_a_comparator_is_set_once_per_source_and_period(catalogue):
    year = PeriodKey(datetime.date(2024, 4, 1), Frequency.ANNUAL)
    indicator = catalogue.interviews_pct
    comparator_services.comparator_record(
        indicator=indicator, period=year, source="england", value=81.4
    )
    comparator_services.comparator_record(
        indicator=indicator, period=year, source="england", value=81.5
    )
    comparator = Comparator.objects.get()
    assert comparator.value == Decimal("81.5")
    assert comparator.history.count() == 2
    with pytest.raises(ValidationError):
        comparator_services.comparator_record(
            indicator=indicator, period=year, source="region", value=101
        )

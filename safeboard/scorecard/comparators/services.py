"""Every change to an indicator's comparators: England's, the region's or statistical
neighbours' figure for a period, entered on a page or imported from a file."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Comparator, Indicator, Period
from ..periods import PeriodKey
from ..services import period_get_or_create
from ..values import ValueProblem, read_value


@transaction.atomic
def comparator_record(
    *,
    indicator: Indicator,
    period: Period | PeriodKey,
    source: str,
    value,
    origin: str = Comparator.Origin.ENTERED,
    reference: str = "",
    recorded_by=None,
) -> Comparator:
    """Set England's, the region's or statistical neighbours' figure for a period."""
    try:
        value = read_value(value, indicator.unit)
    except ValueProblem as problem:
        raise ValidationError({"value": str(problem)}) from None
    period_row = period if isinstance(period, Period) else period_get_or_create(key=period)
    comparator = Comparator.objects.filter(
        indicator=indicator, period=period_row, source=source
    ).first() or Comparator(indicator=indicator, period=period_row, source=source)
    comparator.value = value
    comparator.origin = origin
    comparator.reference = reference
    comparator.recorded_by = recorded_by
    comparator.recorded_at = timezone.now()
    comparator.full_clean(validate_unique=False, validate_constraints=False)
    comparator.save()
    return comparator

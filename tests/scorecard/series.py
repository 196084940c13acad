"""Hand-made series for the scorecard's charts and grid."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal

from safeboard.scorecard import services
from safeboard.scorecard.models import Figure, Indicator
from safeboard.scorecard.periods import Frequency, PeriodKey
from safeboard.scorecard.selectors import SeriesPoint

APRIL_2023 = PeriodKey(datetime.date(2023, 4, 1), Frequency.MONTHLY)


def period_keys(count: int, start: PeriodKey = APRIL_2023) -> list[PeriodKey]:
    keys = [start]
    while len(keys) < count:
        keys.append(keys[-1].next())
    return keys


def series_of(values: Sequence[float], start: PeriodKey = APRIL_2023) -> list[SeriesPoint]:
    """A series in memory, one period after another: no database needed."""
    return [
        SeriesPoint(key, Decimal(str(value)))
        for key, value in zip(period_keys(len(values), start), values, strict=True)
    ]


def give_figures(
    indicator: Indicator, values: Sequence[float], start: PeriodKey | None = None
) -> list[PeriodKey]:
    """Store figures for an indicator, one period after another, in bulk."""
    start = start or PeriodKey(APRIL_2023.starts_on, indicator.frequency)
    keys = period_keys(len(values), start)
    periods = {key: services.period_get_or_create(key=key) for key in keys}
    Figure.objects.bulk_create(
        Figure(
            indicator=indicator,
            period=periods[key],
            value=Decimal(str(value)),
            source=Figure.Source.FORM,
        )
        for key, value in zip(keys, values, strict=True)
    )
    return keys


# Alternating around 10 (mean 10, average moving range 2, limits 4.68 to 15.32), ending low.
STEADY = [11, 9] * 4
# Then 7 points just above the mean: a shift, and nothing else.
SHIFTED = [*STEADY, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5]

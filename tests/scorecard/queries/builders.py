"""Indicators with a history of figures, and queries in each state, for the queries' tests."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from safeboard.scorecard import services
from safeboard.scorecard.factories import FigureFactory, IndicatorFactory, PeriodFactory
from safeboard.scorecard.models import Figure, Indicator, IndicatorQuery, QueryTrigger
from safeboard.scorecard.periods import Frequency, PeriodKey, last_periods

from ..conftest import OCTOBER_2025

SEPTEMBER_2025 = OCTOBER_2025.previous()

# Twelve months around 11, then six higher: the next high month makes a run of seven above
# the mean (a shift) and no other signal. Worked through by hand: the mean of all 19 points
# is 12.26, the upper limit 16.7, the upper two-thirds line 15.2.
SHIFT_HISTORY = [10, 12] * 6 + [14, 15, 14, 15, 14, 15]
SHIFT_NEXT = 14
# The same, mirrored below: a run of seven under the mean.
FALL_HISTORY = [14, 12] * 6 + [10, 9, 10, 9, 10, 9]
FALL_NEXT = 10
# Ordinary noise around 93%: no signal.
STEADY_PERCENTAGES = [93, 94, 92, 95, 93, 94, 92, 93, 95, 94, 93, 92]


def indicator(agency, **fields) -> Indicator:
    fields.setdefault("name", "Re-referrals within 12 months")
    return IndicatorFactory(owning_agency=agency, **fields)


def history(indicator: Indicator, values, *, last: PeriodKey = SEPTEMBER_2025) -> list[Figure]:
    """Figures for the months up to `last`, made directly (as if recorded long ago)."""
    keys = last_periods(Frequency.MONTHLY, count=len(values), ending=last.starts_on)
    return [
        FigureFactory(indicator=indicator, period=PeriodFactory(key=key), value=Decimal(value))
        for key, value in zip(keys, values, strict=True)
    ]


def record(indicator: Indicator, value, *, period: PeriodKey = OCTOBER_2025, **kwargs):
    kwargs.setdefault("source", Figure.Source.FORM)
    return services.figures_record(
        agency=indicator.owning_agency, period=period, values={indicator.code: value}, **kwargs
    )


def query(
    indicator: Indicator,
    *,
    status: str = IndicatorQuery.Status.OPEN,
    period: PeriodKey = OCTOBER_2025,
    due_in_days: int = 10,
    **fields,
) -> IndicatorQuery:
    """A query raised by the board about the indicator's figure for `period`."""
    today = timezone.localdate()
    figure = Figure.objects.filter(indicator=indicator, period__starts_on=period.starts_on).first()
    if figure is None:
        figure = FigureFactory(indicator=indicator, period=PeriodFactory(key=period))
    if status != IndicatorQuery.Status.OPEN:
        fields.setdefault("explanation", "Two teams merged and recording changed.")
        fields.setdefault("answered_on", today)
    if status == IndicatorQuery.Status.ACCEPTED:
        fields.setdefault("judgement_reason", "A full answer.")
        fields.setdefault("judged_on", today)
    opened_on = fields.pop("opened_on", today - datetime.timedelta(days=30))
    return IndicatorQuery.objects.create(
        indicator=indicator,
        period=figure.period,
        agency=indicator.owning_agency,
        trigger=fields.pop("trigger", QueryTrigger.RAISED),
        question=fields.pop("question", "Why did the figure rise?"),
        opened_on=opened_on,
        response_due_on=today + datetime.timedelta(days=due_in_days),
        status=status,
        **fields,
    )

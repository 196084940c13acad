"""The public scorecard: the indicators the business manager has marked public, each with its
chart, read by anyone. Only public indicators in use ever leave this module."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from ..models import Indicator
from ..spc.charts import xmr_chart_svg
from ..spc.selectors import IndicatorSpc, SpcPoint, spc_for_indicators


def public_indicators() -> QuerySet[Indicator]:
    return (
        Indicator.objects.filter(is_public=True, is_active=True)
        .select_related("owning_agency")
        .order_by("code")
    )


@dataclass(frozen=True)
class PublicIndicator:
    indicator: Indicator
    chart: IndicatorSpc
    chart_svg: SafeString | None

    @property
    def points_newest_first(self) -> list[SpcPoint]:
        return list(reversed(self.chart.points))


def public_scorecard() -> list[PublicIndicator]:
    """Every public indicator with its chart and figures: two queries, whatever their number."""
    indicators = list(public_indicators())
    charts = spc_for_indicators(indicators=indicators)
    return [
        PublicIndicator(
            indicator,
            charts[indicator.pk],
            xmr_chart_svg(chart=charts[indicator.pk], chart_id=f"public-{indicator.code}"),
        )
        for indicator in indicators
    ]

"""Reading the queries put to agencies about their indicators."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Indicator, IndicatorQuery


def queries_for_indicator(indicator: Indicator) -> QuerySet[IndicatorQuery]:
    """Every query on one indicator, newest first, ready for a table."""
    return indicator.queries.select_related("period", "agency").order_by("-opened_on", "-id")

"""What the scorecard adds to a priority's page: the indicators linked to the priority, and
indicators as records a priority's measure can point at."""

from __future__ import annotations

from safeboard.core.extension_points import PRIORITY, Evidence, MeasureTarget

from . import selectors
from .models import Indicator

INDICATORS_SECTION = Evidence(
    subject=PRIORITY,
    key="indicators",
    heading="Indicators",
    template_name="scorecard/priority_evidence.html",
    records=lambda priority, user: selectors.priority_indicators(priority_id=priority.pk),
    view_permission="scorecard.view_indicator",
    empty_text="No scorecard indicators are linked to this priority.",
    counted_as=("indicator", "indicators"),
    order=40,
)

INDICATOR_MEASURE_TARGET = MeasureTarget(
    key="scorecard-indicator",
    label="Scorecard indicator",
    records=lambda: Indicator.objects.filter(is_active=True).order_by("code"),
)

"""What the scorecard adds to a priority's page (the indicators linked to the priority), to a
theme's page (the indicators that tell of the theme, each with its latest figure and what its
statistical process control chart shows), and indicators as records a priority's measure can
point at."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from safeboard.core.extension_points import PRIORITY, THEME, Evidence, MeasureTarget
from safeboard.themes.models import Theme

from . import selectors
from .models import Indicator
from .spc.selectors import spc_for_indicators


def indicators_about(themes: Iterable[Theme] | QuerySet[Theme]) -> list[Indicator]:
    """The indicators in use that tell of any of `themes`, each once, by code, each with
    `spc`: its chart, whose latest point gives the latest figure and its state (two queries)."""
    tagged = Indicator.objects.filter(themes__in=themes).values("pk")
    indicators = list(
        Indicator.objects.filter(pk__in=tagged, is_active=True)
        .select_related("owning_agency")
        .order_by("code")
    )
    charts = spc_for_indicators(indicators=indicators)
    for indicator in indicators:
        indicator.spc = charts[indicator.pk]
    return indicators


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

THEME_INDICATORS_SECTION = Evidence(
    subject=THEME,
    key="scorecard-indicators",
    heading="Scorecard indicators",
    template_name="scorecard/theme_evidence.html",
    records=lambda themes, user: indicators_about(themes),
    view_permission="scorecard.view_indicator",
    counted_as=("indicator", "indicators"),
    empty_text="No indicator in use tells of this theme.",
    order=50,
)

INDICATOR_MEASURE_TARGET = MeasureTarget(
    key="scorecard-indicator",
    label="Scorecard indicator",
    records=lambda: Indicator.objects.filter(is_active=True).order_by("code"),
)

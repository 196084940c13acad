"""The chain as a picture: how many findings reached each stage, from found to impact
supported by the data, as horizontal bars (drawn by the one bar chart of counts and shares,
audits/bar_chart.py). The page puts the table of the same figures beside it."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString

from safeboard.audits.bar_chart import Series, bar_chart
from safeboard.core.charts import nice_ticks

from .selectors import Stage


def describe(stages: Sequence[Stage]) -> str:
    """The text alternative: every figure the bars show, in words."""
    first, *rest = stages
    parts = [f"{first.count} {first.label.lower()}"]
    parts += [f"{stage.label.lower()}: {stage.count}" for stage in rest]
    return "Of " + "; ".join(parts) + "."


def chain_chart(*, stages: Sequence[Stage], title: str, chart_id: str) -> SafeString | None:
    """The chart, or None when no finding calls for change (an empty picture says nothing)."""
    if not stages or stages[0].count == 0:
        return None
    most = stages[0].count
    # Counts of findings: whole-number ticks only.
    ticks = list(range(most + 1)) if most <= 5 else nice_ticks(0, most, count=4)
    return bar_chart(
        labels=[stage.short for stage in stages],
        series=[Series("Findings", [stage.count for stage in stages])],
        title=title,
        description=describe(stages),
        chart_id=chart_id,
        maximum=ticks[-1],
        ticks=ticks,
        unit="",
    )

"""Charts drawn from figures kept as plain JSON values (a published yearly report's snapshot).

`{% figure_bars rows title=... description=... chart_id=... %}` draws `rows`, a list of
[label, value] pairs (or [label, value, second value] with `second=`), as horizontal bars;
the template puts a table of the same rows beside it.
"""

from __future__ import annotations

import datetime

from django import template
from django.utils.safestring import SafeString

from safeboard.core.bar_chart import SECOND_COLOUR, Series, bar_chart
from safeboard.core.charts import nice_ticks

register = template.Library()


@register.simple_tag
def figure_bars(
    rows,
    *,
    title: str,
    description: str,
    chart_id: str,
    unit: str = "",
    maximum: float | None = None,
    first: str = "",
    second: str = "",
) -> SafeString | str:
    rows = [row for row in rows or [] if row]
    if not rows:
        return ""
    values = [None if row[1] is None else float(row[1]) for row in rows]
    series = [Series(first or title, values)]
    if second:
        seconds = [None if len(row) < 3 or row[2] is None else float(row[2]) for row in rows]
        series.append(Series(second, seconds, colour=SECOND_COLOUR))
    highest = max([v for s in series for v in s.values if v is not None] or [0])
    top = maximum if maximum else max(highest, 1)
    ticks = nice_ticks(0, top, 4)
    highest_tick = maximum if maximum else ticks[-1]
    return bar_chart(
        labels=[str(row[0]) for row in rows],
        series=series,
        title=title,
        description=description,
        chart_id=chart_id,
        maximum=highest_tick,
        ticks=[t for t in ticks if t <= highest_tick],
        unit=unit,
    )


@register.filter
def iso_date(value: str | None) -> str:
    """A date kept in figures as "2025-06-01", written as "1 June 2025"."""
    if not value:
        return ""
    try:
        day = datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.day} {day:%B %Y}"

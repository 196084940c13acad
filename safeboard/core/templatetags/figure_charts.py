"""Charts drawn from figures kept as plain JSON values (a published yearly report's snapshot).

`{% figure_bars rows title=... description=... chart_id=... %}` draws `rows`, a list of
[label, value] pairs (or [label, value, second value] with `second=`), as horizontal bars;
the template puts a table of the same rows beside it.

In a compact rendering (the PDF: `compact` is true in the context) a chart of more than
`COMPACT_ROWS` rows draws the largest of them and one bar for all the others together, since
every label is text WeasyPrint must lay out; the table beside it still gives every row.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import template
from django.utils.safestring import SafeString

from safeboard.core.bar_chart import SECOND_COLOUR, Series, bar_chart
from safeboard.core.charts import nice_ticks

register = template.Library()

FEW_BARS = 6  # bars whose figures a text alternative reads out one by one
COMPACT_ROWS = 12


def _compacted(rows: list) -> list:
    """The largest rows by their first value, in their order, and the rest summed as one."""
    ranked = sorted(range(len(rows)), key=lambda i: -(rows[i][1] or 0))
    kept = sorted(ranked[: COMPACT_ROWS - 1])
    others = [rows[i] for i in ranked[COMPACT_ROWS - 1 :]]
    total: list[Any] = [f"All {len(others)} others"]
    for column in range(1, max(len(row) for row in rows)):
        values = [row[column] for row in others if len(row) > column and row[column] is not None]
        total.append(sum(values) if values else None)
    return [rows[i] for i in kept] + [total]


def _figures_in_words(rows: list, values: list[float | None], unit: str) -> str:
    """The chart's own figures in its text alternative: every bar when there are few, else
    the largest, so that a reader who cannot see the bars still hears a figure."""

    def amount(value: float) -> str:
        number = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
        return f"{number}{unit}" if unit == "%" else number

    shown = [(str(row[0]), value) for row, value in zip(rows, values, strict=True)]
    known = [(label, value) for label, value in shown if value is not None]
    if not known:
        return "No figures yet."
    if len(known) <= FEW_BARS:
        return "; ".join(f"{label}: {amount(value)}" for label, value in known) + "."
    label, value = max(known, key=lambda pair: pair[1])
    return f"The largest is {label}, {amount(value)}."


@register.simple_tag(takes_context=True)
def figure_bars(
    context,
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
    # A share (a percentage) does not add up: only counts are summed into "all others".
    if context.get("compact") and len(rows) > COMPACT_ROWS and unit != "%":
        rows = _compacted(rows)
        description += f" The chart draws the {COMPACT_ROWS - 1} largest and the rest together."
    values = [None if row[1] is None else float(row[1]) for row in rows]
    description = f"{description} {_figures_in_words(rows, values, unit)}"
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

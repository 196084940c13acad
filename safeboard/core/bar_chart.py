"""Horizontal bar charts drawn on the server as SVG, in the manner of core/charts.py.

One image (role="img") named by its <title> and described by its <desc>; the page puts a
table of the same figures beside it. Several series draw grouped bars with a legend (an
earlier round beside a later one); a missing value is written as "none", never drawn as 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .charts import FONT, GRID_COLOUR, LINE_COLOUR, TEXT_COLOUR, Scale

SECOND_COLOUR = "#505a5f"  # GOV.UK dark grey: 7:1 against white
WIDTH = 640
LABEL_WIDTH = 180
VALUE_ROOM = 64
BAR_HEIGHT = 20
GROUP_GAP = 14
TOP = 16
LEGEND_HEIGHT = 28
AXIS_ROOM = 32
LABEL_CHARACTERS = 22


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]
    colour: str = LINE_COLOUR


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "\u2026"


def tick_text(tick: float) -> str:
    """An axis label as people write numbers: 1,500,000 or 2.5, never 1.5e+06."""
    return f"{tick:,.0f}" if float(tick).is_integer() else f"{tick:,.10g}"


def _value_text(value: float | None, unit: str) -> str:
    return "none" if value is None else f"{round(value):d}{unit}"


def bar_chart(
    *,
    labels: Sequence[str],
    series: Sequence[Series],
    title: str,
    description: str,
    chart_id: str,
    maximum: float = 100,
    ticks: Sequence[float] = (0, 25, 50, 75, 100),
    unit: str = "%",
) -> SafeString:
    """Grouped horizontal bars: one group per label, one bar per series, 0 to `maximum`."""
    if not labels or not series:
        raise ValueError("A bar chart needs at least one label and one series.")
    if maximum <= 0:
        raise ValueError("maximum must be above 0.")
    legend = LEGEND_HEIGHT if len(series) > 1 else 0
    group_height = BAR_HEIGHT * len(series) + GROUP_GAP
    plot_top = TOP + legend
    plot_height = group_height * len(labels)
    height = plot_top + plot_height + AXIS_ROOM
    plot_width = WIDTH - LABEL_WIDTH - VALUE_ROOM

    x = Scale(0, maximum, LABEL_WIDTH, LABEL_WIDTH + plot_width, clamp=True)

    ident = escape(chart_id)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" class="safeboard-chart" {FONT} '
        f'font-size="14">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
    ]
    if legend:
        offset = LABEL_WIDTH
        for item in series:
            parts.append(
                f'<rect x="{offset}" y="{TOP}" width="14" height="14" fill="{escape(item.colour)}"/>'
            )
            parts.append(
                f'<text x="{offset + 20}" y="{TOP + 12}" fill="{TEXT_COLOUR}">'
                f"{escape(item.name)}</text>"
            )
            offset += 28 + 8 * len(item.name)
    base = plot_top + plot_height
    for tick in ticks:
        parts.append(
            f'<line x1="{x(tick):.1f}" y1="{plot_top}" x2="{x(tick):.1f}" y2="{base}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{x(tick):.1f}" y="{base + 20}" text-anchor="middle" fill="{TEXT_COLOUR}">'
            f"{tick_text(tick)}{escape(unit)}</text>"
        )
    for row, label in enumerate(labels):
        top = plot_top + row * group_height + GROUP_GAP / 2
        middle = top + BAR_HEIGHT * len(series) / 2
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle + 5:.1f}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{escape(_short(label))}</text>'
        )
        for index, item in enumerate(series):
            value = item.values[row]
            y = top + index * BAR_HEIGHT
            width = 0 if value is None else x(value) - LABEL_WIDTH
            if width > 0:
                parts.append(
                    f'<rect x="{LABEL_WIDTH}" y="{y + 2:.1f}" width="{width:.1f}" '
                    f'height="{BAR_HEIGHT - 4}" fill="{escape(item.colour)}"/>'
                )
            parts.append(
                f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + BAR_HEIGHT - 5:.1f}" '
                f'fill="{TEXT_COLOUR}">{escape(_value_text(value, unit))}</text>'
            )
    parts.append(
        f'<line x1="{LABEL_WIDTH}" y1="{plot_top}" x2="{LABEL_WIDTH}" y2="{base}" '
        f'stroke="{TEXT_COLOUR}" stroke-width="1"/>'
    )
    parts.append("</svg>")
    # Every piece of text above went through escape(); the rest is numbers we wrote.
    return mark_safe("".join(parts))  # noqa: S308

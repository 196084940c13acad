"""The bar chart of people reached, by agency or by role."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from safeboard.core.charts import FONT, LINE_COLOUR, TEXT_COLOUR, Scale

from .selectors import ReachLine

BAR_HEIGHT = 24
BAR_GAP = 12
LABEL_WIDTH = 230
CHART_WIDTH = 640
VALUE_SPACE = 56


def bar_chart(*, lines: list[ReachLine], title: str, description: str, chart_id: str) -> SafeString:
    """A horizontal bar chart of people reached, one bar per line, largest first.

    One image named by its <title> and described by its <desc>; the page puts the same
    figures in a table beside it."""
    top, bottom = 8, 8
    height = top + bottom + len(lines) * (BAR_HEIGHT + BAR_GAP)
    widest = max((line.people for line in lines), default=0) or 1
    bar = Scale(0, widest, 0, CHART_WIDTH - LABEL_WIDTH - VALUE_SPACE)
    chart = escape(chart_id)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart}-title {chart}-desc" class="safeboard-chart" '
        f'{FONT} font-size="16">',
        f'<title id="{chart}-title">{escape(title)}</title>',
        f'<desc id="{chart}-desc">{escape(description)}</desc>',
    ]
    for index, line in enumerate(lines):
        y = top + index * (BAR_HEIGHT + BAR_GAP)
        width = max(2.0, bar(line.people))
        middle = y + BAR_HEIGHT / 2 + 5
        label = line.short_name if len(line.short_name) <= 28 else line.short_name[:27] + "…"
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{middle:.1f}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{escape(label)}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{LINE_COLOUR}"/>',
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{middle:.1f}" font-weight="bold" '
            f'fill="{TEXT_COLOUR}">{line.people}</text>',
        ]
    parts.append("</svg>")
    # Every piece of text above went through escape(); the rest is numbers we wrote.
    return mark_safe("".join(parts))  # noqa: S308

"""The self-assessment's results as a bar chart, drawn on the server as SVG: each area's
average rating (out of 4), beside the previous self-assessment's. The page puts a table of
the same figures beside it."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from safeboard.core.charts import FONT, GRID_COLOUR, LINE_COLOUR, TEXT_COLOUR

from .selectors import Results

PREVIOUS_COLOUR = "#505a5f"  # GOV.UK dark grey: 3:1 or more against white
LABEL_WIDTH = 260
BAR_WIDTH = 340
ROW_HEIGHT = 56
TOP = 40
SCALE_MAX = 4


def _describe(results: Results) -> str:
    parts = []
    for area in results.areas:
        words = f"{area.area}: {_score(area.average)}"
        if area.previous is not None:
            words += f", previously {_score(area.previous)}"
        parts.append(words)
    before = f" beside {results.previous.title}" if results.previous else ""
    return (
        f"Average rating out of {SCALE_MAX} for each area in {results.assessment.title}{before}. "
        + "; ".join(parts)
        + "."
    )


def _score(value: float | None) -> str:
    return "not rated" if value is None else f"{value:.2f}"


def results_chart_svg(*, results: Results, chart_id: str) -> SafeString | None:
    if not results.areas:
        return None
    width = LABEL_WIDTH + BAR_WIDTH + 80
    height = TOP + ROW_HEIGHT * len(results.areas) + 30
    x0 = LABEL_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'class="safeboard-chart" {FONT} font-size="14">',
        f'<title id="{escape(chart_id)}-title">{escape("Self-assessment results by area")}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(_describe(results))}</desc>',
    ]
    for tick in range(SCALE_MAX + 1):
        x = x0 + BAR_WIDTH * tick / SCALE_MAX
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 10}" x2="{x:.1f}" y2="{height - 30}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{height - 12}" text-anchor="middle" fill="{TEXT_COLOUR}">'
            f"{tick}</text>"
        )
    parts.append(
        f'<rect x="{x0}" y="8" width="14" height="14" fill="{LINE_COLOUR}"/>'
        f'<text x="{x0 + 20}" y="20" fill="{TEXT_COLOUR}">This self-assessment</text>'
    )
    if results.previous is not None:
        parts.append(
            f'<rect x="{x0 + 200}" y="8" width="14" height="14" fill="{PREVIOUS_COLOUR}"/>'
            f'<text x="{x0 + 220}" y="20" fill="{TEXT_COLOUR}">The one before</text>'
        )
    for row, area in enumerate(results.areas):
        y = TOP + row * ROW_HEIGHT
        parts.append(
            f'<text x="{LABEL_WIDTH - 10}" y="{y + 20}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{escape(area.area[:36])}</text>'
        )
        for offset, value, colour in (
            (0, area.average, LINE_COLOUR),
            (22, area.previous, PREVIOUS_COLOUR),
        ):
            if value is None:
                continue
            length = BAR_WIDTH * value / SCALE_MAX
            parts.append(
                f'<rect x="{x0}" y="{y + offset + 4}" width="{length:.1f}" height="18" '
                f'fill="{colour}"/>'
                f'<text x="{x0 + length + 6:.1f}" y="{y + offset + 18}" '
                f'fill="{TEXT_COLOUR}">{value:.2f}</text>'
            )
    parts.append("</svg>")
    # Every piece of text above went through escape(); the rest is numbers we wrote.
    return mark_safe("".join(parts))  # noqa: S308

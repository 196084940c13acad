"""The confidence chart of an evaluation: for each learning outcome, mean confidence before
and after the session as two bars on the 1 to 5 scale.

Drawn on the server as one SVG image (role="img") named by its <title> and described by its
<desc>, in the manner of core/charts.py; the page puts the table of the same figures beside
it, so nothing is only in the picture. Outcomes are labelled by number: their words are in
the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from safeboard.core.charts import FONT, GRID_COLOUR, LINE_COLOUR, TEXT_COLOUR, Scale

from ..models import RATING_MAX
from .selectors import OutcomeResult

if TYPE_CHECKING:
    from .follow_up import FollowUpSummary

BEFORE_COLOUR = "#505a5f"  # GOV.UK dark grey: 3:1 or more against white, as graphics need
AFTER_COLOUR = LINE_COLOUR
WIDTH = 480
LEFT = 104
RIGHT = 48
TOP = 48
BOTTOM = 40
BAR = 16
GAP = 4
ROW = 2 * BAR + GAP + 20


_x = Scale(0, RATING_MAX, LEFT, WIDTH - RIGHT)


def confidence_chart(
    *, outcomes: Sequence[OutcomeResult], title: str, chart_id: str
) -> SafeString | None:
    """The chart, or None when no outcome has been rated yet."""
    rated = [outcome for outcome in outcomes if outcome.ratings]
    if not rated:
        return None
    height = TOP + ROW * len(rated) + BOTTOM
    description = "; ".join(
        f"outcome {o.number}: before {o.mean_before:.1f}, after {o.mean_after:.1f}" for o in rated
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'class="safeboard-chart" {FONT} font-size="16">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">Mean confidence from 1 to 5, {escape(description)}.'
        "</desc>",
        *_legend(),
        *_grid(height),
    ]
    for index, outcome in enumerate(rated):
        parts += _row(TOP + index * ROW, outcome)
    parts.append("</svg>")
    # Every piece of text above went through escape(); the rest is numbers we wrote.
    return mark_safe("".join(parts))  # noqa: S308


def _legend() -> list[str]:
    parts = []
    for offset, (label, colour) in enumerate(
        (("Before the session", BEFORE_COLOUR), ("After the session", AFTER_COLOUR))
    ):
        x = LEFT + offset * 176
        parts.append(f'<rect x="{x}" y="12" width="16" height="16" fill="{colour}"/>')
        parts.append(f'<text x="{x + 24}" y="26" fill="{TEXT_COLOUR}">{label}</text>')
    return parts


def _grid(height: int) -> list[str]:
    parts = []
    base = height - BOTTOM
    for tick in range(RATING_MAX + 1):
        x = _x(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{base}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{base + 24}" text-anchor="middle" fill="{TEXT_COLOUR}">'
            f"{tick}</text>"
        )
    return parts


def _row(top: float, outcome: OutcomeResult) -> list[str]:
    parts = [
        f'<text x="{LEFT - 12}" y="{top + BAR + GAP / 2 + 5:.1f}" text-anchor="end" '
        f'fill="{TEXT_COLOUR}">Outcome {outcome.number}</text>'
    ]
    for offset, (value, colour) in enumerate(
        ((outcome.mean_before, BEFORE_COLOUR), (outcome.mean_after, AFTER_COLOUR))
    ):
        y = top + offset * (BAR + GAP)
        end = _x(value or 0)
        parts.append(
            f'<rect class="safeboard-chart__bar" x="{LEFT}" y="{y:.1f}" '
            f'width="{end - LEFT:.1f}" height="{BAR}" fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{end + 6:.1f}" y="{y + BAR - 3:.1f}" font-size="14" font-weight="bold" '
            f'fill="{TEXT_COLOUR}">{value:.1f}</text>'
        )
    return parts


FOLLOW_UP_COLOUR = "#1d70b8"  # GOV.UK blue, distinct from before (grey) and after (green)
FOLLOW_UP_TOP = 24


def follow_up_chart(*, summary: FollowUpSummary, title: str, chart_id: str) -> SafeString | None:
    """Mean confidence of those who answered the follow-up: before the session, after it, and
    three months on, as three bars on the 1 to 5 scale. None when nothing is to be drawn."""
    bars = [
        (label, value, colour)
        for label, value, colour in (
            ("Before", summary.mean_confidence_before, BEFORE_COLOUR),
            ("After", summary.mean_confidence_after, AFTER_COLOUR),
            ("Now", summary.mean_confidence_follow_up, FOLLOW_UP_COLOUR),
        )
        if value is not None
    ]
    if not bars:
        return None
    height = FOLLOW_UP_TOP + len(bars) * (BAR + 2 * GAP + 8) + BOTTOM
    description = "; ".join(f"{label.lower()} {value:.1f}" for label, value, _ in bars)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'class="safeboard-chart" {FONT} font-size="16">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">Self-reported mean confidence from 1 to 5 of '
        f"those who answered the follow-up: {escape(description)}.</desc>",
    ]
    base = height - BOTTOM
    for tick in range(RATING_MAX + 1):
        x = _x(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{FOLLOW_UP_TOP - 6}" x2="{x:.1f}" y2="{base}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{base + 24}" text-anchor="middle" fill="{TEXT_COLOUR}">'
            f"{tick}</text>"
        )
    for index, (label, value, colour) in enumerate(bars):
        y = FOLLOW_UP_TOP + index * (BAR + 2 * GAP + 8)
        end = _x(value)
        parts.append(
            f'<text x="{LEFT - 12}" y="{y + BAR - 3}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{label}</text>'
        )
        parts.append(
            f'<rect class="safeboard-chart__bar" x="{LEFT}" y="{y}" '
            f'width="{end - LEFT:.1f}" height="{BAR}" fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{end + 6:.1f}" y="{y + BAR - 3}" font-size="14" font-weight="bold" '
            f'fill="{TEXT_COLOUR}">{value:.1f}</text>'
        )
    parts.append("</svg>")
    # The title went through escape(); the rest is our labels and numbers.
    return mark_safe("".join(parts))  # noqa: S308

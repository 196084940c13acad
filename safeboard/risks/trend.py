"""A risk's residual score over its reviews, drawn with the shared line chart."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString

from safeboard.core.charts import Point, Zone, line_chart
from safeboard.core.dates import long_date

from .models import Risk, RiskReview
from .scoring import BANDS, score_range

# GOV.UK Frontend's tag colours (text, background), so the chart reads like the band tags.
TAG_COLOURS = {
    "red": ("#651b1b", "#f4d7d7"),
    "orange": ("#7a3c1c", "#fde4d7"),
    "yellow": ("#7a3c1c", "#ffee80"),
    "green": ("#083d29", "#cfe4dc"),
}


def _zones() -> list[Zone]:
    zones = []
    for band in BANDS:
        lowest, highest = score_range(band)
        text, fill = TAG_COLOURS[band.tag_colour]
        # Shade from the band's first score up to the next band's, so bands meet.
        top = highest + 1 if highest < 25 else 25
        zones.append(
            Zone(
                lowest=lowest if lowest > 1 else 0,
                highest=top,
                fill=fill,
                label=band.name,
                label_colour=text,
            )
        )
    return zones


def _say(review: RiskReview) -> str:
    return f"{review.score} ({review.band.name}) on {long_date(review.reviewed_on)}"


def residual_trend_chart(*, risk: Risk, reviews: Sequence[RiskReview]) -> SafeString | None:
    """The residual score at each review, or None before the first review."""
    if not reviews:
        return None
    first, last = reviews[0], reviews[-1]
    if len(reviews) == 1:
        summary = f"One review so far: a residual score of {_say(first)}."
    else:
        summary = (
            f"{len(reviews)} reviews: the residual score went from {_say(first)} to {_say(last)}."
        )
    return line_chart(
        points=[Point(when=review.reviewed_on, value=review.score) for review in reviews],
        title=f"Residual score of risk {risk.reference} at each review",
        description=f"{summary} Scores run from 1 to 25; the table that follows gives each review.",
        chart_id=f"risk-{risk.pk}-trend",
        y_max=25,
        y_ticks=(0, 5, 10, 15, 20, 25),
        y_label="Residual score",
        zones=_zones(),
    )

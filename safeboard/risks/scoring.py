"""How a likelihood × impact score reads on the 5×5 matrix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    name: str
    tag_colour: str  # GOV.UK tag modifier
    lowest_score: int


# Scores run 1-25; a risk's band is the highest band whose lowest score it reaches.
BANDS = (
    Band("Very high", "red", 15),
    Band("High", "orange", 10),
    Band("Medium", "yellow", 5),
    Band("Low", "green", 1),
)


def band_for(score: int) -> Band:
    if not 1 <= score <= 25:
        raise ValueError(f"A risk score runs from 1 to 25, not {score}.")
    return next(band for band in BANDS if score >= band.lowest_score)


def band_named(name: str) -> Band:
    return next(band for band in BANDS if band.name == name)


def score_range(band: Band) -> tuple[int, int]:
    """The lowest and highest scores that read as this band."""
    higher = [other.lowest_score for other in BANDS if other.lowest_score > band.lowest_score]
    return band.lowest_score, (min(higher) - 1 if higher else 25)


# What each point of the 1-5 scales means, so that people scoring a risk score alike.
LIKELIHOOD_LABELS = {
    1: "Rare",
    2: "Unlikely",
    3: "Possible",
    4: "Likely",
    5: "Almost certain",
}
IMPACT_LABELS = {
    1: "Minimal",
    2: "Minor",
    3: "Moderate",
    4: "Major",
    5: "Severe",
}
SCORES = (1, 2, 3, 4, 5)

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

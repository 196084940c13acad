"""The scale organisations score themselves on, and how a score is shown.

Partnerships commonly score each standard from 0 to 3; a cycle may set its own scale: the
lowest and highest score, a label for each, and the score from which a standard counts as
met. A standard scored below that needs an improvement plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard

DEFAULT_MIN = 0
DEFAULT_MAX = 3
DEFAULT_MET = 3
DEFAULT_LABELS = (
    "Not met",
    "Partly met",
    "Mostly met",
    "Fully met",
)

# GOV.UK tag colours, worst to best below "met"; every score is also written in words.
_BELOW_MET_COLOURS = ("red", "orange", "yellow")
MET_COLOUR = "green"
NOT_RATED_COLOUR = "grey"


@dataclass(frozen=True)
class Scale:
    minimum: int
    maximum: int
    met: int
    labels: tuple[str, ...]

    @property
    def scores(self) -> range:
        return range(self.minimum, self.maximum + 1)

    def choices(self) -> list[tuple[int, str]]:
        return [(score, f"{score}: {self.label(score)}") for score in self.scores]

    def key(self) -> list[tuple[int, str, str]]:
        """Every score with its label and colour: the key beside a heat map."""
        return [(score, self.label(score), self.colour(score)) for score in self.scores]

    def contains(self, score: int | None) -> TypeGuard[int]:
        return score is not None and self.minimum <= score <= self.maximum

    def label(self, score: int | None) -> str:
        if not self.contains(score):
            return "Not rated"
        index = score - self.minimum
        return self.labels[index] if index < len(self.labels) else str(score)

    def is_met(self, score: int | None) -> bool:
        return score is not None and score >= self.met

    def colour(self, score: int | None) -> str:
        """Red for the lowest score, then orange and yellow, green from "met" up."""
        if not self.contains(score):
            return NOT_RATED_COLOUR
        if self.is_met(score):
            return MET_COLOUR
        steps_below_met = self.met - self.minimum
        position = (score - self.minimum) * len(_BELOW_MET_COLOURS) // steps_below_met
        return _BELOW_MET_COLOURS[min(position, len(_BELOW_MET_COLOURS) - 1)]

    def describe(self, score: int | None) -> str:
        return "Not rated" if not self.contains(score) else f"{score} {self.label(score)}"


def scale_problems(*, minimum: int, maximum: int, met: int, labels: list[str]) -> dict[str, str]:
    """What is wrong with a proposed scale, by form field; empty when it is sound."""
    problems = {}
    if minimum < 0 or maximum > 10:
        problems["scale_max"] = "Scores run from 0 to 10 at most."
    elif maximum <= minimum:
        problems["scale_max"] = "The highest score must be above the lowest."
    elif not minimum < met <= maximum:
        problems["met_score"] = (
            "The score that counts as met must be above the lowest score and no higher than "
            "the highest."
        )
    if not problems and len(labels) != maximum - minimum + 1:
        problems["scale_labels"] = (
            f"Give one label for each score from {minimum} to {maximum}: "
            f"{maximum - minimum + 1} labels, one a line."
        )
    elif any(not label.strip() for label in labels):
        problems["scale_labels"] = "Every score needs a label."
    return problems

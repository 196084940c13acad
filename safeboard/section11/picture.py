"""The compliance picture: every standard against every organisation, and the change since
the previous cycle.

A cell shows the score that counts: the moderated score where the panel agreed one,
otherwise the self-assessed score; its label and colour come from the cycle's scale, and
the change is against the organisation's counted score for the same standard code last
cycle (when both cycles' scales are the same, otherwise the change is not shown).
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Cycle, Rating, Return
from .scale import Scale


@dataclass(frozen=True)
class Cell:
    agency_return: Return
    standard_code: str
    standard_title: str
    self_score: int | None
    moderated_score: int | None
    moderation_reason: str
    previous_score: int | None
    scale: Scale
    submitted: bool

    @property
    def score(self) -> int | None:
        """The score that counts, once the return is in."""
        if not self.submitted:
            return None
        return self.moderated_score if self.moderated_score is not None else self.self_score

    @property
    def label(self) -> str:
        return self.scale.label(self.score) if self.submitted else "Not returned"

    @property
    def colour(self) -> str:
        return self.scale.colour(self.score)

    @property
    def is_moderated(self) -> bool:
        return self.submitted and self.moderated_score is not None

    @property
    def change(self) -> int | None:
        if self.score is None or self.previous_score is None:
            return None
        return self.score - self.previous_score

    @property
    def change_words(self) -> str:
        change = self.change
        if change is None:
            return ""
        if change == 0:
            return f"No change from {self.previous_score}"
        return f"{'Up' if change > 0 else 'Down'} from {self.previous_score}"


@dataclass(frozen=True)
class StandardSummary:
    code: str
    title: str
    met_now: int
    returned_now: int
    met_before: int | None
    returned_before: int | None

    @property
    def share_now(self) -> int | None:
        """The percentage of returns meeting the standard (returns differ between cycles)."""
        return _percent(self.met_now, self.returned_now)

    @property
    def share_before(self) -> int | None:
        if self.met_before is None or self.returned_before is None:
            return None
        return _percent(self.met_before, self.returned_before)

    @property
    def change(self) -> int | None:
        """The change in percentage points since the previous cycle."""
        if self.share_now is None or self.share_before is None:
            return None
        return self.share_now - self.share_before


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


@dataclass
class Picture:
    cycle: Cycle
    returns: list[Return]
    standards: list
    rows: list[list[Cell]]  # one row per standard, one cell per return
    summaries: list[StandardSummary]
    has_previous: bool

    @property
    def cells(self) -> list[Cell]:
        return [cell for row in self.rows for cell in row]


def _counted(rating: Rating) -> int | None:
    return rating.moderated_score if rating.moderated_score is not None else rating.self_score


def compliance_picture(cycle: Cycle) -> Picture:
    """The heat map of a cycle, in four queries whatever its size."""
    scale = cycle.scale
    standards = list(cycle.standards.order_by("position", "id"))
    returns = list(cycle.returns.select_related("agency").order_by("agency__name"))
    for agency_return in returns:
        agency_return.cycle = cycle
    ratings = {
        (rating.agency_return_id, rating.standard_id): rating
        for rating in Rating.objects.filter(agency_return__cycle=cycle)
    }
    previous = _previous_scores(cycle)
    rows, summaries = [], []
    for standard in standards:
        row = []
        for agency_return in returns:
            rating = ratings.get((agency_return.pk, standard.pk))
            row.append(
                Cell(
                    agency_return=agency_return,
                    standard_code=standard.code,
                    standard_title=standard.title,
                    self_score=rating.self_score if rating else None,
                    moderated_score=rating.moderated_score if rating else None,
                    moderation_reason=rating.moderation_reason if rating else "",
                    previous_score=previous.get((agency_return.agency_id, standard.code)),
                    scale=scale,
                    submitted=agency_return.is_submitted,
                )
            )
        rows.append(row)
        summaries.append(_summary(standard, row, previous, scale))
    return Picture(cycle, returns, standards, rows, summaries, has_previous=bool(previous))


def _previous_scores(cycle: Cycle) -> dict[tuple[int, str], int]:
    """Last cycle's counted scores by (agency, standard code), when its scale was the same."""
    earlier = cycle.previous_cycle
    if earlier is None or earlier.scale != cycle.scale:
        return {}
    ratings = Rating.objects.filter(
        agency_return__cycle=earlier, agency_return__status=Return.Status.SUBMITTED
    ).values_list("agency_return__agency_id", "standard__code", "self_score", "moderated_score")
    scores = {}
    for agency_id, code, self_score, moderated in ratings:
        score = moderated if moderated is not None else self_score
        if score is not None:
            scores[(agency_id, code)] = score
    return scores


def _summary(standard, row: list[Cell], previous: dict, scale: Scale) -> StandardSummary:
    returned = [cell for cell in row if cell.score is not None]
    before = [
        score
        for (_, code), score in previous.items()
        if code == standard.code and score is not None
    ]
    return StandardSummary(
        code=standard.code,
        title=standard.title,
        met_now=sum(scale.is_met(cell.score) for cell in returned),
        returned_now=len(returned),
        met_before=sum(scale.is_met(score) for score in before) if previous else None,
        returned_before=len(before) if previous else None,
    )

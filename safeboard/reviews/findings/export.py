"""A review's lessons as one table for a spreadsheet: each finding, each recommendation made
from it, and each action on the spine that answers the recommendation (its action plan).

A finding with no recommendation is one row; a recommendation with no action yet is one row,
naming the agencies still to answer; otherwise one row per action."""

from __future__ import annotations

from dataclasses import dataclass

from safeboard.actions.models import Action
from safeboard.core.exports import Column

from ..models import Finding, Recommendation, Review
from . import selectors


@dataclass(frozen=True)
class LessonRow:
    finding: Finding | None
    recommendation: Recommendation | None
    action: Action | None
    awaiting: str = ""


def _finding_cell(row: LessonRow, read) -> str:
    return "" if row.finding is None else read(row.finding)


def _recommendation_cell(row: LessonRow, read) -> str:
    return "" if row.recommendation is None else read(row.recommendation)


def _action_cell(row: LessonRow, read):
    return "" if row.action is None else read(row.action)


COLUMNS = [
    Column("Finding", lambda r: _finding_cell(r, lambda f: f.position)),
    Column("Finding title", lambda r: _finding_cell(r, lambda f: f.title)),
    Column("What the review found", lambda r: _finding_cell(r, lambda f: f.text)),
    Column(
        "Themes", lambda r: _finding_cell(r, lambda f: "; ".join(t.name for t in f.themes.all()))
    ),
    Column("Recommendation", lambda r: _recommendation_cell(r, lambda rec: rec.number)),
    Column("Recommendation text", lambda r: _recommendation_cell(r, lambda rec: rec.text)),
    Column(
        "Agencies asked",
        lambda r: _recommendation_cell(
            r, lambda rec: "; ".join(a.name for a in rec.agencies.all())
        ),
    ),
    Column("Agencies yet to answer", lambda r: r.awaiting),
    Column("Action", lambda r: _action_cell(r, lambda a: a.title)),
    Column("Owning agency", lambda r: _action_cell(r, lambda a: a.owner_agency.name)),
    Column("Owner", lambda r: _action_cell(r, lambda a: a.owner_person.full_name)),
    Column("Due date", lambda r: _action_cell(r, lambda a: a.due_on)),
    Column("Status", lambda r: _action_cell(r, lambda a: a.display_status)),
    Column("Completed on", lambda r: _action_cell(r, lambda a: a.completed_on)),
]


def lesson_rows(review: Review) -> list[LessonRow]:
    """The review's findings, recommendations and actions, in a fixed number of queries."""
    findings = selectors.review_findings(review=review)
    recommendations = list(
        review.recommendations.select_related("finding")
        .prefetch_related("agencies", "finding__themes")
        .order_by("number")
    )
    plan = selectors.recommendation_rows(recommendations=recommendations)
    rows: list[LessonRow] = []
    by_finding: dict[int | None, list] = {}
    for item in plan:
        by_finding.setdefault(item.recommendation.finding_id, []).append(item)
    for finding in [*findings, None]:
        items = by_finding.get(finding.pk if finding else None, [])
        if finding is not None and not items:
            rows.append(LessonRow(finding, None, None))
        for item in items:
            awaiting = "; ".join(agency.name for agency in item.agencies_awaiting)
            if not item.actions:
                rows.append(LessonRow(finding, item.recommendation, None, awaiting))
            for action in item.actions:
                rows.append(LessonRow(finding, item.recommendation, action, awaiting))
    return rows

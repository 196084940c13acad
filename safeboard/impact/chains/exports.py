"""The chain as a spreadsheet (CSV or Excel, through core/exports.py): one line per claim of
impact, per action without a claim, or per link without an action, so that every step of the
chain is on a line of its own and can be filtered."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from safeboard.actions.models import Action
from safeboard.core.exports import Column
from safeboard.core.extension_points import ChainStep

from ..selectors import JudgedClaim
from .selectors import Chain, ChainRow, ShownAction


@dataclass(frozen=True)
class Line:
    row: ChainRow | None
    shown: ShownAction | None
    claim: JudgedClaim | None
    attached_to: str


def _step(step: ChainStep | None, part: str) -> str:
    if step is None:
        return ""
    return {"kind": step.kind, "label": step.label, "text": step.text, "where": step.where}[part]


def _action(line: Line, part: str):
    if line.shown is None:
        return ""
    action: Action = line.shown.action
    values = {
        "title": action.title,
        "agency": action.owner_agency.name,
        "due": action.due_on,
        "status": action.get_status_display(),
        "overdue": "Yes" if line.shown.overdue else "No",
    }
    return values[part]


def chain_lines(chain: Chain) -> Iterator[Line]:
    for judged in chain.subject_claims:
        yield Line(None, None, judged, chain.title)
    for row in chain.rows:
        written = False
        for judged in row.recommendation_claims:
            yield Line(row, None, judged, row.recommendation.label if row.recommendation else "")
            written = True
        for shown in row.actions:
            for judged in shown.claims:
                yield Line(row, shown, judged, shown.action.title)
            if not shown.claims:
                yield Line(row, shown, None, "")
            written = True
        if not written:
            yield Line(row, None, None, "")


COLUMNS = [
    Column("Finding from", lambda line: _step(line.row and line.row.finding, "kind")),
    Column("Finding", lambda line: _step(line.row and line.row.finding, "label")),
    Column("Found in", lambda line: _step(line.row and line.row.finding, "where")),
    Column("Recommendation", lambda line: _step(line.row and line.row.recommendation, "label")),
    Column("Made in", lambda line: _step(line.row and line.row.recommendation, "where")),
    Column("Recommendation text", lambda line: _step(line.row and line.row.recommendation, "text")),
    Column("Action", lambda line: _action(line, "title")),
    Column("Owner agency", lambda line: _action(line, "agency")),
    Column("Due", lambda line: _action(line, "due")),
    Column("Status", lambda line: _action(line, "status")),
    Column("Overdue", lambda line: _action(line, "overdue")),
    Column("Evidence of impact", lambda line: line.claim.claim.statement if line.claim else ""),
    Column(
        "Kind of evidence", lambda line: line.claim.claim.get_kind_display() if line.claim else ""
    ),
    Column("Claimed for", lambda line: line.attached_to),
    Column("Verdict", lambda line: line.claim.verdict.label if line.claim else ""),
]

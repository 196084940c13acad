"""The chain of learning of a theme or a priority: each finding tagged with it, what was asked
because of it, the actions taken, and the evidence of impact claimed for them, judged against
SafeBoard's data (PRODUCT.md, "The learning loop").

The findings come from every module registered as a `ChainSource`
(core/extension_points.py); a reader sees only the findings they may know of, and is told how
many are left out. A priority's chain is the chain of its themes plus the actions that deliver
the priority itself.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions.counting import ActionCounts, count_listed
from safeboard.actions.models import Action
from safeboard.core.extension_points import ChainLink, ChainStep, chain_sources
from safeboard.priorities.evidence import priority_actions
from safeboard.priorities.models import Priority
from safeboard.themes.models import Theme

from ..judging import Standing
from ..selectors import JudgedClaim, claims_for, subject_key

PRIORITY_KIND = "Priority"


@dataclass(frozen=True)
class ShownAction:
    action: Action
    overdue: bool
    claims: list[JudgedClaim]


@dataclass(frozen=True)
class ChainRow:
    """A link of the chain as the page, the chart and the exports show it."""

    finding: ChainStep | None
    recommendation: ChainStep | None
    recommendation_claims: list[JudgedClaim]
    actions: list[ShownAction]
    asks_for: str

    @property
    def claims(self) -> list[JudgedClaim]:
        return self.recommendation_claims + [c for shown in self.actions for c in shown.claims]


@dataclass(frozen=True)
class LeftOut:
    count: int
    reason: str

    @property
    def sentence(self) -> str:
        noun = "finding" if self.count == 1 else "findings"
        verb = "is" if self.count == 1 else "are"
        return f"{self.count} {noun} {self.reason} {verb} left out."


@dataclass(frozen=True)
class Stage:
    label: str
    count: int
    short: str  # the chart's label


@dataclass
class Chain:
    title: str
    rows: list[ChainRow]
    left_out: list[LeftOut]
    # Claims attached to the subject itself (a priority), not to one link.
    subject_claims: list[JudgedClaim] = field(default_factory=list)

    @property
    def stages(self) -> list[Stage]:
        return chain_stages(self.rows)

    @property
    def claims(self) -> list[JudgedClaim]:
        return self.subject_claims + [claim for row in self.rows for claim in row.claims]

    def claims_standing(self, standing: Standing) -> int:
        return sum(1 for claim in self.claims if claim.verdict.standing == standing)

    @property
    def action_count(self) -> int:
        return sum(len(row.actions) for row in self.rows)

    @property
    def overdue_count(self) -> int:
        return sum(1 for row in self.rows for shown in row.actions if shown.overdue)

    @property
    def action_counts(self) -> ActionCounts:
        return count_listed(shown.action for row in self.rows for shown in row.actions)


def _records(links: Iterable[ChainLink]) -> list[models.Model]:
    records: list[models.Model] = []
    for link in links:
        if link.recommendation is not None and link.recommendation.record is not None:
            records.append(link.recommendation.record)
        records.extend(link.actions)
    return records


def _claims_of(record: Any, claims: dict) -> list[JudgedClaim]:
    return claims.get(subject_key(record), []) if record is not None else []


def chain_rows(
    links: Sequence[ChainLink], *, today: datetime.date | None = None, extra: Sequence = ()
) -> tuple[list[ChainRow], dict]:
    """The links with each action's state and every claim judged: one query for the claims
    (and what judging them reads), whatever the number of links. `extra` records' claims
    (a priority's) are fetched in the same query and returned in the map."""
    today = today or timezone.localdate()
    claims = claims_for([*_records(links), *extra])
    rows = [
        ChainRow(
            finding=link.finding,
            recommendation=link.recommendation,
            recommendation_claims=_claims_of(
                link.recommendation.record if link.recommendation else None, claims
            ),
            actions=[
                ShownAction(action, action.is_overdue(today), _claims_of(action, claims))
                for action in link.actions
            ],
            asks_for=link.asks_for,
        )
        for link in links
    ]
    return rows, claims


def gather_links(
    *, themes: Iterable[Theme] | None, user: User | None
) -> tuple[list[ChainLink], list[LeftOut]]:
    """Every registered source's links for `themes` (every finding when None)."""
    links: list[ChainLink] = []
    left_out = []
    for source in chain_sources:
        part = source.links(themes=themes, user=user)
        links.extend(part.links)
        if part.hidden:
            left_out.append(LeftOut(part.hidden, part.hidden_reason))
    return links, left_out


def theme_chain(*, theme: Theme, user: User | None) -> Chain:
    links, left_out = gather_links(themes=[theme], user=user)
    rows, _ = chain_rows(links)
    return Chain(title=theme.name, rows=rows, left_out=left_out)


def priority_themes(priority: Priority) -> list[Theme]:
    """The themes a priority addresses."""
    return list(priority.themes.all())


def _priority_link(priority: Priority, actions: Sequence[Action]) -> ChainLink:
    step = ChainStep(
        kind=PRIORITY_KIND,
        label=str(priority),
        url=priority.get_absolute_url(),
        where=priority.plan.title,
        record=priority,
    )
    return ChainLink(step, None, tuple(actions))


def priority_chain(*, priority: Priority, user: User | None) -> Chain:
    """The chain of the priority's themes, then the actions set to deliver the priority
    itself (as one link whose start is the priority), and the claims made for it."""
    themes = priority_themes(priority)
    links, left_out = gather_links(themes=themes, user=user) if themes else ([], [])
    own_actions = list(priority_actions(priority))
    if own_actions:
        links.append(_priority_link(priority, own_actions))
    rows, claims = chain_rows(links, extra=[priority])
    return Chain(
        title=str(priority),
        rows=rows,
        left_out=left_out,
        subject_claims=claims.get(subject_key(priority), []),
    )


def _has_supported(row: ChainRow) -> bool:
    return any(claim.verdict.standing == Standing.SUPPORTED for claim in row.claims)


def chain_stages(rows: Sequence[ChainRow]) -> list[Stage]:
    """How far each finding that calls for change got along the chain: asked for (a
    recommendation, or an action where the finding leads straight to actions), acted on,
    every action complete, and impact supported by the data. A finding counts once, however
    many recommendations it led to; a strength, which asks for nothing, is not counted."""
    by_finding: dict[tuple[str, str], list[ChainRow]] = {}
    for row in rows:
        if row.finding is not None and row.asks_for:
            by_finding.setdefault((row.finding.kind, row.finding.url), []).append(row)
    asked = acted = complete = supported = 0
    for finding_rows in by_finding.values():
        actions = [shown.action for row in finding_rows for shown in row.actions]
        if any(row.recommendation is not None for row in finding_rows) or actions:
            asked += 1
        if actions:
            acted += 1
            if all(action.status == Action.Status.COMPLETE for action in actions):
                complete += 1
        if any(_has_supported(row) for row in finding_rows):
            supported += 1
    return [
        Stage("Findings calling for change", len(by_finding), "Findings"),
        Stage("Led to a recommendation or action", asked, "Asked for change"),
        Stage("With an action", acted, "Acted on"),
        Stage("Every action complete", complete, "Actions complete"),
        Stage("Impact supported by the data", supported, "Impact supported"),
    ]

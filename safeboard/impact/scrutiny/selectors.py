"""The chair's scrutiny list: where the chain of learning breaks, across every theme.

Four gaps, each a named rule: a finding that asked for nothing (a case review finding without
a recommendation, an audit's area for improvement without an action), a recommendation
without an action, an action complete with no evidence of impact claimed for it or for the
recommendation it answers, and a claim the data does not support. A reader sees only what
they may know of; findings they may not are counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.challenges.models import Challenge
from safeboard.core.extension_points import RECOMMENDATION, ChainLink, ChainStep
from safeboard.priorities.models import Priority

from ..chains.selectors import ChainRow, LeftOut, ShownAction, chain_rows, gather_links
from ..judging import Standing
from ..models import Claim
from ..selectors import JudgedClaim, subject_key


@dataclass(frozen=True)
class UnsupportedClaim:
    judged: JudgedClaim
    about: str
    url: str


@dataclass
class Scrutiny:
    findings_without_ask: list[ChainRow] = field(default_factory=list)
    recommendations_without_actions: list[ChainRow] = field(default_factory=list)
    complete_without_evidence: list[tuple[ChainRow, ShownAction]] = field(default_factory=list)
    claims_not_supported: list[UnsupportedClaim] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    @property
    def total(self) -> int:
        return (
            len(self.findings_without_ask)
            + len(self.recommendations_without_actions)
            + len(self.complete_without_evidence)
            + len(self.claims_not_supported)
        )


def finding_without_ask(row: ChainRow) -> bool:
    """A finding that calls for change led to nothing: no recommendation where one is made
    (a case review), no action where a finding leads straight to actions (an audit)."""
    if row.finding is None:
        return False
    if row.asks_for == RECOMMENDATION:
        return row.recommendation is None
    return bool(row.asks_for) and not row.actions


def recommendation_without_actions(row: ChainRow) -> bool:
    return row.recommendation is not None and not row.actions


def complete_without_evidence(row: ChainRow, shown: ShownAction) -> bool:
    """Done, but nothing says what changed: no claim for the action nor its recommendation."""
    return (
        shown.action.status == Action.Status.COMPLETE
        and not shown.claims
        and not row.recommendation_claims
    )


def _claimed(model: type[Priority] | type[Challenge]) -> list[Priority | Challenge]:
    """The records of `model` that carry a claim (a priority, a challenge)."""
    with_claims = Claim.objects.filter(
        subject_type=ContentType.objects.get_for_model(model)
    ).values("subject_id")
    return list(model.objects.filter(pk__in=with_claims))


def _priority_links() -> list[ChainLink]:
    """The actions set to deliver each priority, as links that start at the priority."""
    links = []
    priority_type = ContentType.objects.get_for_model(Priority)
    actions_by_priority: dict[int, list[Action]] = {}
    for action in (
        Action.objects.select_related("owner_agency", "owner_person")
        .filter(source_type=priority_type)
        .order_by("due_on", "pk")
    ):
        if action.source_id is not None:
            actions_by_priority.setdefault(action.source_id, []).append(action)
    priorities = {p.pk: p for p in Priority.objects.filter(pk__in=actions_by_priority)}
    for pk, actions in actions_by_priority.items():
        priority = priorities[pk]
        step = ChainStep("Priority", str(priority), priority.get_absolute_url(), record=priority)
        links.append(ChainLink(step, None, tuple(actions)))
    return links


def scrutiny_list(*, user: User | None) -> Scrutiny:
    """Every gap in the chains `user` may see, over every theme, in a fixed number of queries."""
    links, left_out = gather_links(themes=None, user=user)
    links += _priority_links()
    subjects = _claimed(Priority) + _claimed(Challenge)
    rows, claims = chain_rows(links, extra=subjects)
    scrutiny = Scrutiny(left_out=left_out)
    for row in rows:
        if finding_without_ask(row):
            scrutiny.findings_without_ask.append(row)
        if recommendation_without_actions(row):
            scrutiny.recommendations_without_actions.append(row)
        for shown in row.actions:
            if complete_without_evidence(row, shown):
                scrutiny.complete_without_evidence.append((row, shown))
        if row.recommendation is not None:
            _collect_unsupported(scrutiny, row.recommendation_claims, row.recommendation)
        for shown in row.actions:
            _collect_unsupported(
                scrutiny,
                shown.claims,
                ChainStep("Action", shown.action.title, shown.action.get_absolute_url()),
            )
    for subject in subjects:
        step = ChainStep("", str(subject), subject.get_absolute_url())
        _collect_unsupported(scrutiny, claims.get(subject_key(subject), []), step)
    return scrutiny


def _collect_unsupported(scrutiny: Scrutiny, judged: list[JudgedClaim], step: ChainStep) -> None:
    for claim in judged:
        if claim.verdict.standing == Standing.NOT_SUPPORTED:
            scrutiny.claims_not_supported.append(UnsupportedClaim(claim, step.label, step.url))

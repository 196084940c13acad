"""Audit findings as the start of a chain of learning (core/extension_points.py,
`ChainSource`): an audit asks no recommendation, so each finding leads straight to the actions
raised from it. A reader sees the findings of the rounds whose report they may read; the
others are counted, never shown."""

from __future__ import annotations

from collections.abc import Iterable

from safeboard.accounts.models import User
from safeboard.core.extension_points import ACTION, ChainLink, ChainLinks, ChainStep
from safeboard.themes.models import Theme

from .models import Finding
from .selectors import _actions_from, visible_rounds

FINDING_KIND = "Audit finding"
HIDDEN_REASON = "from an audit whose report you cannot read yet"


def _step(finding: Finding) -> ChainStep:
    return ChainStep(
        kind=FINDING_KIND
        if finding.kind == Finding.Kind.AREA_FOR_IMPROVEMENT
        else f"{FINDING_KIND} (strength)",
        label=finding.title,
        url=finding.get_absolute_url(),
        text=finding.text,
        where=f"{finding.round.reference} {finding.round.title}",
        record=finding,
    )


def audit_chain_links(*, themes: Iterable[Theme] | None, user: User | None) -> ChainLinks:
    """One link per finding tagged with `themes` (every finding when None), newest round
    first, with the actions raised from it. An area for improvement asks for an action; a
    strength asks for nothing. Three queries."""
    findings = Finding.objects.all()
    if themes is not None:
        # Each finding once, however many of the themes it carries.
        tagged = Finding.objects.filter(themes__in=list(themes)).values("pk")
        findings = findings.filter(pk__in=tagged)
    hidden = 0
    if user is not None:
        readable = visible_rounds(user=user).values("pk")
        hidden = findings.exclude(round__in=readable).count()
        findings = findings.filter(round__in=readable)
    found = list(findings.select_related("round").order_by("-round__created_at", "round_id", "id"))
    by_finding: dict[int, list] = {}
    for action in _actions_from(Finding, [finding.pk for finding in found]).order_by(
        "due_on", "pk"
    ):
        if action.source_id is not None:  # always, as the actions are the findings'
            by_finding.setdefault(action.source_id, []).append(action)
    return ChainLinks(
        links=[
            ChainLink(
                _step(finding),
                None,
                tuple(by_finding.get(finding.pk, [])),
                ACTION if finding.kind == Finding.Kind.AREA_FOR_IMPROVEMENT else "",
            )
            for finding in found
        ],
        hidden=hidden,
        hidden_reason=HIDDEN_REASON,
    )

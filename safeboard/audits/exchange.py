"""What case audits may share with other boards (core/extension_points.shareable_sources):
their findings, a strength as what went well and an area for improvement as what did not,
with the round's year and themes (never the evidence, which speaks of the sampled cases)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from safeboard.core.extension_points import SearchHit, ShareableSource

from .models import Finding
from .selectors import visible_rounds

AUDIT = "audit"
SEARCH_LIMIT = 50


def findings() -> QuerySet[Finding]:
    return Finding.objects.select_related("round").prefetch_related("themes")


def finding_item(finding: Finding) -> dict:
    strength = finding.kind == Finding.Kind.STRENGTH
    audit_round = finding.round
    year = (audit_round.closed_on or audit_round.answers_due_on).year
    return {
        "type": "finding",
        "source_kind": AUDIT,
        "year": year,
        "title": finding.title,
        "summary": finding.text,
        "went_well": finding.text if strength else "",
        "did_not_go_well": "" if strength else finding.text,
        "themes": [{"slug": theme.slug, "name": theme.name} for theme in finding.themes.all()],
    }


def search_findings(text: str, user) -> list[SearchHit]:
    if not text.strip():
        return []
    found = (
        findings()
        .filter(Q(title__icontains=text) | Q(text__icontains=text))
        .filter(round__in=visible_rounds(user=user))
    )
    return [
        SearchHit(
            kind="Case audit finding",
            title=finding.title,
            url=finding.get_absolute_url(),
            text=finding.text,
            where=finding.round.reference,
            themes=tuple(theme.name for theme in finding.themes.all()),
        )
        for finding in found[:SEARCH_LIMIT]
    ]


FINDINGS = ShareableSource(
    key="audits.finding",
    label="Case audit finding",
    kind="finding",
    records=findings,
    to_item=finding_item,
    search=search_findings,
    order=30,
)

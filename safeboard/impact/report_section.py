"""The yearly report's section on evidence of impact: the claims recorded in the period (and
not withdrawn), each judged against SafeBoard's data by the same rules as everywhere else
(verdicts.py, judging.py), grouped by where they stand. Supported claims come first, then
those the data does not support, then what cannot yet be judged or is self-reported; stories
come last, marked as stories: they are not evidence."""

from __future__ import annotations

import datetime
from typing import Any

from safeboard.core.extension_points import ReportSection

from .judging import Standing
from .models import Claim
from .verdicts import judge_all

# (standing, group heading, counted as evidence), in the order the report shows them.
GROUPS = (
    (Standing.SUPPORTED, "Supported by the data", True),
    (Standing.SIGNIFICANT_CHANGE, "A significant change, with no better direction", True),
    (Standing.NOT_SUPPORTED, "Not supported by the data", True),
    (Standing.SELF_REPORTED, "Self-reported by those trained, not measured", False),
    (Standing.NOT_ENOUGH_DATA, "Not enough data to judge yet", False),
    (Standing.STORY, "Stories: what children, families and staff told us (not evidence)", False),
)


def _claims(start: datetime.date, end: datetime.date) -> list[Claim]:
    # A withdrawn claim is left out, as on every other page (selectors.claims_for).
    return list(
        Claim.objects.filter(
            withdrawn_on__isnull=True, recorded_on__gte=start, recorded_on__lte=end
        ).order_by("recorded_on", "pk")
    )


def impact_figures(*, start: datetime.date, end: datetime.date) -> dict:
    claims = _claims(start, end)
    by_standing: dict[str, list[dict]] = {standing: [] for standing, _, _ in GROUPS}
    for claim, verdict in zip(claims, judge_all(claims), strict=True):
        by_standing[verdict.standing].append(
            {
                "kind": claim.get_kind_display(),
                "statement": claim.statement,
                "verdict": verdict.label,
                "details": list(verdict.details),
                "recorded_on": claim.recorded_on.isoformat(),
                "story": claim.kind == Claim.Kind.STORY,
                "told_by": claim.told_by if claim.kind == Claim.Kind.STORY else "",
            }
        )
    groups: list[dict[str, Any]] = [
        {
            "standing": str(standing),
            "heading": heading,
            "evidence": evidence,
            "claims": by_standing[standing],
        }
        for standing, heading, evidence in GROUPS
    ]
    counts = {group["standing"]: len(group["claims"]) for group in groups}
    return {
        "groups": groups,
        "counts": counts,
        "total": len(claims),
        "chart": [[group["heading"], len(group["claims"])] for group in groups],
    }


def impact_summary(figures: dict) -> str:
    counts = figures["counts"]
    if not any(counts.values()):
        return "The partnership recorded no claim that its work made a difference in the period."
    checked = sum(
        counts[str(standing)]
        for standing in (Standing.SUPPORTED, Standing.NOT_SUPPORTED, Standing.SIGNIFICANT_CHANGE)
    )
    sentence = (
        f"Of {checked} claims that the partnership's work made a difference and that were "
        f"checked against its figures, the figures support {counts[str(Standing.SUPPORTED)]}."
    )
    stories = counts[str(Standing.STORY)]
    if stories:
        sentence += (
            f" {stories} stories told by children, families or staff are shown as stories, "
            "not as proof."
        )
    return sentence


IMPACT = ReportSection(
    key="impact",
    heading="Evidence of impact",
    template_name="impact/report/impact.html",
    figures=impact_figures,
    plain_summary=impact_summary,
    acronyms=(
        ("SPC", "Statistical process control: telling a real change from the usual ups and downs"),
    ),
    order=150,
)

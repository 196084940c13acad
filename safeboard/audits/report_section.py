"""The yearly report's section on the multi-agency case audits closed in the period: the
grades agreed at moderation, and the findings with the actions they led to."""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.db.models import Count

from safeboard.core.extension_points import ReportSection

from .models import AuditRound, Finding, Grade, Moderation
from .selectors import findings_with_actions


def audit_figures(*, start: datetime.date, end: datetime.date) -> dict:
    rounds = list(
        AuditRound.objects.filter(
            status=AuditRound.Status.CLOSED, closed_on__gte=start, closed_on__lte=end
        )
        .select_related("theme")
        .annotate(case_count=Count("cases", distinct=True))
        .order_by("closed_on", "reference")
    )
    grades = Counter(
        Moderation.objects.filter(case__round__in=rounds).values_list("agreed_grade", flat=True)
    )
    rows: list[dict[str, Any]] = []
    for audit_round in rounds:
        findings = findings_with_actions(audit_round=audit_round)
        rows.append(
            {
                "reference": audit_round.reference,
                "title": audit_round.title,
                "theme": audit_round.theme.name,
                "closed_on": audit_round.closed_on.isoformat() if audit_round.closed_on else None,
                "cases": audit_round.case_count,
                "findings": [
                    {
                        "kind": finding.get_kind_display(),
                        "title": finding.title,
                        "actions": len(finding.action_list),
                        "actions_done": sum(
                            1 for a in finding.action_list if a.status == "complete"
                        ),
                    }
                    for finding in findings
                ],
            }
        )
    every_finding = [f for row in rows for f in row["findings"]]
    improvement = Finding.Kind.AREA_FOR_IMPROVEMENT.label
    return {
        "rounds": rows,
        "cases": sum(row["cases"] for row in rows),
        "grades": [[grade.label, grades.get(grade.value, 0)] for grade in Grade],
        "strengths": sum(1 for f in every_finding if f["kind"] != improvement),
        "improvements": sum(1 for f in every_finding if f["kind"] == improvement),
    }


def audit_summary(figures: dict) -> str:
    if not figures["rounds"]:
        return "No multi-agency case audit was completed in the period."
    return (
        f"The partners audited {figures['cases']} children's cases together in "
        f"{len(figures['rounds'])} audits, finding {figures['strengths']} strengths and "
        f"{figures['improvements']} areas to improve."
    )


AUDITS = ReportSection(
    key="audits",
    heading="Case audits and their findings",
    template_name="audits/report/audits.html",
    figures=audit_figures,
    plain_summary=audit_summary,
    acronyms=(("MACA", "Multi-agency case audit"),),
    order=300,
)

"""The yearly report's section on the business plan's priorities and their progress.

A priority's progress in the report is the one its last review in the period judged (its
present judgement when it had no review then), with that review's account of why: those
making little or no progress are listed with their reasons, not left out."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Prefetch

from safeboard.core.extension_points import ReportSection

from .models import Priority, PriorityReview

Progress = Priority.Progress
LITTLE_OR_NO_PROGRESS = (Progress.SOME_CONCERNS, Progress.OFF_TRACK, Progress.NOT_ASSESSED)


def priority_figures(*, start: datetime.date, end: datetime.date) -> dict:
    reviews_in_period = PriorityReview.objects.filter(
        reviewed_on__gte=start, reviewed_on__lte=end
    ).order_by("-reviewed_on", "-pk")
    priorities = (
        Priority.objects.filter(plan__starts_on__lte=end, plan__ends_on__gte=start)
        .select_related("plan", "lead_agency")
        .prefetch_related(Prefetch("reviews", queryset=reviews_in_period, to_attr="in_period"))
    )
    rows: list[dict[str, Any]] = []
    for priority in priorities.order_by("plan__starts_on", "number", "pk"):
        latest = priority.in_period[0] if priority.in_period else None
        progress = latest.progress if latest else priority.progress
        rows.append(
            {
                "number": priority.number,
                "title": priority.title,
                "plan": priority.plan.title,
                "lead_agency": priority.lead_agency.name,
                "status": priority.get_status_display(),
                "progress": progress,
                "progress_label": Progress(progress).label,
                "reviews": len(priority.in_period),
                "why": latest.summary if latest else "",
                "last_reviewed": latest.reviewed_on.isoformat() if latest else None,
            }
        )
    counts = {choice.value: 0 for choice in Progress}
    for row in rows:
        counts[row["progress"]] += 1
    return {
        "rows": rows,
        "by_progress": [[Progress(value).label, count] for value, count in counts.items()],
        "little_or_no_progress": [r for r in rows if r["progress"] in LITTLE_OR_NO_PROGRESS],
    }


def priority_summary(figures: dict) -> str:
    total = len(figures["rows"])
    if not total:
        return "The partnership had no business plan priorities for the period."
    behind = len(figures["little_or_no_progress"])
    return (
        f"The partnership worked on {total} priorities. {total - behind} were on track; "
        f"{behind} made little or no progress, and the report says why."
    )


PRIORITIES = ReportSection(
    key="priorities",
    heading="Priorities and progress",
    template_name="priorities/report/priorities.html",
    figures=priority_figures,
    plain_summary=priority_summary,
    acronyms=(("RAG", "Red, amber, green: how progress is rated"),),
    order=100,
)

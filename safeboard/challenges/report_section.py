"""The yearly report's section on the board's challenges to agencies and their outcomes."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q

from safeboard.core.extension_points import ReportSection
from safeboard.core.shortened import shortened

from .models import Challenge


def challenge_figures(*, start: datetime.date, end: datetime.date) -> dict:
    raised = Q(raised_on__gte=start, raised_on__lte=end)
    closed = Q(closed_on__gte=start, closed_on__lte=end)
    open_at_end = Q(raised_on__lte=end) & (Q(closed_on__isnull=True) | Q(closed_on__gt=end))
    by_agency = list(
        Challenge.objects.filter(raised | closed | open_at_end)
        .order_by()
        .values("agency__name")
        .annotate(
            raised=Count("pk", filter=raised),
            closed=Count("pk", filter=closed),
            open=Count("pk", filter=open_at_end),
        )
        .order_by("agency__name")
    )
    outcomes = [
        {
            "reference": c.reference,
            "agency": c.agency.name,
            "title": c.title,
            "raised_on": c.raised_on.isoformat(),
            "closed_on": c.closed_on.isoformat() if c.closed_on else None,
            "outcome": c.outcome,
        }
        for c in Challenge.objects.filter(closed)
        .select_related("agency")
        .order_by("closed_on", "reference")
    ]
    return {
        "by_agency": [
            {"agency": row["agency__name"], **{k: row[k] for k in ("raised", "closed", "open")}}
            for row in by_agency
        ],
        "chart": [[row["agency__name"], row["raised"], row["closed"]] for row in by_agency],
        "raised": sum(row["raised"] for row in by_agency),
        "closed": sum(row["closed"] for row in by_agency),
        "open_at_end": sum(row["open"] for row in by_agency),
        "outcomes": outcomes,
    }


def challenge_summary(figures: dict) -> str:
    if not (figures["raised"] or figures["closed"]):
        return "The board raised no formal challenge to an agency in the period."
    return (
        f"The board formally challenged agencies {figures['raised']} times and closed "
        f"{figures['closed']} challenges with a recorded outcome; {figures['open_at_end']} "
        "were still open at the end of the period."
    )


def challenge_printed(figures: dict) -> dict:
    """The agencies challenged most in the period, in the table's order, and one row for all
    the others; the outcomes stay whole, as they are what the section is about."""
    table = shortened(
        figures["by_agency"],
        sums=("raised", "closed", "open"),
        rank=lambda row: (-row["raised"], -row["closed"], -row["open"]),
    )
    if table.others is None:
        return figures
    others = {"agency": f"All {table.left_out} other agencies", **table.others}
    return {
        **figures,
        "by_agency": table.rows,
        "others": others,
        "agencies": table.total_rows,
        "chart": [[row["agency"], row["raised"], row["closed"]] for row in [*table.rows, others]],
    }


CHALLENGES = ReportSection(
    key="challenges",
    heading="Challenges and their outcomes",
    template_name="challenges/report/challenges.html",
    figures=challenge_figures,
    plain_summary=challenge_summary,
    order=700,
    printed=challenge_printed,
)

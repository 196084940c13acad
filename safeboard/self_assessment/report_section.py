"""The yearly report's section on the board's self-assessment: the latest result completed by
the period's end, and the change since the one before, per area."""

from __future__ import annotations

import datetime

from safeboard.core.extension_points import ReportSection

from . import selectors


def self_assessment_figures(*, start: datetime.date, end: datetime.date) -> dict:
    """Plain values only: a published report keeps them as they were."""
    latest = selectors.latest_completed(on_or_before=end)
    if latest is None:
        return {"assessment": None, "areas": []}
    result = selectors.results(assessment=latest)
    return {
        "assessment": latest.title,
        "completed_on": latest.completed_on.isoformat() if latest.completed_on else None,
        "in_period": bool(latest.completed_on and latest.completed_on >= start),
        "previous": result.previous.title if result.previous else None,
        "previous_completed_on": (
            result.previous.completed_on.isoformat()
            if result.previous and result.previous.completed_on
            else None
        ),
        "overall": result.overall,
        "previous_overall": result.previous_overall,
        "overall_change": result.overall_change,
        "areas": [
            {
                "area": area.area,
                "average": area.average,
                "previous": area.previous,
                "change": area.change,
                "ratings": area.ratings,
            }
            for area in result.areas
        ],
    }


def _change_words(change: float | None) -> str:
    if change is None:
        return ""
    if change > 0:
        return f", up {change:.2f} since the last one"
    if change < 0:
        return f", down {-change:.2f} since the last one"
    return ", the same as the last one"


def self_assessment_summary(figures: dict) -> str:
    if not figures.get("assessment") or figures.get("overall") is None:
        return "The board has not completed a self-assessment of its own work yet."
    return (
        f"The board rated its own work {figures['overall']:.2f} out of 4 on average"
        f"{_change_words(figures.get('overall_change'))}."
    )


SELF_ASSESSMENT_SECTION = ReportSection(
    key="self-assessment",
    heading="How the board judges its own work",
    template_name="self_assessment/report_section.html",
    figures=self_assessment_figures,
    plain_summary=self_assessment_summary,
    order=900,
)

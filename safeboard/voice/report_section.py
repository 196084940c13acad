"""The yearly report's section on how children's and families' voices were used: computed
for the period from the record of participation, never typed."""

from __future__ import annotations

import datetime

from safeboard.core.extension_points import ReportSection

from . import selectors


def figures(*, start: datetime.date, end: datetime.date) -> dict:
    return selectors.period_figures(start=start, end=end)


def plain_summary(figures: dict) -> str:
    if not figures["activities"]:
        return "No activity with children or young people was recorded in this period."
    return (
        f"{figures['taking_part']} children and young people took part in "
        f"{figures['activities']} activities and told us {figures['views_heard']} things. "
        f"We responded to {figures['responded']} of them, and published "
        f"{figures['published']} as \u201cyou said, we did\u201d."
    )


SECTION = ReportSection(
    key="voice",
    heading="How children's and families' voices were used",
    template_name="voice/report_section.html",
    figures=figures,
    plain_summary=plain_summary,
    order=60,
)

"""The yearly report's section on the scorecard's headline indicators and their SPC verdicts.

The headline indicators are those the business plan's priorities are measured by; a
scorecard with none linked shows every active indicator. Each indicator's XmR chart is read
over its figures up to the end of the period, and the report gives the verdict on its last
figure in the period, as the scorecard would have shown it then."""

from __future__ import annotations

import datetime
from collections import Counter

from safeboard.core.extension_points import ReportSection

from .models import Indicator
from .selectors import series_for_indicators
from .spc.selectors import ASSESSMENT_WORDS, STATE_TAGS, SpcState, indicator_spc


def headline_indicators(*, start: datetime.date, end: datetime.date) -> list[Indicator]:
    active = Indicator.objects.filter(is_active=True).order_by("code")
    linked = active.filter(
        priorities__plan__starts_on__lte=end, priorities__plan__ends_on__gte=start
    ).distinct()
    return list(linked) or list(active)


def indicator_figures(*, start: datetime.date, end: datetime.date) -> dict:
    indicators = headline_indicators(start=start, end=end)
    series = series_for_indicators(indicator_ids=[i.pk for i in indicators], until=end)
    rows = []
    for indicator in indicators:
        points = series.get(indicator.pk, [])
        if not points or points[-1].period.starts_on < start:
            continue  # no figure in the period
        chart = indicator_spc(indicator=indicator, series=points)
        state = chart.state
        assessment = chart.target_assessment
        rows.append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "latest_period": points[-1].period.label,
                "latest": indicator.display(points[-1].value),
                "target": indicator.display_target if indicator.target is not None else "",
                "points": len(points),
                "verdict": STATE_TAGS[state][0] if state else "Too few figures to chart",
                "state": state.value if state else "",
                "signals": chart.latest.signal_words if chart.has_chart and chart.latest else "",
                "target_assessment": ASSESSMENT_WORDS[assessment] if assessment else "",
            }
        )
    verdicts = Counter(row["verdict"] for row in rows)
    return {
        "rows": rows,
        "by_verdict": [[verdict, count] for verdict, count in sorted(verdicts.items())],
        "improving": sum(1 for row in rows if row["state"] == SpcState.IMPROVEMENT),
        "concern": sum(1 for row in rows if row["state"] == SpcState.CONCERN),
    }


def indicator_summary(figures: dict) -> str:
    if not figures["rows"]:
        return "No headline indicator had a figure in the period."
    return (
        f"Of {len(figures['rows'])} headline measures, {figures['improving']} showed a real "
        f"improvement and {figures['concern']} a real cause for concern; the rest varied "
        "no more than usual."
    )


SCORECARD = ReportSection(
    key="scorecard",
    heading="Headline indicators",
    template_name="scorecard/report/indicators.html",
    figures=indicator_figures,
    plain_summary=indicator_summary,
    acronyms=(
        ("SPC", "Statistical process control: telling real change from ordinary variation"),
        ("XmR", "An SPC chart of individual values and their moving ranges"),
    ),
    order=400,
)

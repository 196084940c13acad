"""The yearly report's section on Section 11 compliance: for each cycle of returns closed in
the period, how many agencies met each standard (moderated score where the panel agreed one,
else the agency's own), and the change since the previous cycle."""

from __future__ import annotations

import datetime
from collections import defaultdict

from safeboard.core.extension_points import ReportSection

from .models import Cycle, Rating, Return


def _met_by_standard(cycle: Cycle) -> dict[str, tuple[str, int, int]]:
    """{standard code: (title, agencies meeting it, agencies rated)} over submitted returns."""
    scale = cycle.scale
    ratings = Rating.objects.filter(
        agency_return__cycle=cycle, agency_return__status=Return.Status.SUBMITTED
    ).select_related("standard")
    counts: dict[str, list] = defaultdict(lambda: ["", 0, 0, 0])
    for rating in ratings:
        entry = counts[rating.standard.code]
        entry[0] = rating.standard.title
        entry[3] = rating.standard.position
        if rating.agreed_score is not None:
            entry[2] += 1
            entry[1] += int(scale.is_met(rating.agreed_score))
    ordered = sorted(counts.items(), key=lambda item: (item[1][3], item[0]))
    return {code: (title, met, rated) for code, (title, met, rated, _) in ordered}


def _share(met: int, rated: int) -> float | None:
    return round(100 * met / rated, 1) if rated else None


def section11_figures(*, start: datetime.date, end: datetime.date) -> dict:
    cycles = []
    for cycle in (
        Cycle.objects.filter(status=Cycle.Status.CLOSED, closed_on__gte=start, closed_on__lte=end)
        .select_related("previous_cycle")
        .order_by("closed_on", "pk")
    ):
        now = _met_by_standard(cycle)
        before = _met_by_standard(cycle.previous_cycle) if cycle.previous_cycle else {}
        returns = cycle.returns.all()
        standards = []
        for code, (title, met, rated) in now.items():
            earlier = before.get(code)
            standards.append(
                {
                    "code": code,
                    "title": title,
                    "met": met,
                    "rated": rated,
                    "share": _share(met, rated),
                    "previous_share": _share(earlier[1], earlier[2]) if earlier else None,
                }
            )
        cycles.append(
            {
                "title": cycle.title,
                "kind": cycle.get_kind_display(),
                "closed_on": cycle.closed_on.isoformat() if cycle.closed_on else None,
                "previous": cycle.previous_cycle.title if cycle.previous_cycle else "",
                "returns_expected": returns.count(),
                "returns_submitted": returns.filter(status=Return.Status.SUBMITTED).count(),
                "standards": standards,
                "chart": [[s["code"], s["share"], s["previous_share"]] for s in standards],
            }
        )
    return {"cycles": cycles}


def section11_summary(figures: dict) -> str:
    if not figures["cycles"]:
        return "No round of Section 11 self-assessments by agencies was completed in the period."
    cycle = figures["cycles"][-1]
    return (
        f"{cycle['returns_submitted']} of {cycle['returns_expected']} agencies assessed how "
        "well they meet their legal duties to keep children safe (Section 11 of the Children "
        "Act 2004)."
    )


SECTION_11 = ReportSection(
    key="section11",
    heading="Section 11 compliance",
    template_name="section11/report/section11.html",
    figures=section11_figures,
    plain_summary=section11_summary,
    order=350,
)

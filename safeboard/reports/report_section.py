"""The yearly report's section on partners' financial contributions, per agency per year."""

from __future__ import annotations

import datetime
from decimal import Decimal

from safeboard.core.extension_points import ReportSection
from safeboard.core.shortened import shortened

from . import periods, selectors


def contribution_figures(*, start: datetime.date, end: datetime.date) -> dict:
    years = periods.financial_years(start, end)
    rows = []
    totals: dict[int, Decimal] = {}
    for c in selectors.contributions_between(first_year=years[0], last_year=years[-1]):
        rows.append(
            {
                "agency": c.agency.name,
                "year": f"{c.financial_year} to {c.financial_year + 1}",
                "amount": str(c.amount),
                "in_kind": c.in_kind,
            }
        )
        totals[c.financial_year] = totals.get(c.financial_year, Decimal(0)) + c.amount
    rows.sort(key=lambda row: (row["year"], -Decimal(row["amount"]), row["agency"]))
    total = sum(totals.values(), Decimal(0))
    return {
        "rows": rows,
        "total": str(total),
        "chart": [[row["agency"], float(row["amount"])] for row in rows],
        "agencies": len({row["agency"] for row in rows}),
    }


def contribution_summary(figures: dict) -> str:
    if not figures["rows"]:
        return "No partner's financial contribution is recorded for the period."
    return (
        f"{figures['agencies']} partner agencies paid £{Decimal(figures['total']):,.0f} "
        "towards the partnership's work."
    )


def contribution_printed(figures: dict) -> dict:
    """The largest contributions, in the table's order, and one row for all the others."""
    table = shortened(
        [{**row, "value": Decimal(row["amount"])} for row in figures["rows"]],
        sums=("value",),
        rank=lambda row: -row["value"],
    )
    if table.others is None:
        return figures
    others = {
        "agency": f"The other {table.left_out} contributions",
        "amount": str(table.others["value"]),
    }
    return {
        **figures,
        "rows": table.rows,
        "others": others,
        "contributions": table.total_rows,
        "chart": [[row["agency"], float(row["amount"])] for row in [*table.rows, others]],
    }


CONTRIBUTIONS = ReportSection(
    key="contributions",
    heading="Partners' financial contributions",
    template_name="reports/sections/contributions.html",
    figures=contribution_figures,
    plain_summary=contribution_summary,
    order=900,
    printed=contribution_printed,
)

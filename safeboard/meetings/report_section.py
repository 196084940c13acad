"""The yearly report's section on attendance at the partnership's meetings, by agency."""

from __future__ import annotations

import datetime

from safeboard.core.extension_points import ReportSection
from safeboard.core.shortened import shortened

from . import selectors


def attendance_figures(*, start: datetime.date, end: datetime.date) -> dict:
    period = selectors.AttendancePeriod(from_date=start, to_date=end)
    rows = [
        {
            "agency": row["agency__name"],
            "expected": row["expected"],
            "present": row["present"],
            "deputised": row["deputised"],
            "apologies": row["apologies"],
            "absent": row["absent"],
            "rate": None if row["rate"] is None else float(row["rate"]),
        }
        for row in selectors.attendance_by_agency(period=period)
    ]
    totals = selectors.attendance_totals(period=period)
    return {
        "rows": rows,
        "chart": [[row["agency"], row["rate"]] for row in rows],
        "expected": totals["expected"],
        "rate": None if totals["rate"] is None else float(totals["rate"]),
    }


def attendance_summary(figures: dict) -> str:
    if not figures["expected"]:
        return "No attendance at the partnership's meetings was recorded in the period."
    return (
        f"Partner agencies were at {figures['rate']:g}% of the meeting places expected of "
        "them (a deputy counts as attending)."
    )


def attendance_printed(figures: dict) -> dict:
    """The agencies with the lowest attendance (the table's first rows: those to ask about)
    and one row for all the others, their rate worked out from their added-up places."""
    table = shortened(
        figures["rows"], sums=("expected", "present", "deputised", "apologies", "absent")
    )
    if table.others is None:
        return figures
    counts = table.others
    attended = counts["present"] + counts["deputised"]
    others = {
        "agency": f"All {table.left_out} other agencies",
        **counts,
        "rate": round(100 * attended / counts["expected"], 1) if counts["expected"] else None,
    }
    return {
        **figures,
        "rows": table.rows,
        "others": others,
        "agencies": table.total_rows,
        "chart": [[row["agency"], row["rate"]] for row in [*table.rows, others]],
    }


ATTENDANCE = ReportSection(
    key="attendance",
    heading="Attendance by agency",
    template_name="meetings/report/attendance.html",
    figures=attendance_figures,
    plain_summary=attendance_summary,
    order=800,
    printed=attendance_printed,
)

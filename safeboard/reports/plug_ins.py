"""What the yearly report adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from .report_section import CONTRIBUTIONS


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "reports",
            "Yearly report",
            "reports:list",
            "reports.list_reports",
            "/yearly-report/",
            order=150,
        )
    )
    points.report_sections.register(CONTRIBUTIONS)
    points.public_pages.register(
        points.PublicPage(
            "yearly-reports",
            "Yearly reports",
            "reports:public_list",
            "The partnership's published yearly reports, to read online or download as PDF.",
            order=10,
        )
    )
    points.history_access.register(
        points.HistoryAccess("reports.yearlyreport", "reports.view_report")
    )

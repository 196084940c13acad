"""What the partnership's structure adds to the rest of SafeBoard (core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from . import home

HISTORY = {
    "partnership.agency": "partnership.view_agency",
    "partnership.person": "partnership.view_person",
    "partnership.group": "partnership.view_group",
    "partnership.inductionplan": "partnership.view_induction_plan",
    "partnership.handbookpage": "partnership.view_handbook",
}


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "partnership",
            "Partnership",
            "partnership:agency_list",
            "partnership.list_agencies",
            "/partnership/",
            order=120,
        )
    )
    points.navigation.register(
        points.NavigationItem(
            "induction",
            "Induction",
            "partnership:induction_list",
            "partnership.list_induction_plans",
            "/induction/",
            order=130,
        )
    )
    points.navigation.register(
        points.NavigationItem(
            "handbook",
            "Handbook",
            "partnership:handbook",
            "partnership.view_handbook",
            "/handbook/",
            order=140,
        )
    )
    points.home_panels.register(
        points.HomePanel(
            "induction", "partnership/home/induction.html", home.induction_panel, order=100
        )
    )
    for model, permission in HISTORY.items():
        points.history_access.register(points.HistoryAccess(model, permission))

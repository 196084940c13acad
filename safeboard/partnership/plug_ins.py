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
    points.home_panels.register(
        points.HomePanel(
            "induction", "partnership/home/induction.html", home.induction_panel, order=100
        )
    )
    for model, permission in HISTORY.items():
        points.history_access.register(points.HistoryAccess(model, permission))

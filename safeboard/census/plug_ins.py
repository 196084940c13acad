"""What the census import adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from .services import expire_stale_census_imports


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "census", "Census", "census:import_list", "census.list_imports", "/census/", order=60
        )
    )
    points.daily_steps.register(
        points.DailyStep("census-stale-imports", expire_stale_census_imports)
    )

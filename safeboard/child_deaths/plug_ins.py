"""What the child death learning adds to the rest of SafeBoard (core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from .chain import child_death_chain_links
from .evidence import FINDINGS_SECTION, RECOMMENDATION_THEMES


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "child-deaths",
            "Child deaths",
            "child_deaths:finding_list",
            "child_deaths.record",
            "/child-deaths/",
            order=104,
        )
    )
    points.evidence.register(FINDINGS_SECTION)
    points.themed_sources.register(RECOMMENDATION_THEMES)
    points.chain_sources.register(
        points.ChainSource(
            "child-death-findings", "Child death review learning", child_death_chain_links, order=30
        )
    )
    for model in ("child_deaths.finding", "child_deaths.recommendation"):
        points.history_access.register(points.HistoryAccess(model, "child_deaths.view"))

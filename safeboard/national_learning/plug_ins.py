"""What national learning adds to the rest of SafeBoard (core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from . import report_section
from .chain import national_chain_links
from .evidence import RECOMMENDATION_THEMES, REVIEWS_SECTION


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "national-learning",
            "National learning",
            "national_learning:review_list",
            "national_learning.record",
            "/national-learning/",
            order=106,
        )
    )
    points.evidence.register(REVIEWS_SECTION)
    points.themed_sources.register(RECOMMENDATION_THEMES)
    points.chain_sources.register(
        points.ChainSource(
            "national-reviews", "National reviews and reports", national_chain_links, order=35
        )
    )
    points.report_sections.register(report_section.SECTION)
    for model in ("national_learning.nationalreview", "national_learning.recommendation"):
        points.history_access.register(points.HistoryAccess(model, "national_learning.view"))

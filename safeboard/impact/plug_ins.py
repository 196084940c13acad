"""What evidence of impact adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from . import sections

RECORD_TEMPLATE = "impact/claims/section.html"
RECOMMENDATIONS_TEMPLATE = "impact/claims/recommendations_section.html"


def register() -> None:
    for page in ("action", "challenge", "priority"):
        points.page_sections.register(
            points.PageSection(
                page=page,
                key="evidence-of-impact",
                template=RECORD_TEMPLATE,
                build=sections.record_section,
                order=50,
            )
        )
    points.page_sections.register(
        points.PageSection(
            page="review_recommendations",
            key="evidence-of-impact",
            template=RECOMMENDATIONS_TEMPLATE,
            build=sections.recommendations_section,
            order=50,
        )
    )

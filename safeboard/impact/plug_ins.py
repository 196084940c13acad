"""What evidence of impact adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from . import sections
from .report_section import IMPACT

RECORD_TEMPLATE = "impact/claims/section.html"
RECOMMENDATIONS_TEMPLATE = "impact/claims/recommendations_section.html"


def register() -> None:
    points.report_sections.register(IMPACT)
    _register_claims()
    _register_chains()
    _register_scrutiny()


def _register_claims() -> None:
    """The Evidence of impact section of each record a claim may be attached to."""
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


def _register_chains() -> None:
    from .chains.links import priority_chain_link, theme_chain_link

    # Links under the page's heading: "theme_links" and "priority_links" are those places.
    template = "impact/chains/page_link.html"
    points.page_sections.register(
        points.PageSection(
            page="theme_links", key="chain", template=template, build=theme_chain_link
        )
    )
    points.page_sections.register(
        points.PageSection(
            page="priority_links", key="chain", template=template, build=priority_chain_link
        )
    )


def _register_scrutiny() -> None:
    from .scrutiny import home

    points.home_panels.register(
        points.HomePanel("scrutiny", home.TEMPLATE, home.scrutiny_panel, order=150)
    )

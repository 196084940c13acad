"""What the child death learning adds to a theme's page (and so to each priority addressing
the theme), and its recommendations as a source of actions that carries themes."""

from __future__ import annotations

from safeboard.core.extension_points import THEME, Evidence, ThemedSource

from . import selectors

FINDINGS_SECTION = Evidence(
    subject=THEME,
    key="child-death-findings",
    heading="Learning from child deaths",
    template_name="child_deaths/evidence/theme_findings.html",
    records=lambda themes, user: selectors.findings_about(themes=themes, user=user),
    count_hidden=lambda themes, user: selectors.findings_hidden(themes=themes, user=user),
    counted_as=("child death finding", "child death findings"),
    empty_text="No learning from the child death overview panel is tagged with this theme.",
    order=40,
)

RECOMMENDATION_THEMES = ThemedSource(
    "child_deaths.recommendation",
    tagged_with=selectors.recommendations_tagged,
    themes_of=selectors.themes_of_recommendations,
)

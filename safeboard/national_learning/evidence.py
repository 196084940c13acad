"""What national learning adds to a theme's page (and so to each priority addressing the
theme), and its recommendations as a source of actions that carries themes."""

from __future__ import annotations

from safeboard.core.extension_points import THEME, Evidence, ThemedSource

from . import selectors

REVIEWS_SECTION = Evidence(
    subject=THEME,
    key="national-reviews",
    heading="National reviews and reports",
    template_name="national_learning/evidence/theme_reviews.html",
    records=lambda themes, user: selectors.reviews_about(themes=themes, user=user),
    count_hidden=lambda themes, user: selectors.reviews_hidden(themes=themes, user=user),
    counted_as=("national review", "national reviews"),
    empty_text="No national review or report in the log is tagged with this theme.",
    order=45,
)

RECOMMENDATION_THEMES = ThemedSource(
    "national_learning.recommendation",
    tagged_with=selectors.recommendations_tagged,
    themes_of=selectors.themes_of_recommendations,
)

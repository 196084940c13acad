"""What the record of other boards adds to a theme's page: the challenges raised with or by
another board about the theme."""

from __future__ import annotations

from safeboard.core.extension_points import THEME, Evidence

from . import selectors

CHALLENGES_SECTION = Evidence(
    subject=THEME,
    key="other-board-challenges",
    heading="Challenges with other boards",
    template_name="other_boards/evidence/theme_challenges.html",
    records=lambda themes, user: selectors.challenges_about(themes=themes, user=user),
    count_hidden=lambda themes, user: selectors.challenges_hidden(themes=themes, user=user),
    counted_as=("challenge with another board", "challenges with other boards"),
    empty_text="No challenge with another board is tagged with this theme.",
    order=70,
)

"""What children's voice adds to a theme's page (and so to each priority addressing it) and
to a priority's page: what was said, and the responses that link to the priority."""

from __future__ import annotations

from safeboard.core.extension_points import PRIORITY, THEME, Evidence

from . import selectors

THEME_SECTION = Evidence(
    subject=THEME,
    key="voice",
    heading="What children and young people told us",
    template_name="voice/evidence/theme_views.html",
    records=lambda themes, user: selectors.contributions_about(themes=themes, user=user),
    count_hidden=lambda themes, user: selectors.contributions_hidden(themes=themes, user=user),
    counted_as=("view of children", "views of children"),
    empty_text="Nothing children or young people said is coded to this theme yet.",
    order=50,
)

PRIORITY_SECTION = Evidence(
    subject=PRIORITY,
    key="voice-responses",
    heading="You said, we did",
    template_name="voice/evidence/priority_responses.html",
    records=lambda priority, user: selectors.priority_responses(priority=priority, user=user),
    count_hidden=lambda priority, user: selectors.priority_responses_hidden(
        priority=priority, user=user
    ),
    counted_as=("response to children", "responses to children"),
    empty_text="No response to what children said is linked to this priority.",
    order=60,
)

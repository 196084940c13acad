"""Who may open each briefing page. A review's drafts are its team's (404 to everyone else,
as if they did not exist); shared briefings of published reviews and of themes are open to
everyone signed in with a role."""

from safeboard.accounts.roles import Role
from tests.access import EVERY_ROLE, AccessCase

from .. import builders
from ..builders import HIDDEN, THEME_WRITERS, restricted, restricted_review, team_case


def _review_briefing(cast, *, published: bool = False, shared: bool = False):
    review = restricted(cast, published=published)[0]
    briefing = builders.briefing(review=review, shared_on=builders.TODAY if shared else None)
    return {"pk": briefing.pk}


def _shared_briefing_of_published_review(cast):
    return _review_briefing(cast, published=True, shared=True)


def _theme_briefing(cast, *, shared: bool = False):
    briefing = builders.briefing(
        theme=builders.theme("neglect"), shared_on=builders.TODAY if shared else None
    )
    return {"pk": briefing.pk}


def _shared_theme_briefing(cast):
    return _theme_briefing(cast, shared=True)


ACCESS_CASES = [
    # Briefings: a review's drafts are its team's; shared ones of published reviews and of
    # themes are everyone's.
    team_case("reviews:briefing_create", restricted_review),
    AccessCase("reviews:briefing_list", EVERY_ROLE),
    AccessCase("reviews:theme_briefing_create", THEME_WRITERS),
    team_case("reviews:briefing", _review_briefing),
    AccessCase(
        "reviews:briefing", EVERY_ROLE, _shared_briefing_of_published_review, refused_status=HIDDEN
    ),
    AccessCase("reviews:briefing", EVERY_ROLE, _shared_theme_briefing, refused_status=HIDDEN),
    AccessCase(
        "reviews:briefing",
        THEME_WRITERS | {Role.CHAIR},
        _theme_briefing,
        refused_status=HIDDEN,
    ),
    team_case("reviews:briefing_pdf", _review_briefing),
    AccessCase(
        "reviews:briefing_pdf",
        EVERY_ROLE,
        _shared_briefing_of_published_review,
        refused_status=HIDDEN,
    ),
    team_case("reviews:briefing_edit", _review_briefing),
    AccessCase("reviews:briefing_edit", THEME_WRITERS, _theme_briefing, refused_status=HIDDEN),
    team_case("reviews:briefing_share", _review_briefing),
    team_case("reviews:briefing_withdraw", _review_briefing, method="post"),
    team_case("reviews:briefing_history", _review_briefing),
]

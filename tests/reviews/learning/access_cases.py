"""Who may open each page of a review's learning. A restricted review's pages answer 404 to
everyone outside its team, as if it did not exist; a published review's findings,
recommendations and shared briefings are open to everyone signed in with a role."""

from safeboard.accounts.roles import Role
from tests.access import EVERY_ROLE, AccessCase

from . import builders

# The auditor is on the review team; the business manager and the chair see every review.
TEAM = frozenset({Role.BUSINESS_MANAGER, Role.CHAIR, Role.AUDITOR})
THEME_WRITERS = frozenset({Role.BUSINESS_MANAGER, Role.LEARNING_OFFICER})
HIDDEN = 404


def _restricted(cast, *, published: bool = False):
    review = builders.review(published=published, team=[cast[Role.AUDITOR]])
    finding = builders.finding(review)
    recommendation = builders.recommendation(review, finding=finding, agencies=[cast.home_agency])
    return review, finding, recommendation


def _review(cast):
    return {"pk": _restricted(cast)[0].pk}


def _published_review(cast):
    return {"pk": _restricted(cast, published=True)[0].pk}


def _finding(cast):
    review, finding, _ = _restricted(cast)
    return {"pk": review.pk, "finding_pk": finding.pk}


def _recommendation(cast):
    review, _, recommendation = _restricted(cast)
    return {"pk": review.pk, "recommendation_pk": recommendation.pk}


def _review_briefing(cast, *, published: bool = False, shared: bool = False):
    review = _restricted(cast, published=published)[0]
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


def _team_case(url_name, kwargs, **extra):
    return AccessCase(url_name, TEAM, kwargs, refused_status=HIDDEN, **extra)


ACCESS_CASES = [
    # Findings and recommendations: the team's while restricted, everyone's once published.
    _team_case("reviews:findings", _review),
    AccessCase("reviews:findings", EVERY_ROLE, _published_review, refused_status=HIDDEN),
    _team_case("reviews:recommendations", _review),
    AccessCase("reviews:recommendations", EVERY_ROLE, _published_review, refused_status=HIDDEN),
    # Changing them is for the team, published or not.
    _team_case("reviews:finding_create", _review),
    _team_case("reviews:finding_create", _published_review),
    _team_case("reviews:finding_edit", _finding),
    _team_case("reviews:finding_delete", _finding),
    _team_case("reviews:finding_move", _finding, method="post"),
    _team_case("reviews:finding_history", _finding),
    _team_case("reviews:recommendation_create", _review),
    _team_case("reviews:recommendation_edit", _recommendation),
    _team_case("reviews:recommendation_delete", _recommendation),
    _team_case("reviews:recommendation_actions", _recommendation),
    _team_case("reviews:recommendation_history", _recommendation),
    # Briefings: a review's drafts are its team's; shared ones of published reviews and of
    # themes are everyone's.
    _team_case("reviews:briefing_create", _review),
    AccessCase("reviews:briefing_list", EVERY_ROLE),
    AccessCase("reviews:theme_briefing_create", THEME_WRITERS),
    _team_case("reviews:briefing", _review_briefing),
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
    _team_case("reviews:briefing_pdf", _review_briefing),
    AccessCase(
        "reviews:briefing_pdf",
        EVERY_ROLE,
        _shared_briefing_of_published_review,
        refused_status=HIDDEN,
    ),
    _team_case("reviews:briefing_edit", _review_briefing),
    AccessCase("reviews:briefing_edit", THEME_WRITERS, _theme_briefing, refused_status=HIDDEN),
    _team_case("reviews:briefing_share", _review_briefing),
    _team_case("reviews:briefing_withdraw", _review_briefing, method="post"),
    _team_case("reviews:briefing_history", _review_briefing),
    AccessCase("reviews:search", EVERY_ROLE),
]

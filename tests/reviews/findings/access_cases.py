"""Who may open each page of a review's findings and recommendations. A restricted review's
pages answer 404 to everyone outside its team, as if it did not exist; a published review's
findings and recommendations are open to everyone signed in with a role."""

from tests.access import EVERY_ROLE, AccessCase

from ..builders import HIDDEN, published_review, restricted, restricted_review, team_case


def _finding(cast):
    review, finding, _ = restricted(cast)
    return {"pk": review.pk, "finding_pk": finding.pk}


def _recommendation(cast):
    review, _, recommendation = restricted(cast)
    return {"pk": review.pk, "recommendation_pk": recommendation.pk}


ACCESS_CASES = [
    # Findings and recommendations: the team's while restricted, everyone's once published.
    team_case("reviews:findings", restricted_review),
    AccessCase("reviews:findings", EVERY_ROLE, published_review, refused_status=HIDDEN),
    team_case("reviews:recommendations", restricted_review),
    AccessCase("reviews:recommendations", EVERY_ROLE, published_review, refused_status=HIDDEN),
    # Changing them is for the team, published or not.
    team_case("reviews:finding_create", restricted_review),
    team_case("reviews:finding_create", published_review),
    team_case("reviews:finding_edit", _finding),
    team_case("reviews:finding_delete", _finding),
    team_case("reviews:finding_move", _finding, method="post"),
    team_case("reviews:finding_history", _finding),
    team_case("reviews:recommendation_create", restricted_review),
    team_case("reviews:recommendation_edit", _recommendation),
    team_case("reviews:recommendation_delete", _recommendation),
    team_case("reviews:recommendation_actions", _recommendation),
    team_case("reviews:recommendation_history", _recommendation),
]

"""Who may see a case review.

A review that is not published is confidential: only its team (TeamMember rows), the business
manager and the chair may open it, and to everybody else it does not exist (views answer 404,
never 403). Once published, every signed-in user may read its published parts: the summary,
findings, recommendations and briefings. Referral, decision, team, documents and the view log
stay with the team even then. Publication is the review's state, read from lifecycle.py.
"""

from __future__ import annotations

import rules
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from safeboard.accounts.predicates import has_any_role, is_business_manager, is_chair
from safeboard.accounts.roles import Role

from . import lifecycle
from .models import TeamMember

# Bumped whenever a team changes in this process, so that what a user object remembers of
# its teams is read again; another process's change reaches a request's user when it is
# loaded, at the next request.
_teams_version = 0


@receiver([post_save, post_delete], sender=TeamMember)
def _a_team_changed(**kwargs) -> None:
    global _teams_version
    _teams_version += 1


def reviews_on_team(user) -> frozenset[int]:
    """The ids of the reviews whose team `user` is on: one query for as many reviews as a
    page checks, remembered on the user object (a request's user) until a team changes."""
    remembered = getattr(user, "_reviews_on_team", None)
    if remembered is None or remembered[0] != _teams_version:
        ids = frozenset(TeamMember.objects.filter(user=user).values_list("review_id", flat=True))
        remembered = (_teams_version, ids)
        user._reviews_on_team = remembered
    return remembered[1]


@rules.predicate
def is_on_review_team(user, review) -> bool:
    if review is None or not getattr(user, "is_authenticated", False):
        return False
    team = getattr(review, "team_members", None)  # a review read with its team, for its page
    if team is not None:
        return any(member.user_id == user.pk for member in team)
    return review.pk in reviews_on_team(user)


@rules.predicate
def is_published_review(user, review) -> bool:
    return review is not None and lifecycle.is_published(review)


is_signed_in_with_a_role = has_any_role(*Role.values)

can_work_on_review = is_business_manager | is_chair | is_on_review_team
can_read_review = can_work_on_review | (is_signed_in_with_a_role & is_published_review)

rules.add_perm("reviews.list_reviews", is_signed_in_with_a_role)
rules.add_perm("reviews.refer_case", is_business_manager | is_chair)
rules.add_perm("reviews.view_review", can_read_review)
rules.add_perm("reviews.work_on_review", can_work_on_review)
rules.add_perm("reviews.sign_off_decision", is_chair)
rules.add_perm("reviews.view_access_log", is_business_manager)
rules.add_perm("reviews.manage_frameworks", is_business_manager)
# Who sits on a review's team, its publication and its quality grade: the business manager
# and the chair, not the team itself.
rules.add_perm("reviews.manage_review", is_business_manager | is_chair)


@rules.predicate
def may_work_on_decisions_review(user, decision) -> bool:
    """For a decision's History tab: the decision is as confidential as its review."""
    return decision is not None and can_work_on_review.test(user, decision.review)


rules.add_perm("reviews.view_decision", may_work_on_decisions_review)

# Briefings. A briefing is about one review or one theme. Everyone signed in with a
# role reads a briefing once it is shared with practitioners, if it is about a theme or about a
# published review; a review's team, the business manager and the chair read its briefings
# from the first draft; theme briefings are written by the business manager and the learning
# and development officers, who also read them before they are shared.


@rules.predicate
def is_shared_briefing(user, briefing) -> bool:
    return briefing is not None and briefing.shared_on is not None


@rules.predicate
def is_theme_briefing(user, briefing) -> bool:
    return briefing is not None and briefing.review_id is None


@rules.predicate
def is_briefing_of_published_review(user, briefing) -> bool:
    return (
        briefing is not None
        and briefing.review_id is not None
        and lifecycle.is_published(briefing.review)
    )


@rules.predicate
def may_work_on_briefings_review(user, briefing) -> bool:
    if briefing is None or briefing.review_id is None:
        return False
    return can_work_on_review.test(user, briefing.review)


can_write_theme_briefings = is_business_manager | has_any_role(Role.LEARNING_OFFICER)
can_read_briefing = (
    may_work_on_briefings_review
    | (is_theme_briefing & (can_write_theme_briefings | is_chair))
    | (
        is_signed_in_with_a_role
        & is_shared_briefing
        & (is_theme_briefing | is_briefing_of_published_review)
    )
)
can_change_briefing = may_work_on_briefings_review | (is_theme_briefing & can_write_theme_briefings)

rules.add_perm("reviews.list_briefings", is_signed_in_with_a_role)
rules.add_perm("reviews.view_briefing", can_read_briefing)
rules.add_perm("reviews.change_briefing", can_change_briefing)
rules.add_perm("reviews.write_theme_briefing", can_write_theme_briefings)
# Search reads only the reviews the user may see (see search/selectors.py).
rules.add_perm("reviews.search_findings", is_signed_in_with_a_role)

"""Who may see a case review.

A review that is not published is confidential: only its team (TeamMember rows), the business
manager and the chair may open it, and to everybody else it does not exist (views answer 404,
never 403). Once published, every signed-in user may read its published parts: the summary,
findings, recommendations and briefings. Referral, decision, team, documents and the view log
stay with the team even then.
"""

from __future__ import annotations

import rules

from safeboard.accounts.roles import Role
from safeboard.core.predicates import has_any_role, is_business_manager, is_chair


@rules.predicate
def is_on_review_team(user, review) -> bool:
    if review is None or not getattr(user, "is_authenticated", False):
        return False
    return review.team.filter(user=user).exists()


@rules.predicate
def is_published_review(user, review) -> bool:
    return review is not None and review.is_published


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

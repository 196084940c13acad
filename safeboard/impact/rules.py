"""Who may see and add evidence of impact, and read the chains and the scrutiny list.

Anyone who may see a record sees the claims attached to it. The business manager and the
chair add claims to any record; an agency's lead adds them to its own agency's actions
(the actions it answers for), and withdraws what may be added.

A chain shows every agency's actions and the findings behind them, so it is board business:
the business manager, the chair, board members and lay members read it (the readers of the
partnership's whole action plan, actions/rules.py). The scrutiny list, the gaps in those
chains, is read by the same people: the chair scrutinises, the business manager closes the
gaps, and board and lay members hold agencies to account at the board. Findings of a review
or an audit a reader may not open stay out of both, counted.
"""

from __future__ import annotations

from typing import Any

import rules

from safeboard.accounts.predicates import (
    has_any_role,
    is_board_business_reader,
    is_business_manager,
    is_chair,
)
from safeboard.accounts.roles import Role

is_agency_lead = has_any_role(Role.AGENCY_LEAD)

# The permission that lets a user see a subject, by "app_label.model".
VIEW_PERMISSIONS = {
    "actions.action": "actions.view_action",
    "reviews.recommendation": "reviews.view_review",
    "challenges.challenge": "challenges.view_challenge",
    "priorities.priority": "priorities.view_priority",
}


def _label(record: Any) -> str:
    return record._meta.label_lower if record is not None else ""


def _viewed(record: Any) -> Any:
    """What a subject's view permission is checked on: a recommendation is read with its
    review."""
    return record.review if _label(record) == "reviews.recommendation" else record


@rules.predicate
def may_view_subject(user, subject: Any) -> bool:
    permission = VIEW_PERMISSIONS.get(_label(subject))
    return bool(permission) and user.has_perm(permission, _viewed(subject))


@rules.predicate
def is_lead_of_owning_agency_of_action(user, subject: Any) -> bool:
    if _label(subject) != "actions.action" or not getattr(user, "is_authenticated", False):
        return False
    return user.agency_id is not None and user.agency_id == subject.owning_agency_id


@rules.predicate
def may_add_to_claims_subject(user, claim: Any) -> bool:
    return claim is not None and can_add_claim.test(user, claim.subject)


can_add_claim = (
    is_business_manager | is_chair | (is_agency_lead & is_lead_of_owning_agency_of_action)
) & may_view_subject

rules.add_perm("impact.view_claims", may_view_subject)
rules.add_perm("impact.add_claim", can_add_claim)
rules.add_perm("impact.withdraw_claim", may_add_to_claims_subject)
rules.add_perm("impact.view_chain", is_board_business_reader)
rules.add_perm("impact.view_scrutiny", is_board_business_reader)

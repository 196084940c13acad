"""Who may see and change the partnership's agencies, people, groups, induction and handbook.

The partnership team (everyone who works on the partnership's business) reads the
partnership's agencies, people, groups and handbook; only the business manager changes them,
so no agency's staff ever change another agency's records. An induction plan is seen by its
new member, their buddy and the business manager; its checklist is ticked by the new member
or the business manager.
"""

import rules
from django.db.models import Q

from safeboard.accounts.predicates import (
    is_business_manager,
    is_partnership_team,
)


@rules.predicate
def is_inductee_or_buddy(user, plan) -> bool:
    """The user is the new member of the induction plan, or their buddy."""
    if plan is None or not getattr(user, "person_id", None):
        return False
    return user.person_id in (plan.person_id, plan.buddy_id)


@rules.predicate
def is_inductee(user, plan) -> bool:
    """The user is the new member the induction plan is for."""
    if plan is None or not getattr(user, "person_id", None):
        return False
    return user.person_id == plan.person_id


@rules.predicate
def has_induction_plan_or_buddies(user) -> bool:
    """The user has an induction plan of their own, or is someone's buddy."""
    from .models import InductionPlan

    person_id = getattr(user, "person_id", None)
    if not person_id:
        return False
    return InductionPlan.objects.filter(Q(person_id=person_id) | Q(buddy_id=person_id)).exists()


rules.add_perm("partnership.list_agencies", is_partnership_team)
rules.add_perm("partnership.view_agency", is_partnership_team)
rules.add_perm("partnership.manage_agencies", is_business_manager)

rules.add_perm("partnership.list_people", is_partnership_team)
rules.add_perm("partnership.view_person", is_partnership_team)
rules.add_perm("partnership.manage_people", is_business_manager)
# Accounts grant roles, and so access to everything else: only the business manager.
rules.add_perm("partnership.manage_accounts", is_business_manager)

rules.add_perm("partnership.list_groups", is_partnership_team)
rules.add_perm("partnership.view_group", is_partnership_team)
rules.add_perm("partnership.manage_groups", is_business_manager)

rules.add_perm(
    "partnership.list_induction_plans", is_business_manager | has_induction_plan_or_buddies
)
rules.add_perm("partnership.list_all_induction_plans", is_business_manager)
rules.add_perm("partnership.view_induction_plan", is_business_manager | is_inductee_or_buddy)
rules.add_perm("partnership.tick_induction_item", is_business_manager | is_inductee)
rules.add_perm("partnership.manage_induction_plans", is_business_manager)

rules.add_perm("partnership.view_handbook", is_partnership_team)
rules.add_perm("partnership.edit_handbook", is_business_manager)

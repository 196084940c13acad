"""Who may see and change the partnership's agencies, people, groups and induction.

The business manager runs the partnership's records. An induction plan is seen by its new member, their buddy and the business manager.
"""

import rules

from safeboard.core.predicates import (
    is_business_manager,
    is_partnership_team,
)


@rules.predicate
def is_inductee_or_buddy(user, plan) -> bool:
    if plan is None or not getattr(user, "person_id", None):
        return False
    return user.person_id in (plan.person_id, plan.buddy_id)


@rules.predicate
def is_inductee(user, plan) -> bool:
    if plan is None or not getattr(user, "person_id", None):
        return False
    return user.person_id == plan.person_id


@rules.predicate
def has_induction_plan_or_buddies(user) -> bool:
    from .models import InductionPlan

    person_id = getattr(user, "person_id", None)
    if not person_id:
        return False
    return InductionPlan.objects.filter(person_id=person_id).exists() or (
        InductionPlan.objects.filter(buddy_id=person_id).exists()
    )


rules.add_perm("partnership.list_agencies", is_partnership_team)
rules.add_perm("partnership.view_agency", is_partnership_team)
rules.add_perm("partnership.manage_agencies", is_business_manager)
rules.add_perm("partnership.view_person", is_partnership_team)
rules.add_perm("partnership.manage_people", is_business_manager)
rules.add_perm("partnership.view_group", is_partnership_team)
rules.add_perm("partnership.manage_groups", is_business_manager)


rules.add_perm(
    "partnership.list_induction_plans", is_business_manager | has_induction_plan_or_buddies
)
rules.add_perm("partnership.view_induction_plan", is_business_manager | is_inductee_or_buddy)
rules.add_perm("partnership.tick_induction_item", is_business_manager | is_inductee)
rules.add_perm("partnership.manage_induction_plans", is_business_manager)

rules.add_perm("partnership.view_handbook", is_partnership_team)
rules.add_perm("partnership.edit_handbook", is_business_manager)

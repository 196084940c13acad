from safeboard.accounts.roles import PARTNERSHIP_TEAM, Role
from safeboard.priorities.factories import (
    BusinessPlanFactory,
    PriorityFactory,
    PriorityMeasureFactory,
)
from tests.access import AccessCase


def _plan(cast):
    return {"pk": BusinessPlanFactory().pk}


def _home_priority(cast):
    """A priority of the home agency, led by its practitioner (to prove the lead's rights)."""
    priority = PriorityFactory(lead_person=cast[Role.PRACTITIONER].person)
    return {"pk": priority.pk}


def _measure(cast):
    priority = PriorityFactory(lead_person=cast[Role.PRACTITIONER].person)
    return {"pk": PriorityMeasureFactory(priority=priority).pk}


MANAGER = {Role.BUSINESS_MANAGER}
# The partnership team reads the plan; a priority's lead always sees their own priority.
CAN_VIEW_PRIORITY = PARTNERSHIP_TEAM | {Role.PRACTITIONER}
CAN_REVIEW = {Role.BUSINESS_MANAGER, Role.PRACTITIONER}

ACCESS_CASES = [
    AccessCase("priorities:plan_list", PARTNERSHIP_TEAM),
    AccessCase("priorities:plan_create", MANAGER),
    AccessCase("priorities:plan_detail", PARTNERSHIP_TEAM, _plan),
    AccessCase("priorities:plan_edit", MANAGER, _plan),
    AccessCase("priorities:create", MANAGER, _plan),
    AccessCase("priorities:detail", CAN_VIEW_PRIORITY, _home_priority),
    AccessCase("priorities:edit", MANAGER, _home_priority, other_agency_refused=True),
    AccessCase("priorities:review", CAN_REVIEW, _home_priority, other_agency_refused=True),
    AccessCase("priorities:measure_add", MANAGER, _home_priority, other_agency_refused=True),
    AccessCase("priorities:measure_remove", MANAGER, _measure, other_agency_refused=True),
    AccessCase("priorities:action_add", MANAGER, _home_priority, other_agency_refused=True),
]

from safeboard.accounts.roles import Role
from tests.access import EVERY_ROLE, AccessCase

from .. import builders

TEAM = {Role.LEARNING_OFFICER, Role.BUSINESS_MANAGER}


def _course(cast):
    return {"pk": builders.course().pk}


def _outcome(cast):
    return {"pk": builders.course().outcomes.first().pk}


ACCESS_CASES = [
    AccessCase("learning:course_list", EVERY_ROLE),
    AccessCase("learning:course_create", TEAM),
    AccessCase("learning:course_detail", EVERY_ROLE, _course),
    AccessCase("learning:course_edit", TEAM, _course),
    AccessCase("learning:outcome_add", TEAM, _course),
    AccessCase("learning:outcome_edit", TEAM, _outcome),
    AccessCase("learning:outcome_remove", TEAM, _outcome),
    AccessCase("learning:outcome_move", TEAM, _outcome, method="post"),
]

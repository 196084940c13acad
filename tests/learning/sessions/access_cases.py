from safeboard.accounts.roles import Role
from tests.access import EVERY_ROLE, AccessCase

from .. import builders

TEAM = {Role.LEARNING_OFFICER, Role.BUSINESS_MANAGER}


def _course(cast):
    return {"pk": builders.course().pk}


def _event(cast):
    from safeboard.learning.factories import EventFactory

    return {"pk": EventFactory().pk}


def _session(cast):
    builders.practitioner(cast)
    return {"pk": builders.session().pk}


ACCESS_CASES = [
    AccessCase("learning:session_create", TEAM, _course),
    AccessCase("learning:event_list", EVERY_ROLE),
    AccessCase("learning:event_create", TEAM),
    AccessCase("learning:event_detail", EVERY_ROLE, _event),
    AccessCase("learning:event_edit", TEAM, _event),
    AccessCase("learning:session_detail", EVERY_ROLE, _session),
    AccessCase("learning:session_edit", TEAM, _session),
    AccessCase("learning:session_cancel", TEAM, _session),
]

from safeboard.accounts.roles import Role
from tests.access import AccessCase

from .. import builders

TEAM = {Role.LEARNING_OFFICER, Role.BUSINESS_MANAGER}
ATTENDEE = {Role.PRACTITIONER}


def _attended(cast):
    session = builders.held_session(cast)
    return {"pk": builders.attended(builders.practitioner(cast), on=session).pk}


def _evaluated(cast):
    return {"pk": builders.evaluated(builders.practitioner(cast)).pk}


def _followed_up(cast):
    return {"pk": builders.followed_up(builders.practitioner(cast)).pk}


ACCESS_CASES = [
    AccessCase("learning:evaluation", ATTENDEE, _attended, other_agency_refused=True),
    AccessCase("learning:certificate", ATTENDEE | TEAM, _evaluated, other_agency_refused=True),
    AccessCase("learning:follow_up", ATTENDEE, _followed_up, other_agency_refused=True),
]

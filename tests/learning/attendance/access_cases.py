from safeboard.accounts.roles import Role
from tests.access import AccessCase

from .. import builders

TEAM = {Role.LEARNING_OFFICER, Role.BUSINESS_MANAGER}
# The held session's trainer is the home agency's board member.
TRAINERS = TEAM | {Role.BOARD_MEMBER}


def _held_session(cast):
    return {"pk": builders.held_session(cast).pk}


ACCESS_CASES = [
    AccessCase("learning:attendance", TRAINERS, _held_session),
    AccessCase("learning:attendance_upload", TRAINERS, _held_session),
]

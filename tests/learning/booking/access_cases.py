from safeboard.accounts.roles import Role
from tests.access import AccessCase

from .. import builders

TEAM = {Role.LEARNING_OFFICER, Role.BUSINESS_MANAGER}
# The held session's trainer is the home agency's board member.
TRAINERS = TEAM | {Role.BOARD_MEMBER}
# The practitioner books themself, their line manager (the agency lead) books them too; the
# training team books anyone.
BOOKERS = TEAM | {Role.PRACTITIONER, Role.AGENCY_LEAD}
# A booking is seen by its learner (the practitioner), their line manager (the agency lead),
# the training team, and the session's trainer (the board member).
BOOKING_READERS = TRAINERS | {Role.PRACTITIONER, Role.AGENCY_LEAD}
ATTENDEE = {Role.PRACTITIONER}


def _session(cast):
    builders.practitioner(cast)
    return {"pk": builders.session().pk}


def _booking(cast):
    session = builders.held_session(cast, days=7)
    return {"pk": builders.booking(builders.practitioner(cast), on=session).pk}


def _with_learners(cast):
    builders.practitioner(cast)
    return {}


ACCESS_CASES = [
    AccessCase("learning:session_book", BOOKERS, _session),
    AccessCase("learning:booking_detail", BOOKING_READERS, _booking, other_agency_refused=True),
    AccessCase(
        "learning:booking_cancel",
        BOOKING_READERS - {Role.BOARD_MEMBER},
        _booking,
        other_agency_refused=True,
    ),
    AccessCase("learning:my_training", ATTENDEE | {Role.AGENCY_LEAD}, _with_learners),
    AccessCase("learning:staff_training", {Role.AGENCY_LEAD}, _with_learners),
]

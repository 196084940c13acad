from safeboard.accounts.roles import Role
from tests.access import EVERY_ROLE, AccessCase

from . import builders

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


def _course(cast):
    return {"pk": builders.course().pk}


def _outcome(cast):
    return {"pk": builders.course().outcomes.first().pk}


def _event(cast):
    from safeboard.learning.factories import EventFactory

    return {"pk": EventFactory().pk}


def _session(cast):
    builders.practitioner(cast)
    return {"pk": builders.session().pk}


def _held_session(cast):
    return {"pk": builders.held_session(cast).pk}


def _booking(cast):
    session = builders.held_session(cast, days=7)
    return {"pk": builders.booking(builders.practitioner(cast), on=session).pk}


def _attended(cast):
    session = builders.held_session(cast)
    return {"pk": builders.attended(builders.practitioner(cast), on=session).pk}


def _evaluated(cast):
    return {"pk": builders.evaluated(builders.practitioner(cast)).pk}


def _followed_up(cast):
    return {"pk": builders.followed_up(builders.practitioner(cast)).pk}


def _with_learners(cast):
    builders.practitioner(cast)
    return {}


ACCESS_CASES = [
    AccessCase("learning:course_list", EVERY_ROLE),
    AccessCase("learning:course_create", TEAM),
    AccessCase("learning:course_detail", EVERY_ROLE, _course),
    AccessCase("learning:course_edit", TEAM, _course),
    AccessCase("learning:outcome_add", TEAM, _course),
    AccessCase("learning:session_create", TEAM, _course),
    AccessCase("learning:outcome_edit", TEAM, _outcome),
    AccessCase("learning:outcome_remove", TEAM, _outcome),
    AccessCase("learning:outcome_move", TEAM, _outcome, method="post"),
    AccessCase("learning:event_list", EVERY_ROLE),
    AccessCase("learning:event_create", TEAM),
    AccessCase("learning:event_detail", EVERY_ROLE, _event),
    AccessCase("learning:event_edit", TEAM, _event),
    AccessCase("learning:session_detail", EVERY_ROLE, _session),
    AccessCase("learning:session_edit", TEAM, _session),
    AccessCase("learning:session_cancel", TEAM, _session),
    AccessCase("learning:session_book", BOOKERS, _session),
    AccessCase("learning:attendance", TRAINERS, _held_session),
    AccessCase("learning:attendance_upload", TRAINERS, _held_session),
    AccessCase("learning:booking_detail", BOOKING_READERS, _booking, other_agency_refused=True),
    AccessCase(
        "learning:booking_cancel",
        BOOKING_READERS - {Role.BOARD_MEMBER},
        _booking,
        other_agency_refused=True,
    ),
    AccessCase("learning:evaluation", ATTENDEE, _attended, other_agency_refused=True),
    AccessCase("learning:certificate", ATTENDEE | TEAM, _evaluated, other_agency_refused=True),
    AccessCase("learning:follow_up", ATTENDEE, _followed_up, other_agency_refused=True),
    AccessCase("learning:my_training", ATTENDEE | {Role.AGENCY_LEAD}, _with_learners),
    AccessCase("learning:staff_training", {Role.AGENCY_LEAD}, _with_learners),
    AccessCase("learning:charge_list", TEAM | {Role.AGENCY_LEAD}),
]

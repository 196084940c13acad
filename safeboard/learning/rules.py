"""Who may see and do what in learning and training.

The learning officer and the business manager run training: courses, events, sessions, and
anyone's bookings. Everyone signed in with a role, and every practitioner who trains with the
partnership (a `Learner` with an account), browses the catalogue. A practitioner books
themselves and sees only their own bookings; a line manager (a learner with staff) books and
sees their staff's; a session's trainer sees who is booked on it and marks attendance. Other
people's names and emails are shown only to those. Board business readers read the evaluation
results; agency leads see their own agency's charges.
"""

from __future__ import annotations

import rules
from django.core.exceptions import ObjectDoesNotExist

from safeboard.accounts.predicates import has_any_role, is_board_business_reader
from safeboard.accounts.roles import Role

from .booking import states

is_training_team = has_any_role(Role.LEARNING_OFFICER, Role.BUSINESS_MANAGER)
is_signed_in_with_a_role = has_any_role(*Role.values)
is_agency_lead = has_any_role(Role.AGENCY_LEAD)


def learner_of(user):
    """The user's own active learner record, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        learner = user.learner
    except ObjectDoesNotExist:
        return None
    return learner if learner.is_active else None


@rules.predicate
def is_learner(user) -> bool:
    """The account is a practitioner who trains with the partnership."""
    return learner_of(user) is not None


@rules.predicate
def is_line_manager(user) -> bool:
    """The user's learner record has staff of their own, whom they may book."""
    learner = learner_of(user)
    return learner is not None and learner.staff.filter(is_active=True).exists()


@rules.predicate
def is_session_trainer(user, session) -> bool:
    if session is None or not getattr(user, "is_authenticated", False):
        return False
    return session.trainer_id == user.pk


@rules.predicate
def is_the_learner(user, learner) -> bool:
    """The learner record (or a booking's learner) is the user's own."""
    learner = getattr(learner, "learner", learner)
    if learner is None or not getattr(user, "is_authenticated", False):
        return False
    return learner.user_id is not None and learner.user_id == user.pk


@rules.predicate
def is_line_manager_of(user, learner) -> bool:
    """The user is the line manager of the learner (or of a booking's learner)."""
    learner = getattr(learner, "learner", learner)
    own = learner_of(user)
    return learner is not None and own is not None and learner.manager_id == own.pk


@rules.predicate
def is_trainer_of_booking(user, booking) -> bool:
    if booking is None or not getattr(user, "is_authenticated", False):
        return False
    return booking.session.trainer_id == user.pk


# What the booking's state allows, whoever asks (booking/states.py).
@rules.predicate
def booking_may_be_cancelled(user, booking) -> bool:
    return booking is not None and states.can_cancel(booking)


@rules.predicate
def booking_may_be_evaluated(user, booking) -> bool:
    return booking is not None and states.can_evaluate(booking)


@rules.predicate
def follow_up_may_be_answered(user, booking) -> bool:
    return booking is not None and states.can_answer_follow_up(booking)


@rules.predicate
def certificate_is_ready(user, booking) -> bool:
    return booking is not None and states.certificate_ready(booking)


can_browse = is_signed_in_with_a_role | is_learner
can_run_session = is_training_team | is_session_trainer
can_book = is_learner | is_line_manager | is_training_team
can_book_learner = is_the_learner | is_line_manager_of | is_training_team
can_view_booking = is_the_learner | is_line_manager_of | is_training_team | is_trainer_of_booking
can_cancel_booking = is_the_learner | is_line_manager_of | is_training_team

rules.add_perm("learning.list_courses", can_browse)
rules.add_perm("learning.view_course", can_browse)
rules.add_perm("learning.view_event", can_browse)
rules.add_perm("learning.view_session", can_browse)
rules.add_perm("learning.manage_courses", is_training_team)
rules.add_perm("learning.manage_sessions", is_training_team)
rules.add_perm("learning.manage_events", is_training_team)
rules.add_perm("learning.view_results", is_training_team | is_board_business_reader)
# Names and emails of the people booked on a session.
rules.add_perm("learning.view_session_bookings", can_run_session)
rules.add_perm("learning.mark_attendance", can_run_session)
rules.add_perm("learning.book_place", can_book)
rules.add_perm("learning.book_learner", can_book_learner)
rules.add_perm("learning.book_anyone", is_training_team)
rules.add_perm("learning.view_booking", can_view_booking)
rules.add_perm("learning.cancel_booking", can_cancel_booking)
rules.add_perm("learning.view_my_training", is_learner)
rules.add_perm("learning.view_staff_training", is_line_manager)
rules.add_perm("learning.evaluate", is_the_learner)
rules.add_perm("learning.respond_to_follow_up", is_the_learner)
rules.add_perm("learning.download_certificate", is_the_learner | is_training_team)
# Who may ask and what the booking's state allows, both: the buttons and links a page offers.
# The pages themselves check who may ask; a state that refuses is explained on the page.
rules.add_perm("learning.cancel_booking_now", can_cancel_booking & booking_may_be_cancelled)
rules.add_perm("learning.evaluate_now", is_the_learner & booking_may_be_evaluated)
rules.add_perm("learning.respond_to_follow_up_now", is_the_learner & follow_up_may_be_answered)
rules.add_perm(
    "learning.download_certificate_now", (is_the_learner | is_training_team) & certificate_is_ready
)
rules.add_perm("learning.list_charges", is_training_team | is_agency_lead)
# Without it, the charges list shows only the user's own agency.
rules.add_perm("learning.list_every_agencys_charges", is_training_team)


# Registration, training needs and reach. The training team keeps the email domains that
# may register and the needs matrix. Compliance figures and the names of those due a
# refresher: the training team for every agency, an agency lead for their own agency, a line
# manager for their own staff. Reach is read by board business readers and the training team.
@rules.predicate
def is_lead_of_agency(user, agency) -> bool:
    """The user is an agency lead of this agency."""
    if agency is None or not getattr(user, "is_authenticated", False):
        return False
    return user.has_role(Role.AGENCY_LEAD) and user.agency_id == agency.pk


rules.add_perm("learning.manage_agency_domains", is_training_team)
rules.add_perm("learning.edit_training_needs", is_training_team)
rules.add_perm(
    "learning.view_training_compliance", is_training_team | is_agency_lead | is_line_manager
)
# Without it, compliance is counted for the user's own agency (or a manager's own staff).
rules.add_perm("learning.view_every_agencys_compliance", is_training_team)
rules.add_perm("learning.set_headcounts", is_training_team | is_lead_of_agency)
rules.add_perm("learning.view_reach", is_board_business_reader | is_training_team)

"""What a booking's state allows: one named predicate for each thing a person can ask of it.

A booking is a place (`booked`), a place on the waiting list (`waiting`) or `cancelled`; a
place is marked `attended` or `no_show` once its session has begun. Each transition has one
predicate here and the reason it is refused, and every place that asks uses it: rules.py
composes the predicates with who may ask (the buttons the pages show), the form pages refuse
a GET as they refuse a POST, and the services check them again inside their transaction.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from ..models import Booking, FollowUp, Session

SESSION_CANCELLED = "This session has been cancelled. Choose another session of the course."
SESSION_STARTED = "This session has already started, so it can no longer be booked."
ALREADY_CANCELLED = "This booking has already been cancelled."
CANCEL_AFTER_START = (
    "The session has already started, so the booking cannot be cancelled. "
    "The trainer records who attended."
)
NOT_ATTENDED = "Only someone who attended the session can evaluate it."
ALREADY_EVALUATED = "You have already completed the evaluation of this session."
NO_FOLLOW_UP = "There is no follow-up survey for this session yet: it is sent 90 days after it."
ALREADY_ANSWERED = "You have already answered the follow-up survey for this session."

# Why a certificate is not released yet: the certificate page words each for its reader.
CERTIFICATE_NOT_ATTENDED = "not_attended"
CERTIFICATE_NEEDS_EVALUATION = "needs_evaluation"


def _now(now: datetime.datetime | None) -> datetime.datetime:
    return now or timezone.now()


# ---- the states ---------------------------------------------------------------------------


def is_cancelled(booking: Booking) -> bool:
    return booking.status == Booking.Status.CANCELLED


def is_waiting(booking: Booking) -> bool:
    """On the session's waiting list: given a place, first come first served, as one frees."""
    return booking.status == Booking.Status.WAITING


def has_place(booking: Booking) -> bool:
    return booking.status == Booking.Status.BOOKED


def has_started(session: Session, *, now: datetime.datetime | None = None) -> bool:
    return session.starts_at <= _now(now)


def attended(booking: Booking) -> bool:
    return booking.attendance == Booking.Attendance.ATTENDED


def is_evaluated(booking: Booking) -> bool:
    """The attendee has sent the evaluation (read from `booking.evaluation`: select it with
    the booking, or read the booking afresh where it must be current)."""
    return hasattr(booking, "evaluation")


def follow_up_of(booking: Booking) -> FollowUp | None:
    """The follow-up survey sent about the booking, if it has been sent."""
    return getattr(booking, "follow_up", None)


# ---- the transitions: why not, then whether -----------------------------------------------


def book_refusal(session: Session, *, now: datetime.datetime | None = None) -> str | None:
    """Why a place (or the waiting list) on the session cannot be booked now, or None."""
    if session.status == Session.Status.CANCELLED:
        return SESSION_CANCELLED
    if has_started(session, now=now):
        return SESSION_STARTED
    return None


def can_book(session: Session, *, now: datetime.datetime | None = None) -> bool:
    return book_refusal(session, now=now) is None


def cancel_refusal(booking: Booking, *, now: datetime.datetime | None = None) -> str | None:
    """Why the place (or the waiting-list place) cannot be given up now, or None: once the
    session has begun, the trainer's attendance mark says what happened to it."""
    if is_cancelled(booking):
        return ALREADY_CANCELLED
    if has_started(booking.session, now=now):
        return CANCEL_AFTER_START
    return None


def can_cancel(booking: Booking, *, now: datetime.datetime | None = None) -> bool:
    return cancel_refusal(booking, now=now) is None


def evaluation_refusal(booking: Booking) -> str | None:
    """Why the session cannot be evaluated on this booking, or None: only an attendee
    evaluates, once."""
    if not attended(booking):
        return NOT_ATTENDED
    if is_evaluated(booking):
        return ALREADY_EVALUATED
    return None


def can_evaluate(booking: Booking) -> bool:
    return evaluation_refusal(booking) is None


def follow_up_refusal(follow_up: FollowUp | None) -> str | None:
    """Why the follow-up survey cannot be answered, or None: it is answered once, after it
    is sent."""
    if follow_up is None:
        return NO_FOLLOW_UP
    if follow_up.responded_at is not None:
        return ALREADY_ANSWERED
    return None


def can_answer_follow_up(booking: Booking) -> bool:
    return follow_up_refusal(follow_up_of(booking)) is None


def certificate_refusal(booking: Booking) -> str | None:
    """Why the booking's certificate is not released yet, or None when it is."""
    if not attended(booking):
        return CERTIFICATE_NOT_ATTENDED
    if not is_evaluated(booking):
        return CERTIFICATE_NEEDS_EVALUATION
    return None


def certificate_ready(booking: Booking) -> bool:
    return certificate_refusal(booking) is None

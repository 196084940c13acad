"""The emails training sends to a learner, with or without an account.

Each is sent once the change it reports is committed (`transaction.on_commit`), so nobody is
told of a place that a failed transaction never gave them. One learner's failed email is
logged and never undoes the change or stops the others'.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from safeboard.core.dates import long_date
from safeboard.core.notify import send_email
from safeboard.reminders.services import site_url

from .models import Booking, FollowUp, Session

logger = logging.getLogger(__name__)


def _send(*, to: str, subject: str, template: str, context: dict, quietly: bool = True) -> None:
    """Send one email; `quietly` logs a failure instead of raising it."""
    body = render_to_string(f"learning/email/{template}.txt", context)
    try:
        send_email(to=[to], subject=subject, body=body)
    except Exception:
        if not quietly:
            raise
        logger.exception("Training email %r to %s could not be sent", subject, to)


def _day(session: Session) -> str:
    return long_date(timezone.localtime(session.starts_at))


def _session_context(session: Session) -> dict:
    return {
        "session": session,
        "course": session.course,
        "course_url": site_url(session.course.get_absolute_url()),
        "my_training_url": site_url(reverse("learning:my_training")),
    }


def send_booking_confirmation(booking: Booking) -> None:
    """Tell the learner they have a place, or their place on the waiting list."""
    session = booking.session
    waiting = booking.status == Booking.Status.WAITING
    subject = (
        f"On the waiting list: {session.course.title}"
        if waiting
        else f"Booked: {session.course.title} on {_day(session)}"
    )
    _send(
        to=booking.learner.email,
        subject=subject,
        template="booking_confirmed",
        context={
            **_session_context(session),
            "booking": booking,
            "learner": booking.learner,
            "waiting": waiting,
        },
    )


def send_place_offered(booking: Booking) -> None:
    """Tell the first on the waiting list that a place has come free and is now theirs."""
    _send(
        to=booking.learner.email,
        subject=f"You now have a place: {booking.session.course.title}",
        template="place_offered",
        context={**_session_context(booking.session), "learner": booking.learner},
    )


def send_session_cancelled(session: Session, bookings: Iterable[Booking], reason: str) -> None:
    for booking in bookings:
        _send(
            to=booking.learner.email,
            subject=f"Cancelled: {session.course.title} on {_day(session)}",
            template="session_cancelled",
            context={**_session_context(session), "learner": booking.learner, "reason": reason},
        )


def send_session_reminder(booking: Booking, *, quietly: bool = True) -> None:
    _send(
        quietly=quietly,
        to=booking.learner.email,
        subject=f"Coming up: {booking.session.course.title}",
        template="session_reminder",
        context={**_session_context(booking.session), "learner": booking.learner},
    )


def send_follow_up(follow_up: FollowUp, *, quietly: bool = True) -> None:
    booking = follow_up.booking
    _send(
        quietly=quietly,
        to=booking.learner.email,
        subject=f"Three months on: what has changed since {booking.session.course.title}?",
        template="follow_up",
        context={
            **_session_context(booking.session),
            "learner": booking.learner,
            "answer_url": site_url(reverse("learning:follow_up", args=[booking.pk])),
        },
    )


def after_commit(send, *args) -> None:
    """Send once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(lambda: send(*args))

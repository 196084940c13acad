"""Changes to the training offer's dates: events and their sessions, and cancelling a session.

Booking places is in booking/services.py; a session given more places moves its waiting list
up there. Each function here is one transaction.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.history import save_with_reason

from .. import notifications
from ..booking import services as booking_services
from ..models import Booking, Course, Event, Session

EVENT_ENDS_BEFORE_START = "The last day of the event cannot be before its first day."
SESSION_ENDS_BEFORE_START = "The session must end after it starts."
NO_VENUE = "Enter the venue, or say that the session is online."
CAPACITY_TOO_SMALL = "Enter at least 1 place."
CAPACITY_BELOW_BOOKED = (
    "{booked} places are already booked: the session cannot have fewer places than that. "
    "Cancel bookings first."
)
SESSION_OUTSIDE_EVENT = "The session must fall within the event, {starts} to {ends}."
SESSION_CANCELLED = "This session has been cancelled: it cannot be changed."
SESSION_ALREADY_STARTED = "This session has already started: it cannot be cancelled."
NO_CANCEL_REASON = "Say why the session is cancelled: everyone booked is told."


def _check_event_dates(starts_on: datetime.date, ends_on: datetime.date) -> None:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": EVENT_ENDS_BEFORE_START})


@transaction.atomic
def event_create(
    *, title: str, starts_on: datetime.date, ends_on: datetime.date, description: str = ""
) -> Event:
    _check_event_dates(starts_on, ends_on)
    event = Event(
        title=title.strip(), description=description.strip(), starts_on=starts_on, ends_on=ends_on
    )
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    description: str = "",
) -> Event:
    _check_event_dates(starts_on, ends_on)
    event.title = title.strip()
    event.description = description.strip()
    event.starts_on = starts_on
    event.ends_on = ends_on
    event.full_clean()
    event.save()
    return event


def _check_session(
    *,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    venue: str,
    is_online: bool,
    capacity: int,
    event: Event | None,
) -> None:
    errors = {}
    if ends_at <= starts_at:
        errors["ends_at"] = SESSION_ENDS_BEFORE_START
    if not venue.strip() and not is_online:
        errors["venue"] = NO_VENUE
    if capacity < 1:
        errors["capacity"] = CAPACITY_TOO_SMALL
    if event is not None:
        day = timezone.localtime(starts_at).date()
        if not event.starts_on <= day <= event.ends_on:
            errors["event"] = SESSION_OUTSIDE_EVENT.format(
                starts=f"{event.starts_on:%d %B %Y}", ends=f"{event.ends_on:%d %B %Y}"
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def session_create(
    *,
    course: Course,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    capacity: int,
    venue: str = "",
    is_online: bool = False,
    trainer: User | None = None,
    trainer_name: str = "",
    event: Event | None = None,
) -> Session:
    _check_session(
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue,
        is_online=is_online,
        capacity=capacity,
        event=event,
    )
    session = Session(
        course=course,
        event=event,
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue.strip(),
        is_online=is_online,
        trainer=trainer,
        trainer_name=trainer_name.strip(),
        capacity=capacity,
    )
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def session_update(
    *,
    session: Session,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    capacity: int,
    venue: str = "",
    is_online: bool = False,
    trainer: User | None = None,
    trainer_name: str = "",
    event: Event | None = None,
) -> list[Booking]:
    """Change a session; more places move the waiting list up. Returns those given a place."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status == Session.Status.CANCELLED:
        raise ValidationError(SESSION_CANCELLED)
    _check_session(
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue,
        is_online=is_online,
        capacity=capacity,
        event=event,
    )
    booked = session.bookings.filter(status=Booking.Status.BOOKED).count()
    if capacity < booked:
        raise ValidationError({"capacity": CAPACITY_BELOW_BOOKED.format(booked=booked)})
    session.starts_at = starts_at
    session.ends_at = ends_at
    session.venue = venue.strip()
    session.is_online = is_online
    session.trainer = trainer
    session.trainer_name = trainer_name.strip()
    session.capacity = capacity
    session.event = event
    session.full_clean()
    session.save()
    return booking_services.fill_free_places(session)


@transaction.atomic
def session_cancel(*, session: Session, reason: str, cancelled_by: User) -> list[Booking]:
    """Cancel a session that has not started, and every booking and waiting-list place on it;
    everyone who held one is told by email, with the reason. Returns their bookings."""
    session = Session.objects.select_for_update().select_related("course").get(pk=session.pk)
    if session.status == Session.Status.CANCELLED:
        raise ValidationError(SESSION_CANCELLED)
    if session.starts_at <= timezone.now():
        raise ValidationError(SESSION_ALREADY_STARTED)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": NO_CANCEL_REASON})
    session.status = Session.Status.CANCELLED
    save_with_reason(session, f"Cancelled: {reason}", fields=["status"])
    live = list(session.bookings.exclude(status=Booking.Status.CANCELLED).select_related("learner"))
    now = timezone.now()
    for booking in live:
        booking.status = Booking.Status.CANCELLED
        booking.cancelled_at = now
        save_with_reason(booking, "The session was cancelled.", fields=["status", "cancelled_at"])
    notifications.after_commit(notifications.send_session_cancelled, session, live, reason)
    return live

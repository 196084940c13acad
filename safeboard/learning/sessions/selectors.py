"""Reads of events and sessions: places left, attendance still to mark, who is booked."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from ..models import Booking, Course, Event, Session

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

BOOKED = Q(bookings__status=Booking.Status.BOOKED)
WAITING = Q(bookings__status=Booking.Status.WAITING)
ATTENDED = Booking.Attendance.ATTENDED


class Places(TypedDict):
    booked: int
    waiting: int
    places_left: int


def with_places(
    sessions: QuerySet[Session],
) -> QuerySet[WithAnnotations[Session, Places]]:
    """Sessions with `booked`, `waiting` and `places_left` counted in the same query."""
    return sessions.annotate(
        booked=Count("bookings", filter=BOOKED),
        waiting=Count("bookings", filter=WAITING),
    ).annotate(places_left=F("capacity") - F("booked"))


def upcoming_sessions(*, course: Course, now: datetime.datetime | None = None) -> list[Session]:
    """The course's sessions still to come, soonest first, with the places left on each."""
    now = now or timezone.now()
    return list(
        with_places(
            course.sessions.filter(status=Session.Status.SCHEDULED, starts_at__gt=now)
        ).select_related("event")
    )


def held_sessions(*, course: Course, now: datetime.datetime | None = None) -> list[Session]:
    """Sessions that have started, latest first, with attendance marked and still to mark."""
    now = now or timezone.now()
    return list(
        course.sessions.filter(status=Session.Status.SCHEDULED, starts_at__lte=now)
        .annotate(
            booked=Count("bookings", filter=BOOKED),
            attended=Count("bookings", filter=BOOKED & Q(bookings__attendance=ATTENDED)),
            no_shows=Count(
                "bookings", filter=BOOKED & Q(bookings__attendance=Booking.Attendance.NO_SHOW)
            ),
        )
        .annotate(unmarked=F("booked") - F("attended") - F("no_shows"))
        .order_by("-starts_at", "-id")
    )


def session_page(session_id: int) -> WithAnnotations[Session, Places]:
    return (
        with_places(Session.objects.filter(pk=session_id))
        .select_related("course", "event", "trainer__person")
        .get()
    )


def session_bookings(*, session: Session) -> list[Booking]:
    """Everyone booked or waiting on the session (for its trainer and the training team)."""
    return list(
        session.bookings.exclude(status=Booking.Status.CANCELLED)
        .select_related("learner__agency", "learner__job_role")
        .order_by("status", "booked_at", "id")
    )


def event_sessions(*, event: Event) -> list[Session]:
    return list(with_places(event.sessions.select_related("course")).order_by("starts_at", "id"))


def event_list() -> QuerySet[Event]:
    return Event.objects.annotate(session_count=Count("sessions")).order_by("-starts_on", "-id")

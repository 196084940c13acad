"""Reads of bookings: a learner's own, a line manager's staff's, and what the home page shows."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from safeboard.accounts.models import User

from ..models import Booking, Learner, Session

ATTENDED = Booking.Attendance.ATTENDED


def live_bookings_by_session(
    *, learner: Learner | None, sessions: Iterable[Session]
) -> dict[int, Booking]:
    """The learner's own place or waiting-list place on each of these sessions."""
    if learner is None:
        return {}
    bookings = Booking.objects.filter(learner=learner, session__in=list(sessions)).exclude(
        status=Booking.Status.CANCELLED
    )
    return {booking.session_id: booking for booking in bookings}


def learner_bookings(*, learner: Learner) -> QuerySet[Booking]:
    """A learner's own bookings, latest session first, with what they need to do next."""
    return (
        Booking.objects.filter(learner=learner)
        .select_related("learner", "session__course", "evaluation", "follow_up")
        .order_by("-session__starts_at", "-id")
    )


def staff_bookings(*, manager: Learner) -> QuerySet[Booking]:
    """The bookings of a line manager's staff, latest session first."""
    return (
        Booking.objects.filter(learner__manager=manager)
        .select_related("learner__job_role", "session__course", "evaluation")
        .order_by("-session__starts_at", "learner__full_name", "id")
    )


def bookable_staff(*, manager: Learner) -> QuerySet[Learner]:
    return manager.staff.filter(is_active=True).order_by("full_name", "id")


@dataclass(frozen=True)
class SessionToMark:
    session: Session
    unmarked: int  # places whose attendance is not marked yet


@dataclass(frozen=True)
class HomeTasks:
    next_places: list[Booking]  # the user's places and waiting-list places to come, soonest first
    to_evaluate: list[Booking]  # sessions they attended and have not evaluated, latest first
    to_mark: list[SessionToMark]  # sessions they train that have begun with places unmarked


def home_tasks(*, user: User, now: datetime.datetime, limit: int = 5) -> HomeTasks:
    """What the home page shows about training: the user's own bookings as a learner, and the
    sessions they train with places still unmarked, counted."""
    own = Q(learner__user=user, learner__is_active=True) & (
        Q(
            status__in=[Booking.Status.BOOKED, Booking.Status.WAITING],
            session__status=Session.Status.SCHEDULED,
            session__starts_at__gt=now,
        )
        | Q(attendance=ATTENDED, evaluation__isnull=True)
    )
    unmarked = Q(
        session__trainer=user,
        session__status=Session.Status.SCHEDULED,
        session__starts_at__lte=now,
        status=Booking.Status.BOOKED,
        attendance="",
    )
    # Two indexed look-ups, merged: one OR across the joins would scan every booking.
    bookings = sorted(
        {
            booking.pk: booking
            for condition in (own, unmarked)
            for booking in Booking.objects.filter(condition).select_related(
                "learner", "session__course"
            )
        }.values(),
        key=lambda booking: (booking.session.starts_at, booking.pk),
    )
    mine = [b for b in bookings if b.learner.user_id == user.pk]
    sessions: dict[int, Session] = {}
    unmarked_places: dict[int, int] = {}
    for booking in reversed(bookings):
        session = booking.session
        if session.trainer_id == user.pk and booking.attendance == "" and session.starts_at <= now:
            sessions.setdefault(session.pk, session)
            unmarked_places[session.pk] = unmarked_places.get(session.pk, 0) + 1
    to_mark = [SessionToMark(session, unmarked_places[pk]) for pk, session in sessions.items()]
    return HomeTasks(
        next_places=[b for b in mine if b.session.starts_at > now][:limit],
        to_evaluate=[
            b for b in reversed(mine) if b.attendance == ATTENDED and b.session.starts_at <= now
        ][:limit],
        to_mark=to_mark[: limit * 2],
    )

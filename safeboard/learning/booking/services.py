"""Booking places on a session, the waiting list, and cancelling.

Two people may take the last place at the same moment. Every change here runs in one
transaction that first locks the session's row (`select_for_update`), so the places are
counted by one transaction at a time: the second sees the first's booking and joins the
waiting list. On PostgreSQL the row lock does it; SQLite ignores row locks, but the
IMMEDIATE transaction mode (see settings) takes the write lock when the transaction begins,
which serialises the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as format_date

from safeboard.accounts.models import User
from safeboard.core.history import history_stamps, save_with_reason

from .. import notifications
from ..models import Booking, Learner, Session
from . import states

LEARNER_INACTIVE = "{name} no longer trains with the partnership, so cannot be booked."
ALREADY_BOOKED = "{name} already has a place on this session."
ALREADY_WAITING = "{name} is already on the waiting list for this session."


@dataclass(frozen=True)
class Cancellation:
    booking: Booking
    # The learner moved up from the waiting list into the place, if anyone was waiting.
    moved_up: Booking | None


def _locked(session: Session) -> Session:
    return Session.objects.select_for_update().select_related("course").get(pk=session.pk)


def _save(record: Booking, reason: str, fields: list[str], by: User | None) -> None:
    if by is not None:
        history_stamps(record)._history_user = by  # django-simple-history records who made it
    save_with_reason(record, reason, fields=fields)


def places_taken(session: Session) -> int:
    return session.bookings.filter(status=Booking.Status.BOOKED).count()


@transaction.atomic
def book(session: Session, learner: Learner, booked_by: User | None) -> Booking:
    """A place for the learner if one is left, else a place on the waiting list.

    Refuses a session its state closes (states.book_refusal), a learner who has left, and a second live
    booking (a place or the waiting list) of the same learner on the same session.
    """
    session = _locked(session)
    refusal = states.book_refusal(session)
    if refusal:
        raise ValidationError(refusal)
    if not learner.is_active:
        raise ValidationError(LEARNER_INACTIVE.format(name=learner.full_name))
    live = (
        session.bookings.filter(learner=learner)
        .exclude(status=Booking.Status.CANCELLED)
        .values_list("status", flat=True)
        .first()
    )
    if live == Booking.Status.BOOKED:
        raise ValidationError(ALREADY_BOOKED.format(name=learner.full_name))
    if live == Booking.Status.WAITING:
        raise ValidationError(ALREADY_WAITING.format(name=learner.full_name))
    full = places_taken(session) >= session.capacity
    booking = Booking(
        session=session,
        learner=learner,
        status=Booking.Status.WAITING if full else Booking.Status.BOOKED,
        booked_by=booked_by,
        booked_at=timezone.now(),
    )
    # The lock and the checks above keep the constraints; nobody booked it when it is imported.
    booking.full_clean(exclude=["booked_by"], validate_constraints=False)
    booking.save()
    notifications.after_commit(notifications.send_booking_confirmation, booking)
    return booking


@transaction.atomic
def cancel(booking: Booking, by: User | None) -> Cancellation:
    """Cancel a place or a place on the waiting list while its state allows it
    (states.cancel_refusal: before the session starts). A place given up goes to the first on the waiting list, who is told by email."""
    session = _locked(booking.session)
    booking = Booking.objects.select_related("learner").get(pk=booking.pk)
    booking.session = session
    refusal = states.cancel_refusal(booking)
    if refusal:
        raise ValidationError(refusal)
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_at = timezone.now()
    _save(booking, "Cancelled.", ["status", "cancelled_at"], by)
    moved_up = fill_free_places(session, by=by)
    return Cancellation(booking=booking, moved_up=moved_up[0] if moved_up else None)


def fill_free_places(session: Session, *, by: User | None = None) -> list[Booking]:
    """Give free places to the waiting list, first come first served; each is told.

    Call it inside the transaction that locked the session.
    """
    free = session.capacity - places_taken(session)
    if free <= 0 or session.status == Session.Status.CANCELLED:
        return []
    waiting = list(
        session.bookings.filter(status=Booking.Status.WAITING)
        .select_related("learner")
        .order_by("booked_at", "id")[:free]
    )
    for booking in waiting:
        booking.status = Booking.Status.BOOKED
        booking.session = session
        _save(booking, "A place came free: moved up from the waiting list.", ["status"], by)
        notifications.after_commit(notifications.send_place_offered, booking)
    return waiting


def waiting_list_position(booking: Booking) -> int | None:
    """1 for the first on the waiting list; None when the booking is not waiting."""
    if not states.is_waiting(booking):
        return None
    ahead = booking.session.bookings.filter(status=Booking.Status.WAITING).filter(
        booked_at__lt=booking.booked_at
    ) | booking.session.bookings.filter(
        status=Booking.Status.WAITING, booked_at=booking.booked_at, id__lt=booking.pk
    )
    return ahead.count() + 1


def describe_booking(booking: Booking, *, to_learner: bool) -> str:
    """What the person who booked is told: a place, or their place in the queue."""
    starts_at = timezone.localtime(booking.session.starts_at)
    what = f"{booking.session.course.title}, {format_date(starts_at, 'j F Y, H:i')}"
    who = "You" if to_learner else booking.learner.full_name
    if states.has_place(booking):
        return f"{who} {'have' if to_learner else 'has'} a place on {what}."
    position = waiting_list_position(booking)
    told = "You will be" if to_learner else "They will be"
    return (
        f"The session is full: {who.lower() if to_learner else who} {'are' if to_learner else 'is'} "
        f"number {position} on the waiting list for {what}. {told} emailed if a place comes free."
    )

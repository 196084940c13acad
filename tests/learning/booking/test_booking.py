"""Booking places: a place while one is left, then the waiting list; refusals; cancelling
moves the waiting list up and tells the person."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from safeboard.learning.booking import services as booking_services
from safeboard.learning.booking import states
from safeboard.learning.factories import LearnerFactory
from safeboard.learning.models import Booking, Session
from safeboard.learning.sessions import services

from .. import builders

pytestmark = pytest.mark.django_db


def _messages(error: ValidationError) -> list[str]:
    return error.messages


def test_a_learner_gets_a_place_while_places_are_left(officer):
    session = builders.session(capacity=2)
    first = booking_services.book(session, LearnerFactory(), officer)
    assert first.status == Booking.Status.BOOKED
    assert first.booked_by == officer


def test_when_the_session_is_full_the_learner_joins_the_waiting_list(officer):
    session = builders.session(capacity=1)
    booking_services.book(session, LearnerFactory(), officer)
    second = booking_services.book(session, LearnerFactory(), officer)
    assert second.status == Booking.Status.WAITING
    assert booking_services.waiting_list_position(second) == 1


def test_a_past_session_cannot_be_booked_and_nothing_is_saved(officer):
    session = builders.session(days=-1)
    with pytest.raises(ValidationError) as error:
        booking_services.book(session, LearnerFactory(), officer)
    assert _messages(error.value) == [states.SESSION_STARTED]
    assert not Booking.objects.exists()


def test_a_cancelled_session_cannot_be_booked(officer):
    session = builders.session(status=Session.Status.CANCELLED)
    with pytest.raises(ValidationError) as error:
        booking_services.book(session, LearnerFactory(), officer)
    assert _messages(error.value) == [states.SESSION_CANCELLED]


@pytest.mark.parametrize(
    ("capacity", "message"),
    [(5, booking_services.ALREADY_BOOKED), (0, booking_services.ALREADY_WAITING)],
)
def test_a_learner_cannot_book_the_same_session_twice(officer, capacity, message):
    session = builders.session(capacity=max(capacity, 1))
    if capacity == 0:
        booking_services.book(session, LearnerFactory(), officer)  # takes the one place
    learner = LearnerFactory(full_name="Sam Lee")
    booking_services.book(session, learner, officer)
    with pytest.raises(ValidationError) as error:
        booking_services.book(session, learner, officer)
    assert _messages(error.value) == [message.format(name="Sam Lee")]
    assert session.bookings.filter(learner=learner).count() == 1


def test_a_learner_who_cancelled_may_book_again(officer):
    session = builders.session()
    learner = LearnerFactory()
    booking_services.cancel(booking_services.book(session, learner, officer), officer)
    again = booking_services.book(session, learner, officer)
    assert again.status == Booking.Status.BOOKED


def test_a_learner_who_has_left_cannot_be_booked(officer):
    learner = LearnerFactory(full_name="Ana Reid", is_active=False)
    with pytest.raises(ValidationError) as error:
        booking_services.book(builders.session(), learner, officer)
    assert _messages(error.value) == [booking_services.LEARNER_INACTIVE.format(name="Ana Reid")]


def test_booking_emails_the_learner_a_confirmation(officer, django_capture_on_commit_callbacks):
    learner = LearnerFactory(email="sam.lee@police.example")
    session = builders.session(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.book(session, learner, officer)
        booking_services.book(session, LearnerFactory(email="ana@health.example"), officer)
    assert [email.to for email in mail.outbox] == [
        ["sam.lee@police.example"],
        ["ana@health.example"],
    ]
    assert mail.outbox[0].subject.startswith("Booked: ")
    assert mail.outbox[1].subject.startswith("On the waiting list: ")
    assert "waiting list" in mail.outbox[1].body


def test_cancelling_a_place_moves_the_first_on_the_waiting_list_up_and_tells_them(
    officer, django_capture_on_commit_callbacks
):
    session = builders.session(capacity=1)
    holder = booking_services.book(session, LearnerFactory(), officer)
    first = booking_services.book(session, LearnerFactory(email="first@health.example"), officer)
    second = booking_services.book(session, LearnerFactory(), officer)
    with django_capture_on_commit_callbacks(execute=True):
        cancellation = booking_services.cancel(holder, officer)

    assert cancellation.moved_up == first
    first.refresh_from_db()
    second.refresh_from_db()
    holder.refresh_from_db()
    assert holder.status == Booking.Status.CANCELLED and holder.cancelled_at is not None
    assert first.status == Booking.Status.BOOKED
    assert second.status == Booking.Status.WAITING
    assert booking_services.waiting_list_position(second) == 1
    assert [email.to for email in mail.outbox] == [["first@health.example"]]
    assert "now yours" in mail.outbox[0].body


def test_leaving_the_waiting_list_gives_nobody_a_place(officer):
    session = builders.session(capacity=1)
    holder = booking_services.book(session, LearnerFactory(), officer)
    waiting = booking_services.book(session, LearnerFactory(), officer)
    assert booking_services.cancel(waiting, officer).moved_up is None
    holder.refresh_from_db()
    assert holder.status == Booking.Status.BOOKED


def test_a_booking_cannot_be_cancelled_twice(officer):
    place = booking_services.book(builders.session(), LearnerFactory(), officer)
    booking_services.cancel(place, officer)
    with pytest.raises(ValidationError) as error:
        booking_services.cancel(place, officer)
    assert _messages(error.value) == [states.ALREADY_CANCELLED]


def test_a_place_cannot_be_cancelled_once_the_session_has_started(officer, learner):
    place = builders.booking(learner, on=builders.session(days=-1))
    with pytest.raises(ValidationError) as error:
        booking_services.cancel(place, officer)
    assert _messages(error.value) == [states.CANCEL_AFTER_START]
    place.refresh_from_db()
    assert place.status == Booking.Status.BOOKED


def test_more_places_on_a_session_move_the_waiting_list_up(officer):
    session = builders.session(capacity=1)
    booking_services.book(session, LearnerFactory(), officer)
    waiting = [booking_services.book(session, LearnerFactory(), officer) for _ in range(3)]

    moved = services.session_update(
        session=session,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        capacity=3,
        venue=session.venue,
    )

    assert moved == waiting[:2]
    statuses = [Booking.objects.get(pk=b.pk).status for b in waiting]
    assert statuses == [Booking.Status.BOOKED, Booking.Status.BOOKED, Booking.Status.WAITING]


def test_a_session_cannot_have_fewer_places_than_are_booked(officer):
    session = builders.session(capacity=3)
    for _ in range(2):
        booking_services.book(session, LearnerFactory(), officer)
    with pytest.raises(ValidationError) as error:
        services.session_update(
            session=session,
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            capacity=1,
            venue=session.venue,
        )
    assert error.value.message_dict == {
        "capacity": [services.CAPACITY_BELOW_BOOKED.format(booked=2)]
    }
    session.refresh_from_db()
    assert session.capacity == 3


def test_the_database_refuses_a_second_live_booking_of_the_same_learner(learner):
    from django.db import IntegrityError, transaction

    place = builders.booking(learner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(
            session=place.session,
            learner=learner,
            status=Booking.Status.WAITING,
            booked_at=place.booked_at,
        )

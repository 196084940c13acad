"""Booking from the outside: who may book whom, what each person sees of a session, and the
lists of one's own and one's staff's training."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.learning.booking import services as booking_services
from safeboard.learning.booking import states
from safeboard.learning.booking.forms import CHOOSE_LEARNER, UNKNOWN_LEARNER
from safeboard.learning.factories import JobRoleFactory, LearnerFactory
from safeboard.learning.models import Booking
from tests.conftest import signed_in_client

from .. import builders

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return html.unescape(response.content.decode())


def test_a_practitioner_books_themself_a_place(practitioner_client, learner):
    session = builders.session()
    response = practitioner_client.post(reverse("learning:session_book", args=[session.pk]))
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == booking.get_absolute_url()
    assert booking.learner == learner and booking.status == Booking.Status.BOOKED
    followed = _page(practitioner_client.get(response["Location"]))
    assert "You have a place on" in followed


def test_a_full_session_offers_the_waiting_list(practitioner_client, learner):
    session = builders.session(capacity=1)
    builders.booking(LearnerFactory(), on=session)
    page = _page(practitioner_client.get(reverse("learning:session_book", args=[session.pk])))
    assert "Join the waiting list" in page
    response = practitioner_client.post(reverse("learning:session_book", args=[session.pk]))
    assert Booking.objects.get(learner=learner).status == Booking.Status.WAITING
    assert "number 1 on the waiting list" in _page(practitioner_client.get(response["Location"]))


def test_booking_a_past_session_shows_why_and_saves_nothing(practitioner_client, learner):
    session = builders.session(days=-1)
    response = practitioner_client.post(reverse("learning:session_book", args=[session.pk]))
    assert response.status_code == 400
    assert states.SESSION_STARTED in _page(response)
    assert not Booking.objects.exists()


def test_booking_twice_shows_a_clear_error(practitioner_client, learner):
    session = builders.session()
    builders.booking(learner, on=session)
    response = practitioner_client.post(reverse("learning:session_book", args=[session.pk]))
    assert response.status_code == 400
    assert booking_services.ALREADY_BOOKED.format(name=learner.full_name) in _page(response)
    assert Booking.objects.count() == 1


def test_a_line_manager_books_one_of_their_staff(cast, learner):
    manager_client = signed_in_client(cast[Role.AGENCY_LEAD])
    session = builders.session()
    page = _page(manager_client.get(reverse("learning:session_book", args=[session.pk])))
    assert "Who is the place for?" in page and learner.full_name in page
    response = manager_client.post(
        reverse("learning:session_book", args=[session.pk]), {"learner": learner.pk}
    )
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert booking.learner == learner and booking.booked_by == cast[Role.AGENCY_LEAD]


def test_a_line_manager_cannot_book_someone_who_is_not_their_staff(cast, learner):
    manager_client = signed_in_client(cast[Role.AGENCY_LEAD])
    stranger = LearnerFactory()
    session = builders.session()
    response = manager_client.post(
        reverse("learning:session_book", args=[session.pk]), {"learner": stranger.pk}
    )
    assert response.status_code == 400
    assert CHOOSE_LEARNER in _page(response)
    assert not Booking.objects.exists()


def test_the_learning_officer_books_anyone_by_email(officer_client, officer):
    learner = LearnerFactory(email="sam.lee@police.example")
    session = builders.session()
    response = officer_client.post(
        reverse("learning:session_book", args=[session.pk]), {"email": "Sam.Lee@police.example"}
    )
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.learner == learner and booking.booked_by == officer


def test_an_unknown_email_is_a_clear_error(officer_client):
    session = builders.session()
    response = officer_client.post(
        reverse("learning:session_book", args=[session.pk]), {"email": "nobody@police.example"}
    )
    assert response.status_code == 400
    assert UNKNOWN_LEARNER in _page(response)
    assert not Booking.objects.exists()


def test_a_practitioner_sees_counts_of_places_never_who_is_booked(practitioner_client):
    session = builders.session(capacity=3)
    other = LearnerFactory(full_name="Ana Reid", email="ana.reid@health.example")
    builders.booking(other, on=session)
    page = _page(practitioner_client.get(session.get_absolute_url()))
    assert "2 left" in page
    assert "Ana Reid" not in page and "ana.reid@health.example" not in page
    course_page = _page(practitioner_client.get(session.course.get_absolute_url()))
    assert "Ana Reid" not in course_page and "2 of 3" in course_page


def test_the_trainer_sees_who_is_booked(cast, trainer_client):
    session = builders.held_session(cast)
    builders.booking(LearnerFactory(full_name="Ana Reid"), on=session)
    page = _page(trainer_client.get(session.get_absolute_url()))
    assert "Who is booked" in page and "Ana Reid" in page


def test_my_training_lists_only_my_own_bookings(practitioner_client, learner):
    mine = builders.booking(learner)
    builders.booking(LearnerFactory(full_name="Ana Reid"), on=mine.session)
    other_course = builders.booking(LearnerFactory())
    page = _page(practitioner_client.get(reverse("learning:my_training")))
    assert mine.session.course.title in page
    assert other_course.session.course.title not in page
    assert "Ana Reid" not in page


def test_a_practitioner_cannot_open_someone_elses_booking(practitioner_client):
    other = builders.booking(LearnerFactory())
    assert practitioner_client.get(other.get_absolute_url()).status_code == 403
    cancel = reverse("learning:booking_cancel", args=[other.pk])
    assert practitioner_client.post(cancel).status_code == 403
    other.refresh_from_db()
    assert other.status == Booking.Status.BOOKED


def test_a_line_manager_sees_only_their_own_staffs_training(cast, learner):
    theirs = builders.booking(learner)
    stranger = builders.booking(LearnerFactory(full_name="Ana Reid"))
    page = _page(signed_in_client(cast[Role.AGENCY_LEAD]).get(reverse("learning:staff_training")))
    assert learner.full_name in page and theirs.session.course.title in page
    assert "Ana Reid" not in page and stranger.session.course.title not in page


def test_a_line_manager_cancels_their_staffs_place(cast, learner):
    place = builders.booking(learner)
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    response = client.post(reverse("learning:booking_cancel", args=[place.pk]))
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.status == Booking.Status.CANCELLED


def test_a_practitioner_cancels_their_own_place(practitioner_client, learner):
    place = builders.booking(learner)
    page = _page(practitioner_client.get(reverse("learning:booking_cancel", args=[place.pk])))
    assert "Cancel the place" in page
    response = practitioner_client.post(reverse("learning:booking_cancel", args=[place.pk]))
    assert response["Location"] == place.get_absolute_url()
    place.refresh_from_db()
    assert place.status == Booking.Status.CANCELLED


def test_a_learner_without_staff_is_not_offered_anyone_else(practitioner_client):
    session = builders.session()
    page = _page(practitioner_client.get(reverse("learning:session_book", args=[session.pk])))
    assert "Who is the place for?" not in page and "Book a place" in page


def test_staff_who_have_left_cannot_be_chosen(cast, learner):
    LearnerFactory(
        full_name="Ana Reid", manager=learner.manager, is_active=False, job_role=JobRoleFactory()
    )
    session = builders.session()
    page = _page(
        signed_in_client(cast[Role.AGENCY_LEAD]).get(
            reverse("learning:session_book", args=[session.pk])
        )
    )
    assert learner.full_name in page and "Ana Reid" not in page

"""Sessions and events: dates and places checked; cancelling a session tells everyone booked."""

from __future__ import annotations

import datetime
import html

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from safeboard.learning.factories import EventFactory, LearnerFactory
from safeboard.learning.models import Booking, Event, Session
from safeboard.learning.sessions import services

from .. import builders

pytestmark = pytest.mark.django_db
NEXT_WEEK = timezone.localdate() + datetime.timedelta(days=7)


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _session_form(**overrides) -> dict:
    data = {
        "day": NEXT_WEEK.isoformat(),
        "starts": "09:30",
        "ends": "12:30",
        "venue": "Civic Centre, Room 4",
        "capacity": "25",
        "trainer": "",
        "trainer_name": "Jo Marsh",
    }
    data.update(overrides)
    return data


def test_the_learning_officer_adds_a_session_to_a_course(officer_client, trainer):
    course = builders.course()
    response = officer_client.post(
        reverse("learning:session_create", args=[course.pk]), _session_form(trainer=trainer.pk)
    )
    session = Session.objects.get()
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    starts_at = timezone.localtime(session.starts_at)
    assert (starts_at.date(), starts_at.hour, starts_at.minute) == (NEXT_WEEK, 9, 30)
    assert session.trainer == trainer and session.capacity == 25


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ends": "09:00"}, services.SESSION_ENDS_BEFORE_START),
        ({"venue": ""}, services.NO_VENUE),
        ({"capacity": "0"}, "Enter the number of places as a whole number from 1 to 500."),
        ({"starts": "nine"}, "Enter the start time."),
    ],
)
def test_a_session_with_bad_input_is_refused_with_a_clear_error(officer_client, overrides, message):
    course = builders.course()
    response = officer_client.post(
        reverse("learning:session_create", args=[course.pk]), _session_form(**overrides)
    )
    assert response.status_code == 400
    assert message in _page(response)
    assert not Session.objects.exists()


def test_an_online_session_needs_no_venue(officer_client):
    course = builders.course()
    response = officer_client.post(
        reverse("learning:session_create", args=[course.pk]),
        _session_form(venue="", is_online="on"),
    )
    assert response.status_code == 302
    assert Session.objects.get().is_online


def test_a_session_of_an_event_falls_within_the_event(officer_client):
    event = EventFactory(starts_on=NEXT_WEEK, ends_on=NEXT_WEEK)
    course = builders.course()
    late = (NEXT_WEEK + datetime.timedelta(days=1)).isoformat()
    response = officer_client.post(
        reverse("learning:session_create", args=[course.pk]),
        _session_form(day=late, event=event.pk),
    )
    assert response.status_code == 400
    assert "The session must fall within the event" in _page(response)
    officer_client.post(
        reverse("learning:session_create", args=[course.pk]), _session_form(event=event.pk)
    )
    assert list(event.sessions.all()) == list(Session.objects.all())


def test_an_event_cannot_end_before_it_starts(officer_client):
    response = officer_client.post(
        reverse("learning:event_create"),
        {
            "title": "Learning from reviews 2027",
            "starts_on": NEXT_WEEK.isoformat(),
            "ends_on": (NEXT_WEEK - datetime.timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert services.EVENT_ENDS_BEFORE_START in _page(response)
    assert not Event.objects.exists()


def test_an_events_page_lists_its_sessions_with_places(practitioner_client):
    event = EventFactory(title="Learning from reviews 2027")
    session = builders.session(event=event, capacity=40)
    page = _page(practitioner_client.get(event.get_absolute_url()))
    assert session.course.title in page and "40 of 40" in page
    assert "Learning from reviews 2027" in _page(
        practitioner_client.get(reverse("learning:event_list"))
    )


def test_cancelling_a_session_cancels_every_booking_and_tells_everyone(
    officer_client, django_capture_on_commit_callbacks
):
    session = builders.session(capacity=1)
    booked = builders.booking(LearnerFactory(email="sam@police.example"), on=session)
    waiting = builders.booking(
        LearnerFactory(email="ana@health.example"), on=session, status=Booking.Status.WAITING
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(
            reverse("learning:session_cancel", args=[session.pk]),
            {"reason": "The trainer is ill; the course will run again in May."},
        )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == Session.Status.CANCELLED
    for booking in (booked, waiting):
        booking.refresh_from_db()
        assert booking.status == Booking.Status.CANCELLED
    assert sorted(email.to[0] for email in mail.outbox) == [
        "ana@health.example",
        "sam@police.example",
    ]
    assert "The trainer is ill" in mail.outbox[0].body


def test_a_session_cannot_be_cancelled_without_a_reason(officer_client):
    session = builders.session()
    response = officer_client.post(reverse("learning:session_cancel", args=[session.pk]), {})
    assert response.status_code == 400
    session.refresh_from_db()
    assert session.status == Session.Status.SCHEDULED


def test_a_session_that_has_started_cannot_be_cancelled(officer):
    session = builders.session(days=-1)
    with pytest.raises(ValidationError) as error:
        services.session_cancel(session=session, reason="Too late", cancelled_by=officer)
    assert error.value.messages == [services.SESSION_ALREADY_STARTED]


def test_a_cancelled_session_cannot_be_changed(officer):
    session = builders.session(status=Session.Status.CANCELLED)
    with pytest.raises(ValidationError):
        services.session_update(
            session=session,
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            capacity=30,
            venue="Elsewhere",
        )

"""Training's lists take as many queries for many records as for a few: no N+1."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.learning.factories import EvaluationFactory, EventFactory, LearnerFactory
from safeboard.learning.models import Booking, Charge
from tests.conftest import signed_in_client

from . import builders

pytestmark = pytest.mark.django_db


def _fetch(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _count(client, url) -> int:
    _fetch(client, url)  # warm the content type cache and the session outside the count
    with CaptureQueriesContext(connection) as context:
        _fetch(client, url)
    return len(context.captured_queries)


def _same_for_more(client, url, add_more, django_assert_num_queries) -> None:
    few = _count(client, url)
    add_more()
    with django_assert_num_queries(few):
        _fetch(client, url)


def _courses(count: int) -> None:
    theme = builders.theme()
    for _ in range(count):
        course = builders.course()
        course.themes.add(theme)
        builders.session(course=course)


def test_the_catalogue(cast, officer_client, django_assert_num_queries):
    _courses(2)
    _same_for_more(
        officer_client,
        reverse("learning:course_list"),
        lambda: _courses(12),
        django_assert_num_queries,
    )


def test_a_course_page_with_its_sessions_and_results(cast, django_assert_num_queries):
    client = signed_in_client(cast[Role.LEARNING_OFFICER])
    course = builders.course()

    def sessions(count: int) -> None:
        for n in range(count):
            held = builders.session(days=-10 - n, course=course)
            EvaluationFactory(booking=builders.attended(LearnerFactory(), on=held))
            builders.booking(LearnerFactory(), on=builders.session(days=5 + n, course=course))

    sessions(1)
    _same_for_more(
        client, course.get_absolute_url(), lambda: sessions(6), django_assert_num_queries
    )


def test_a_session_page_with_its_bookings(cast, trainer_client, django_assert_num_queries):
    session = builders.held_session(cast)

    def bookings(count: int) -> None:
        for _ in range(count):
            EvaluationFactory(booking=builders.attended(LearnerFactory(), on=session))

    bookings(1)
    _same_for_more(
        trainer_client, session.get_absolute_url(), lambda: bookings(8), django_assert_num_queries
    )


def test_the_attendance_form(cast, trainer_client, django_assert_num_queries):
    session = builders.held_session(cast)
    url = reverse("learning:attendance", args=[session.pk])
    builders.booking(LearnerFactory(), on=session)
    _same_for_more(
        trainer_client,
        url,
        lambda: [builders.booking(LearnerFactory(), on=session) for _ in range(8)],
        django_assert_num_queries,
    )


def test_my_training(practitioner_client, learner, django_assert_num_queries):
    def bookings(count: int) -> None:
        for _ in range(count):
            builders.booking(learner)
            builders.evaluated(learner)

    bookings(1)
    _same_for_more(
        practitioner_client,
        reverse("learning:my_training"),
        lambda: bookings(5),
        django_assert_num_queries,
    )


def test_my_staffs_training(cast, learner, django_assert_num_queries):
    client = signed_in_client(cast[Role.AGENCY_LEAD])

    def staff(count: int) -> None:
        for _ in range(count):
            member = LearnerFactory(manager=learner.manager)
            builders.booking(member)
            builders.attended(member)

    staff(1)
    _same_for_more(
        client, reverse("learning:staff_training"), lambda: staff(5), django_assert_num_queries
    )


def test_an_events_page(practitioner_client, django_assert_num_queries):
    event = EventFactory()
    builders.session(event=event)
    _same_for_more(
        practitioner_client,
        event.get_absolute_url(),
        lambda: [builders.session(event=event) for _ in range(6)],
        django_assert_num_queries,
    )


@pytest.mark.parametrize("query", ["", "?format=csv"])
def test_the_charges_list_and_its_export(officer_client, django_assert_num_queries, query):
    def charges(count: int) -> None:
        for _ in range(count):
            place = builders.attended(LearnerFactory())
            Charge.objects.create(
                booking=place,
                agency=place.learner.agency,
                kind=Charge.Kind.PLACE,
                amount="45.00",
                raised_on=place.session.starts_at.date(),
            )

    charges(1)
    _same_for_more(
        officer_client,
        reverse("learning:charge_list") + query,
        lambda: charges(8),
        django_assert_num_queries,
    )


def test_the_home_page_panel_is_two_indexed_queries_whatever_the_bookings(
    cast, learner, django_assert_num_queries
):
    from safeboard.learning.home import training_panel

    for _ in range(4):
        builders.booking(learner)
        builders.attended(learner)
    user = cast[Role.PRACTITIONER]
    user = type(user).objects.get(pk=user.pk)  # nothing cached on the account
    with django_assert_num_queries(2):  # the learner's own bookings; the trainer's sessions
        panel = training_panel(user=user, today=None)
    assert len(panel["next_places"]) == 4 and len(panel["to_evaluate"]) == 4
    assert all(b.status == Booking.Status.BOOKED for b in panel["next_places"])

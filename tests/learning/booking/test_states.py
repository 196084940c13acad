"""What a booking's state allows: each predicate, and the same predicate deciding the page's
buttons, the form page (on GET as on POST) and the service."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.learning.booking import states
from safeboard.learning.factories import FollowUpFactory
from safeboard.learning.models import Booking, Session
from tests.conftest import signed_in_client

from .. import builders

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _fresh(booking: Booking) -> Booking:
    return Booking.objects.select_related("session", "evaluation", "follow_up").get(pk=booking.pk)


# ---- the predicates -------------------------------------------------------------------------


def test_a_place_to_come_can_be_cancelled(learner):
    assert states.can_cancel(builders.booking(learner))


def test_a_cancelled_booking_cannot_be_cancelled_again(learner):
    place = builders.booking(learner, status=Booking.Status.CANCELLED)
    assert states.cancel_refusal(place) == states.ALREADY_CANCELLED


def test_a_place_cannot_be_cancelled_once_the_session_has_started(learner):
    place = builders.booking(learner, on=builders.session(days=-1))
    assert states.cancel_refusal(place) == states.CANCEL_AFTER_START


def test_a_session_to_come_can_be_booked():
    assert states.can_book(builders.session())


def test_a_cancelled_session_cannot_be_booked():
    session = builders.session(status=Session.Status.CANCELLED)
    assert states.book_refusal(session) == states.SESSION_CANCELLED


def test_a_session_that_has_started_cannot_be_booked():
    assert states.book_refusal(builders.session(days=-1)) == states.SESSION_STARTED


def test_only_an_attendee_can_evaluate(learner):
    no_show = builders.booking(
        learner, on=builders.session(days=-3), attendance=Booking.Attendance.NO_SHOW
    )
    assert states.evaluation_refusal(_fresh(no_show)) == states.NOT_ATTENDED
    assert states.can_evaluate(_fresh(builders.attended(learner)))


def test_an_evaluated_session_cannot_be_evaluated_again(learner):
    place = _fresh(builders.evaluated(learner))
    assert states.evaluation_refusal(place) == states.ALREADY_EVALUATED


def test_the_certificate_waits_for_attendance_then_the_evaluation(learner):
    place = builders.booking(learner)
    assert states.certificate_refusal(_fresh(place)) == states.CERTIFICATE_NOT_ATTENDED
    attended = _fresh(builders.attended(learner))
    assert states.certificate_refusal(attended) == states.CERTIFICATE_NEEDS_EVALUATION
    assert states.certificate_ready(_fresh(builders.evaluated(learner)))


def test_the_follow_up_is_answered_once_after_it_is_sent(learner):
    place = builders.attended(learner)
    assert states.follow_up_refusal(states.follow_up_of(_fresh(place))) == states.NO_FOLLOW_UP
    follow_up = FollowUpFactory(booking=place, sent_on=place.session.starts_at.date())
    assert states.can_answer_follow_up(_fresh(place))
    follow_up.practice_changed, follow_up.responded_at = "no", place.session.starts_at
    follow_up.save()
    assert states.follow_up_refusal(states.follow_up_of(_fresh(place))) == states.ALREADY_ANSWERED


# ---- the same predicate on the page, the form and the service --------------------------------


def test_the_booking_page_offers_cancelling_only_while_the_state_allows_it(
    practitioner_client, learner
):
    place = builders.booking(learner)
    cancel = reverse("learning:booking_cancel", args=[place.pk])
    assert cancel in _page(practitioner_client.get(place.get_absolute_url()))
    started = builders.booking(learner, on=builders.session(days=-1))
    assert reverse("learning:booking_cancel", args=[started.pk]) not in _page(
        practitioner_client.get(started.get_absolute_url())
    )


def test_the_cancel_form_of_a_cancelled_booking_is_refused_on_get_as_on_post(
    practitioner_client, learner
):
    place = builders.booking(learner, status=Booking.Status.CANCELLED)
    url = reverse("learning:booking_cancel", args=[place.pk])
    shown, posted = practitioner_client.get(url), practitioner_client.post(url)
    assert shown.status_code == posted.status_code == 400
    assert states.ALREADY_CANCELLED in _page(shown)
    assert states.ALREADY_CANCELLED in _page(posted)


def test_the_evaluation_form_of_an_evaluated_session_is_refused_on_get_as_on_post(
    practitioner_client, learner
):
    place = builders.evaluated(learner)
    url = reverse("learning:evaluation", args=[place.pk])
    shown, posted = practitioner_client.get(url), practitioner_client.post(url, {})
    assert shown.status_code == posted.status_code == 400
    assert states.ALREADY_EVALUATED in _page(shown)
    assert states.ALREADY_EVALUATED in _page(posted)


def test_the_follow_up_form_before_the_survey_is_sent_is_refused_on_get_as_on_post(
    practitioner_client, learner
):
    place = builders.attended(learner)
    url = reverse("learning:follow_up", args=[place.pk])
    shown = practitioner_client.get(url)
    posted = practitioner_client.post(url, {"practice_changed": "no"})
    assert shown.status_code == posted.status_code == 400
    assert states.NO_FOLLOW_UP in _page(shown)
    assert states.NO_FOLLOW_UP in _page(posted)


def test_booking_a_started_session_is_refused_on_get_as_on_post(practitioner_client, learner):
    session = builders.session(days=-1)
    url = reverse("learning:session_book", args=[session.pk])
    shown, posted = practitioner_client.get(url), practitioner_client.post(url)
    assert shown.status_code == posted.status_code == 400
    assert states.SESSION_STARTED in _page(shown)
    assert states.SESSION_STARTED in _page(posted)
    assert not Booking.objects.exists()


def test_the_line_manager_is_offered_the_cancel_link_the_practitioner_is_offered(cast, learner):
    place = builders.booking(learner)
    page = _page(signed_in_client(cast[Role.AGENCY_LEAD]).get(place.get_absolute_url()))
    assert reverse("learning:booking_cancel", args=[place.pk]) in page

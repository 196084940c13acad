"""Evaluation after a session: confidence before and after on every outcome, satisfaction,
each from 1 to 5; the certificate once it is in; the follow-up survey three months on."""

from __future__ import annotations

import html

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from safeboard.learning.booking import states
from safeboard.learning.evaluation import services as evaluation
from safeboard.learning.evaluation.services import Rating, after_field, before_field
from safeboard.learning.evaluation.views import CERTIFICATE_TEMPLATE
from safeboard.learning.factories import FollowUpFactory
from safeboard.learning.models import Booking, Evaluation, FollowUp, OutcomeRating

from .. import builders

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _answers(place: Booking, before: int = 2, after: int = 4, satisfaction: int = 5) -> dict:
    data = {"satisfaction": str(satisfaction), "comments": "Useful case studies."}
    for outcome in place.session.course.outcomes.all():
        data[before_field(outcome.pk)] = str(before)
        data[after_field(outcome.pk)] = str(after)
    return data


def test_the_attendee_evaluates_the_session(practitioner_client, learner):
    place = builders.attended(learner)
    url = reverse("learning:evaluation", args=[place.pk])
    page = _page(practitioner_client.get(url))
    for number, text in enumerate(builders.OUTCOMES, start=1):
        assert f"Outcome {number}: {text}" in page
    response = practitioner_client.post(url, _answers(place))
    assert response.status_code == 302
    saved = Evaluation.objects.get(booking=place)
    assert saved.satisfaction == 5 and saved.comments == "Useful case studies."
    assert (
        sorted(saved.ratings.values_list("confidence_before", "confidence_after")) == [(2, 4)] * 3
    )


@pytest.mark.parametrize("score", ["0", "6", "seven"])
def test_an_out_of_range_rating_is_a_clear_error_naming_the_outcome(
    practitioner_client, learner, score
):
    place = builders.attended(learner)
    data = _answers(place)
    first = place.session.course.outcomes.order_by("position").first()
    data[after_field(first.pk)] = score
    response = practitioner_client.post(reverse("learning:evaluation", args=[place.pk]), data)
    assert response.status_code == 400
    expected = evaluation.OUT_OF_RANGE.format(
        what=f"your confidence after the session on “{first.text}”"
    )
    assert expected in _page(response)
    assert not Evaluation.objects.exists() and not OutcomeRating.objects.exists()


def test_an_outcome_left_unrated_is_named(practitioner_client, learner):
    place = builders.attended(learner)
    data = _answers(place)
    last = place.session.course.outcomes.order_by("position").last()
    del data[before_field(last.pk)]
    response = practitioner_client.post(reverse("learning:evaluation", args=[place.pk]), data)
    assert response.status_code == 400
    assert evaluation.NOT_RATED.format(outcome=last.text) in _page(response)
    assert not Evaluation.objects.exists()


def test_the_service_refuses_out_of_range_scores_and_saves_nothing(learner):
    place = builders.attended(learner)
    ratings = {o.pk: Rating(before=3, after=4) for o in place.session.course.outcomes.all()}
    with pytest.raises(ValidationError) as error:
        evaluation.evaluation_submit(booking=place, ratings=ratings, satisfaction=9)
    assert error.value.message_dict == {
        "satisfaction": [evaluation.OUT_OF_RANGE.format(what="your overall satisfaction")]
    }
    assert not Evaluation.objects.exists()


def test_the_database_refuses_a_rating_outside_1_to_5(learner):
    place = builders.attended(learner)
    saved = Evaluation.objects.create(booking=place, satisfaction=3, submitted_at=place.booked_at)
    with pytest.raises(IntegrityError), transaction.atomic():
        OutcomeRating.objects.create(
            evaluation=saved,
            outcome=place.session.course.outcomes.first(),
            confidence_before=6,
            confidence_after=3,
        )


def test_only_someone_who_attended_can_evaluate(learner):
    place = builders.booking(learner, on=builders.session(days=-3), attendance="no_show")
    with pytest.raises(ValidationError) as error:
        evaluation.evaluation_submit(booking=place, ratings={}, satisfaction=4)
    assert error.value.messages == [states.NOT_ATTENDED]


def test_a_session_is_evaluated_once(practitioner_client, learner):
    place = builders.evaluated(learner)
    response = practitioner_client.post(
        reverse("learning:evaluation", args=[place.pk]), _answers(place)
    )
    assert response.status_code == 400
    assert states.ALREADY_EVALUATED in _page(response)
    assert Evaluation.objects.count() == 1


def test_the_certificate_waits_for_the_evaluation_and_says_why(practitioner_client, learner):
    place = builders.attended(learner)
    response = practitioner_client.get(reverse("learning:certificate", args=[place.pk]))
    assert response.status_code == 403
    page = _page(response)
    assert "released once the evaluation of the session is complete" in page
    assert reverse("learning:evaluation", args=[place.pk]) in page


def test_the_certificate_is_a_pdf_once_the_evaluation_is_in(practitioner_client, learner):
    place = builders.evaluated(learner)
    response = practitioner_client.get(reverse("learning:certificate", args=[place.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_the_certificate_fits_one_page_with_many_outcomes(learner):
    from weasyprint import HTML

    course = builders.course(
        outcomes=[f"Outcome {n}: " + "practise it well " * 8 for n in range(8)]
    )
    place = builders.evaluated(learner, on=builders.session(days=-2, course=course))
    html_text = render_to_string(CERTIFICATE_TEMPLATE, evaluation.certificate_context(place))
    assert learner.full_name in html_text and course.title in html_text
    assert len(HTML(string=html_text).render().pages) == 1


def test_a_no_show_gets_no_certificate(practitioner_client, learner):
    place = builders.booking(learner, on=builders.session(days=-3), attendance="no_show")
    response = practitioner_client.get(reverse("learning:certificate", args=[place.pk]))
    assert response.status_code == 403
    assert "only to someone marked as having attended" in _page(response)


def test_the_learner_answers_the_follow_up_survey(practitioner_client, learner):
    place = builders.followed_up(learner)
    response = practitioner_client.post(
        reverse("learning:follow_up", args=[place.pk]),
        {"practice_changed": "partly", "what_changed": "I ask about the family's network."},
    )
    assert response.status_code == 302
    answer = FollowUp.objects.get(booking=place)
    assert answer.practice_changed == FollowUp.Change.PARTLY and answer.responded_at


def test_a_change_in_practice_must_say_what_changed(practitioner_client, learner):
    place = builders.followed_up(learner)
    response = practitioner_client.post(
        reverse("learning:follow_up", args=[place.pk]), {"practice_changed": "yes"}
    )
    assert response.status_code == 400
    assert evaluation.NO_CHANGE_DETAIL in _page(response)
    assert FollowUp.objects.get(booking=place).responded_at is None


def test_the_follow_up_is_answered_once_and_only_when_sent(learner):
    place = builders.attended(learner)
    with pytest.raises(ValidationError) as error:
        evaluation.follow_up_respond(booking=place, practice_changed="no")
    assert error.value.messages == [states.NO_FOLLOW_UP]
    FollowUpFactory(booking=place)
    evaluation.follow_up_respond(booking=place, practice_changed="no")
    with pytest.raises(ValidationError) as error:
        evaluation.follow_up_respond(booking=place, practice_changed="yes", what_changed="x")
    assert error.value.messages == [states.ALREADY_ANSWERED]

"""The three-month follow-up, aggregated: sent, answered, changed, partly, not changed, and
confidence before, after and at the follow-up."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from safeboard.learning.evaluation.follow_up import (
    FollowUpSummary,
    follow_up_answers,
    follow_up_summary,
)
from safeboard.learning.evaluation.services import follow_up_respond
from safeboard.learning.factories import EvaluationFactory, FollowUpFactory, LearnerFactory
from safeboard.learning.models import FollowUp

from .. import builders

pytestmark = pytest.mark.django_db

SENT = timezone.localdate() - datetime.timedelta(days=5)


def _followed_up(session, *, answer=None, what="", confidence=None, ratings=None):
    place = builders.attended(LearnerFactory(), on=session)
    if ratings is not None:
        outcome = session.course.outcomes.order_by("position").first()
        EvaluationFactory(booking=place, ratings={outcome: ratings})
    FollowUpFactory(booking=place, sent_on=SENT)
    if answer is not None:
        follow_up_respond(
            booking=place, practice_changed=answer, what_changed=what, confidence=confidence
        )
    return place


@pytest.fixture
def followed_up_course():
    """Two sessions; five follow-ups sent, four answered: yes, yes, partly, no."""
    course = builders.course(outcomes=["Spot it"])
    first = builders.session(days=-120, course=course)
    second = builders.session(days=-100, course=course)
    _followed_up(
        first, answer="yes", what="I ask who else lives there", confidence=5, ratings=(1, 4)
    )
    _followed_up(first, answer="yes", what="I call the school", confidence=3, ratings=(2, 4))
    _followed_up(first, answer="partly", what="Sometimes I check", ratings=(3, 3))
    _followed_up(second, answer="no", confidence=4, ratings=(2, 5))
    _followed_up(second, ratings=(1, 1))  # not answered: its ratings do not count
    return course, first, second


def test_a_course_summary_counts_answers_and_means(followed_up_course):
    course, _, _ = followed_up_course
    summary = follow_up_summary(course=course)
    assert (summary.sent, summary.responses) == (5, 4)
    assert (summary.changed, summary.partly, summary.not_changed) == (2, 1, 1)
    assert summary.response_rate == pytest.approx(0.8)
    assert summary.changed_share == pytest.approx(0.5)
    assert summary.partly_share == pytest.approx(0.25)
    assert summary.not_changed_share == pytest.approx(0.25)
    assert summary.mean_confidence_before == pytest.approx(2.0)
    assert summary.mean_confidence_after == pytest.approx(4.0)
    assert summary.mean_confidence_follow_up == pytest.approx(4.0)


def test_a_session_or_sessions_narrow_the_summary(followed_up_course):
    _, first, second = followed_up_course
    one = follow_up_summary(session=second)
    assert (one.sent, one.responses, one.not_changed) == (2, 1, 1)
    both = follow_up_summary(sessions=[first, second])
    assert (both.sent, both.responses) == (5, 4)
    assert follow_up_summary(sessions=[]).sent == 0


def test_nothing_sent_gives_no_rates():
    summary = follow_up_summary(course=builders.course())
    assert summary == FollowUpSummary(0, 0, 0, 0, 0, None, None, None)
    assert summary.response_rate is None and summary.changed_share is None


def test_a_summary_needs_something_to_summarise():
    with pytest.raises(TypeError):
        follow_up_summary()


def test_the_summary_takes_two_queries_whatever_the_number_of_sessions(
    followed_up_course, django_assert_num_queries
):
    course, first, second = followed_up_course
    with django_assert_num_queries(2):
        follow_up_summary(course=course)
    with django_assert_num_queries(2):
        follow_up_summary(sessions=[first, second])


def test_what_changed_is_listed_latest_first_without_names(followed_up_course):
    course, _, _ = followed_up_course
    assert follow_up_answers(course=course) == [
        "Sometimes I check",
        "I call the school",
        "I ask who else lives there",
    ]


def test_confidence_at_follow_up_is_optional_and_rated_1_to_5():
    place = builders.followed_up(LearnerFactory())
    with pytest.raises(ValidationError) as refused:
        follow_up_respond(booking=place, practice_changed="no", confidence=6)
    assert "confidence" in refused.value.message_dict
    follow_up_respond(booking=place, practice_changed="no")
    assert FollowUp.objects.get(booking=place).confidence_follow_up is None


def test_the_learner_says_how_confident_they_feel_now(practitioner_client, learner):
    place = builders.followed_up(learner)
    form = practitioner_client.get(reverse("learning:follow_up", args=[place.pk]))
    assert "How confident do you feel now? (optional)" in form.content.decode()
    response = practitioner_client.post(
        reverse("learning:follow_up", args=[place.pk]),
        {"practice_changed": "yes", "what_changed": "I ask who else lives there.", "confidence": 4},
    )
    assert response.status_code == 302
    assert FollowUp.objects.get(booking=place).confidence_follow_up == 4


def test_a_confidence_outside_1_to_5_is_refused_by_the_form(practitioner_client, learner):
    place = builders.followed_up(learner)
    response = practitioner_client.post(
        reverse("learning:follow_up", args=[place.pk]),
        {"practice_changed": "no", "confidence": 9},
    )
    assert response.status_code == 400
    assert FollowUp.objects.get(booking=place).responded_at is None


def test_the_database_refuses_a_confidence_outside_1_to_5():
    follow_up = FollowUpFactory(booking=builders.attended(LearnerFactory()))
    follow_up.confidence_follow_up = 0
    with pytest.raises(IntegrityError), transaction.atomic():
        follow_up.save()

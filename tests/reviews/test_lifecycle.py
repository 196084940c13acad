"""The named states of a case review, and the actions each allows: the same refusal for the
service, for the GET of the action's form and for the button on the review's page."""

from __future__ import annotations

import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from safeboard.reviews import lifecycle
from safeboard.reviews.conduct import services as conduct_services
from safeboard.reviews.factories import DecisionFactory, MilestoneFactory, ReviewFactory
from safeboard.reviews.models import Review

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
Stage = Review.Stage


def _refused_page(client, url_name, review, message, **kwargs):
    response = client.get(reverse(f"reviews:{url_name}", kwargs={"pk": review.pk, **kwargs}))
    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())
    return response


@pytest.mark.parametrize(
    ("stage", "is_open"),
    [
        (Stage.REFERRED, True),
        (Stage.DECIDED, True),
        (Stage.IN_REVIEW, True),
        (Stage.REPORTED, True),
        (Stage.PUBLISHED, False),
        (Stage.CLOSED, False),
    ],
)
def test_a_case_is_open_until_it_is_closed_or_published(review, stage, is_open):
    review.stage = stage
    assert lifecycle.is_open(review) is is_open
    assert (lifecycle.addition_refusal(review) is None) is is_open


def test_a_review_is_published_only_with_its_stage_and_its_date(review):
    review.stage = Stage.PUBLISHED
    assert not lifecycle.is_published(review)
    review.published_on = TODAY
    assert lifecycle.is_published(review)
    assert review.is_published


def test_the_published_filter_finds_the_reviews_is_published_names(wt2023):
    published = ReviewFactory(edition=wt2023, stage=Stage.PUBLISHED, published_on=TODAY)
    ReviewFactory(edition=wt2023, stage=Stage.PUBLISHED)
    ReviewFactory(edition=wt2023, stage=Stage.REPORTED, published_on=TODAY)
    assert list(Review.objects.filter(lifecycle.published_q())) == [published]


@pytest.mark.parametrize(
    ("stage", "refusal"),
    [
        (Stage.IN_REVIEW, lifecycle.NO_FINAL_REPORT),
        (Stage.REPORTED, None),
    ],
)
def test_a_review_is_published_only_once_its_final_report_is_in(review, stage, refusal):
    review.stage = stage
    assert lifecycle.publication_refusal(review) == refusal


def test_a_review_is_published_only_once(review):
    review.stage, review.published_on = Stage.PUBLISHED, TODAY
    assert lifecycle.publication_refusal(review).startswith("This review was already published")


def test_the_decision_can_change_until_it_is_signed_off_or_the_review_reports(review):
    decision = DecisionFactory(review=review)
    assert lifecycle.decision_refusal(review, decision) is None
    review.stage = Stage.REPORTED
    assert lifecycle.decision_refusal(review, decision) == lifecycle.DECISION_TOO_LATE
    decision.signed_off_at = timezone.now()
    assert lifecycle.decision_refusal(review, decision) == lifecycle.DECISION_SIGNED_OFF


def test_the_rapid_review_waits_for_the_notification(review):
    assert lifecycle.rapid_review_refusal(review) == lifecycle.RAPID_REVIEW_BEFORE_NOTIFICATION
    assert lifecycle.rapid_review_waits_for_notification(review)
    assert not lifecycle.rapid_review_awaited(review)
    review.notification_sent_on = review.aware_date
    assert lifecycle.rapid_review_refusal(review) is None
    assert lifecycle.rapid_review_awaited(review)


def test_the_service_refuses_with_the_states_reason(review):
    with pytest.raises(ValidationError) as refused:
        conduct_services.review_publish(review=review, published_on=TODAY)
    assert refused.value.messages == [lifecycle.NO_FINAL_REPORT]


def test_the_publication_form_is_refused_before_the_final_report(manager_client, review):
    _refused_page(manager_client, "publish", review, lifecycle.NO_FINAL_REPORT)


def test_the_review_page_offers_no_publication_before_the_final_report(manager_client, review):
    response = manager_client.get(review.get_absolute_url())
    assert reverse("reviews:publish", kwargs={"pk": review.pk}) not in response.content.decode()


def test_the_set_up_form_is_refused_when_no_review_is_held(manager_client, review):
    _refused_page(manager_client, "setup", review, lifecycle.NOT_IN_REVIEW)


def test_ofsteds_grade_is_refused_for_a_practice_review(manager_client, review):
    _refused_page(manager_client, "quality", review, lifecycle.NOT_GRADED)


def test_the_panels_feedback_waits_for_the_final_report(manager_client, review):
    _refused_page(manager_client, "panel_feedback", review, lifecycle.FEEDBACK_BEFORE_REPORT)


def test_the_rapid_review_form_is_refused_before_the_notification(manager_client, review):
    _refused_page(
        manager_client, "rapid_review", review, lifecycle.RAPID_REVIEW_BEFORE_NOTIFICATION
    )


def test_the_notification_form_is_refused_where_the_edition_has_none(manager_client, wt2010):
    review = ReviewFactory(edition=wt2010)
    message = lifecycle.NO_NOTIFICATION.format(edition=wt2010)
    _refused_page(manager_client, "notification", review, message)


def test_the_decision_form_is_refused_once_signed_off(manager_client, review):
    DecisionFactory(review=review, signed_off_at=timezone.now())
    _refused_page(manager_client, "decision_record", review, lifecycle.DECISION_SIGNED_OFF)


def test_the_sign_off_form_is_refused_once_signed_off(chair_client, review):
    DecisionFactory(review=review, signed_off_at=timezone.now())
    _refused_page(chair_client, "decision_sign_off", review, lifecycle.ALREADY_SIGNED_OFF)


def test_forms_that_add_to_a_case_are_refused_once_it_is_closed(manager_client, review):
    Review.objects.filter(pk=review.pk).update(stage=Stage.CLOSED)
    message = "This case is closed without a review: nothing more can be added to it."
    for url_name in ("contribution_request", "event_add", "milestone_add"):
        _refused_page(manager_client, url_name, review, message)


def test_the_milestone_done_form_is_refused_once_it_is_done(manager_client, review):
    milestone = MilestoneFactory(review=review, completed_on=TODAY)
    response = _refused_page(
        manager_client,
        "milestone_complete",
        review,
        "This milestone was already completed",
        milestone_pk=milestone.pk,
    )
    assert "Error:" in response.content.decode()


def test_an_allowed_form_is_shown(manager_client, review):
    response = manager_client.get(reverse("reviews:notification", kwargs={"pk": review.pk}))
    assert response.status_code == 200

"""A review's page: its steps with due dates, days left and overdue flags; the notification and
the rapid review recorded on it, never the rapid review first."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.reviews import lifecycle
from safeboard.reviews.cases.steps import statutory_steps
from safeboard.reviews.factories import ReviewFactory
from safeboard.reviews.frameworks import services as framework_services
from safeboard.reviews.frameworks.timescales import add_working_days, working_days_between
from safeboard.reviews.models import RapidReviewBasis, Review
from safeboard.reviews.referral import services
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _long(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _page(client, review) -> str:
    response = client.get(reverse("reviews:detail", kwargs={"pk": review.pk}))
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_each_due_date_with_the_working_days_left(cast, wt2023, manager_client):
    review = ReviewFactory(edition=wt2023, aware_date=TODAY, incident_date=TODAY)
    notification = add_working_days(TODAY, 5)
    rapid = add_working_days(TODAY, 15)

    page = _page(manager_client, review)

    assert _long(notification) in page
    assert _long(rapid) in page
    assert "5 working days left" in page
    assert f"({(notification - TODAY).days} calendar days)" in page
    assert "15 working days left" in page


def test_an_overdue_step_is_flagged_in_words_not_only_colour(cast, wt2023, manager_client):
    aware = TODAY - datetime.timedelta(days=40)
    review = ReviewFactory(edition=wt2023, aware_date=aware, incident_date=aware)
    overdue_by = working_days_between(add_working_days(aware, 5), TODAY)

    page = _page(manager_client, review)

    assert "govuk-tag--red" in page and ">Overdue<" in page
    assert f"{overdue_by} working day{'s' if overdue_by != 1 else ''} overdue" in page


def test_the_notification_then_the_rapid_review(cast, review):
    sent = review.aware_date
    services.record_notification_sent(review=review, sent_on=sent)
    services.record_rapid_review_sent(review=review, sent_on=sent)
    review.refresh_from_db()
    steps = {step.key: step for step in statutory_steps(review, today=TODAY)}
    assert steps["notification"].done and steps["rapid_review"].done
    assert steps["rapid_review"].done_on == sent


def test_a_rapid_review_cannot_be_sent_before_the_notification(cast, review):
    with pytest.raises(ValidationError) as error:
        services.record_rapid_review_sent(review=review, sent_on=review.aware_date)
    assert error.value.messages == [lifecycle.RAPID_REVIEW_BEFORE_NOTIFICATION]
    review.refresh_from_db()
    assert review.rapid_review_sent_on is None


def test_nor_dated_before_the_notification(cast):
    aware = TODAY - datetime.timedelta(days=10)
    review = ReviewFactory(aware_date=aware, incident_date=aware)
    services.record_notification_sent(review=review, sent_on=aware + datetime.timedelta(days=2))
    with pytest.raises(ValidationError) as error:
        services.record_rapid_review_sent(review=review, sent_on=aware + datetime.timedelta(days=1))
    assert "sent_on" in error.value.message_dict


def test_a_notification_cannot_predate_becoming_aware_or_follow_the_rapid_review(cast):
    aware = TODAY - datetime.timedelta(days=10)
    review = ReviewFactory(aware_date=aware, incident_date=aware - datetime.timedelta(days=3))
    with pytest.raises(ValidationError):
        services.record_notification_sent(review=review, sent_on=aware - datetime.timedelta(days=1))
    services.record_notification_sent(review=review, sent_on=aware)
    services.record_rapid_review_sent(review=review, sent_on=aware + datetime.timedelta(days=1))
    with pytest.raises(ValidationError):
        services.record_notification_sent(review=review, sent_on=aware + datetime.timedelta(days=2))


def test_there_is_no_notification_under_working_together_2010(cast, wt2010):
    review = ReviewFactory(edition=wt2010)
    with pytest.raises(ValidationError):
        services.record_notification_sent(review=review, sent_on=review.aware_date)
    assert [step.key for step in statutory_steps(review, today=TODAY)] == ["decision"]


def test_counted_from_the_notification_the_rapid_review_is_due_from_the_day_sent(cast, wt2023):
    values = {f: getattr(wt2023, f) for f in framework_services.TIMESCALE_FIELDS}
    values.update(rapid_review_basis=RapidReviewBasis.NOTIFIED, reason="Local procedure.")
    framework_services.edition_update(edition=wt2023, **values)
    aware = TODAY - datetime.timedelta(days=20)
    review = services.refer_case(
        edition=wt2023,
        child_pseudonym="Child E",
        age_band=Review.AgeBand.AGE_10_15,
        agencies=[cast.home_agency],
        incident_date=aware,
        aware_date=aware,
        summary="A young person was seriously harmed.",
        referred_by=cast[Role.BUSINESS_MANAGER],
    )
    waiting = {step.key: step for step in statutory_steps(review, today=TODAY)}["rapid_review"]
    assert waiting.due_on is None and waiting.status == "Waiting"

    notified = aware + datetime.timedelta(days=6)
    services.record_notification_sent(review=review, sent_on=notified)
    review.refresh_from_db()
    rapid = {step.key: step for step in statutory_steps(review, today=TODAY)}["rapid_review"]
    assert rapid.due_on == add_working_days(notified, 15)


def test_the_notification_form_records_the_day(cast, review, manager_client):
    url = reverse("reviews:notification", kwargs={"pk": review.pk})
    assert "Due by" in manager_client.get(url).content.decode()
    response = manager_client.post(url, {"sent_on": review.aware_date.isoformat()})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.notification_sent_on == review.aware_date


def test_the_rapid_review_form_refuses_before_the_notification(cast, review, manager_client):
    response = manager_client.post(
        reverse("reviews:rapid_review", kwargs={"pk": review.pk}),
        {"sent_on": review.aware_date.isoformat()},
    )
    assert response.status_code == 400
    assert "record the notification first" in response.content.decode()


def test_outside_the_team_a_published_review_shows_only_its_public_parts(cast, wt2023):
    review = ReviewFactory(
        edition=wt2023, stage=Review.Stage.PUBLISHED, published_on=TODAY, summary="Public summary."
    )
    page = _page(signed_in_client(cast[Role.PRACTITIONER]), review)
    assert "Public summary." in page
    assert "Statutory timescales" not in page
    assert "Review team and panel" not in page

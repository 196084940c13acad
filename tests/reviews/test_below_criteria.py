"""A case decided to be below the criteria (a learning review, or no review) is never asked
for a notification or a rapid review."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from safeboard.accounts.roles import Role
from safeboard.reviews import lifecycle
from safeboard.reviews.decision import services as decision_services
from safeboard.reviews.factories import partners_agreeing
from safeboard.reviews.models import Decision
from safeboard.reviews.referral import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def learning_review(cast, review):
    decision_services.decision_record(
        review=review,
        outcome=Decision.Outcome.LEARNING_REVIEW,
        reasons="Below the criteria, but there is learning for colleges.",
        answers={
            c.pk: {"answer": "not_met", "reason": "No."} for c in review.edition.criteria.all()
        },
        recorded_by=cast[Role.BUSINESS_MANAGER],
        partners=partners_agreeing(review.aware_date),
    )
    review.refresh_from_db()
    return review


def test_the_page_offers_no_notification_beside_not_needed(learning_review, manager_client):
    page = manager_client.get(learning_review.get_absolute_url()).content.decode()
    assert "Not needed" in page
    assert "Record the notification" not in page
    assert "Record the rapid review" not in page
    assert "record the notification first" not in page


def test_the_notification_is_refused(learning_review):
    with pytest.raises(ValidationError) as error:
        services.record_notification_sent(
            review=learning_review, sent_on=learning_review.aware_date
        )
    assert "below the criteria" in error.value.messages[0]
    assert lifecycle.notification_awaited(learning_review) is False

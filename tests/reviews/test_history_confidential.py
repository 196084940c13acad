"""The History tab of a restricted review keeps the review's secret, as its own pages do."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.reviews.factories import DecisionFactory
from safeboard.reviews.models import ReviewViewLog
from tests.conftest import signed_in_client
from tests.reviews import builders

pytestmark = pytest.mark.django_db


def _history_url(review) -> str:
    return reverse("core:history", kwargs={"model": "reviews.review", "pk": review.pk})


@pytest.mark.parametrize("role", [Role.BOARD_MEMBER, Role.AGENCY_LEAD, Role.READER])
def test_someone_off_the_team_gets_404_for_the_history_of_a_restricted_review(cast, review, role):
    response = signed_in_client(cast[role]).get(_history_url(review))

    assert response.status_code == 404
    assert not ReviewViewLog.objects.exists()


def test_a_permitted_look_at_the_history_is_logged(cast, review, manager_client):
    response = manager_client.get(_history_url(review))

    assert response.status_code == 200
    look = ReviewViewLog.objects.get()
    assert (look.review, look.user) == (review, cast[Role.BUSINESS_MANAGER])
    assert look.path == _history_url(review)


def _history_of(model: str, pk: int) -> str:
    return reverse("core:history", kwargs={"model": model, "pk": pk})


def _record_of(review, model: str):
    if model == "reviews.decision":
        return DecisionFactory(review=review)
    if model == "reviews.finding":
        return builders.finding(review, title="Escalation was never tried")
    return review


@pytest.mark.parametrize("model", ["reviews.review", "reviews.decision", "reviews.finding"])
def test_a_hidden_history_answers_exactly_as_one_that_does_not_exist(cast, review, model):
    record = _record_of(review, model)
    client = signed_in_client(cast[Role.BOARD_MEMBER])

    hidden = client.get(_history_of(model, record.pk))
    missing = client.get(_history_of(model, record.pk + 1000))

    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content
    # The message handed to the 404 page too, so no page shown in its place could tell them apart.
    assert hidden.context["exception"] == missing.context["exception"]

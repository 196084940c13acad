"""The History tab of a restricted review keeps the review's secret, as its own pages do."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.reviews.models import ReviewViewLog
from tests.conftest import signed_in_client

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

"""The list of reviews: each user sees only what they may open, filtered, in a fixed number
of queries."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.reviews.factories import (
    AgencyContributionFactory,
    DecisionFactory,
    MilestoneFactory,
    ReviewFactory,
    TeamMemberFactory,
)
from safeboard.reviews.models import Decision, Review
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _page(client, **query) -> str:
    response = client.get(reverse("reviews:list"), query)
    assert response.status_code == 200
    return response.content.decode()


def test_outsiders_see_only_published_reviews_and_the_team_its_own(cast, wt2023):
    published = ReviewFactory(
        child_pseudonym="Child P", stage=Review.Stage.PUBLISHED, published_on=TODAY
    )
    restricted = ReviewFactory(child_pseudonym="Child R")
    other = ReviewFactory(child_pseudonym="Child S")
    TeamMemberFactory(review=restricted, user=cast[Role.AUDITOR])

    reader = _page(signed_in_client(cast[Role.READER]))
    assert published.reference in reader
    assert restricted.reference not in reader and other.reference not in reader

    member = _page(signed_in_client(cast[Role.AUDITOR]))
    assert published.reference in member and restricted.reference in member
    assert other.reference not in member

    manager = _page(signed_in_client(cast[Role.BUSINESS_MANAGER]))
    assert all(r.reference in manager for r in (published, restricted, other))


def test_the_list_filters_by_stage_and_kind(cast, wt2023, manager_client):
    referred = ReviewFactory()
    lcspr = DecisionFactory(outcome=Decision.Outcome.LCSPR).review
    lcspr.stage = Review.Stage.IN_REVIEW
    lcspr.save()
    learning = DecisionFactory(outcome=Decision.Outcome.LEARNING_REVIEW).review

    by_stage = _page(manager_client, stage=Review.Stage.IN_REVIEW)
    assert lcspr.reference in by_stage and referred.reference not in by_stage

    by_kind = _page(manager_client, kind=Decision.Outcome.LEARNING_REVIEW)
    assert learning.reference in by_kind and lcspr.reference not in by_kind

    awaiting = _page(manager_client, kind="awaiting_decision")
    assert referred.reference in awaiting and lcspr.reference not in awaiting


def _reviews(count: int, user) -> None:
    for n in range(count):
        review = ReviewFactory(
            aware_date=TODAY - datetime.timedelta(days=n),
            incident_date=TODAY - datetime.timedelta(days=n + 1),
        )
        TeamMemberFactory(review=review, user=user)
        AgencyContributionFactory(review=review)
        MilestoneFactory(review=review)
        if n % 2:
            DecisionFactory(review=review)


def _count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("role", [Role.BUSINESS_MANAGER, Role.AUDITOR])
def test_the_list_takes_as_many_queries_for_20_reviews_as_for_2(
    cast, wt2023, django_assert_num_queries, role
):
    user = cast[role]
    client = signed_in_client(user)
    url = reverse("reviews:list")
    _reviews(2, user)
    few = _count(client, url)
    _reviews(18, user)
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200


def test_a_reviews_page_does_not_grow_with_its_records(cast, wt2023, django_assert_max_num_queries):
    manager = cast[Role.BUSINESS_MANAGER]
    client = signed_in_client(manager)
    small, large = ReviewFactory(), ReviewFactory()
    for review, count in ((small, 1), (large, 8)):
        DecisionFactory(review=review)
        for _ in range(count):
            TeamMemberFactory(review=review)
            AgencyContributionFactory(review=review)
            MilestoneFactory(review=review)
    few = _count(client, reverse("reviews:detail", kwargs={"pk": small.pk}))
    with django_assert_max_num_queries(few):
        client.get(reverse("reviews:detail", kwargs={"pk": large.pk}))

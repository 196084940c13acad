"""The business plan's pages run the same number of queries for 3 records as for 30."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.actions.services import action_create
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.priorities.factories import (
    BusinessPlanFactory,
    PriorityFactory,
    PriorityMeasureFactory,
    PriorityReviewFactory,
)
from tests.conftest import signed_in_client

from .conftest import linked_challenge, linked_risk

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _queries(client, url: str) -> int:
    """How many queries a page takes once the session and content type caches are warm."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def same_queries(django_assert_num_queries):
    """Assert that the page for many records takes as many queries as the page for few."""

    def check(client, few_url: str, many_url: str) -> None:
        few = _queries(client, few_url)
        with django_assert_num_queries(few):
            assert client.get(many_url).status_code == 200

    return check


def test_the_plan_list_does_not_grow_with_the_plans(cast, django_assert_num_queries):
    client = signed_in_client(cast[Role.BOARD_MEMBER])
    url = reverse("priorities:plan_list")
    for plan in BusinessPlanFactory.create_batch(3):
        PriorityFactory(plan=plan)
    few = _queries(client, url)
    for plan in BusinessPlanFactory.create_batch(27):
        PriorityFactory.create_batch(2, plan=plan)
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200


def test_the_plan_page_does_not_grow_with_its_priorities(cast, same_queries):
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    few, many = BusinessPlanFactory(), BusinessPlanFactory()
    PriorityFactory.create_batch(3, plan=few)
    PriorityFactory.create_batch(30, plan=many)
    PriorityFactory(plan=many, review_date=TODAY - datetime.timedelta(days=1))
    same_queries(client, few.get_absolute_url(), many.get_absolute_url())


def _fill_priority(priority, count: int) -> None:
    agencies = AgencyFactory.create_batch(2)
    for number in range(count):
        owner = PersonFactory(agency=agencies[number % 2])
        action_create(
            title=f"Action {number}",
            owner_agency=owner.agency,
            owner_person=owner,
            due_on=TODAY + datetime.timedelta(days=number - 5),
            source=priority,
        )
        PriorityMeasureFactory(priority=priority, target=agencies[number % 2])
        PriorityReviewFactory(
            priority=priority,
            reviewed_on=TODAY - datetime.timedelta(days=10 * (count - number)),
            reviewed_by=UserFactory(),
        )
        linked_risk(priority, owner=owner)
        linked_challenge(priority, agency=agencies[number % 2])


@pytest.mark.parametrize("role", [Role.BUSINESS_MANAGER, Role.AGENCY_LEAD])
def test_the_priority_page_does_not_grow_with_its_evidence(cast, same_queries, role):
    client = signed_in_client(cast[role])
    few, many = PriorityFactory(), PriorityFactory()
    _fill_priority(few, 3)
    _fill_priority(many, 30)
    same_queries(client, few.get_absolute_url(), many.get_absolute_url())

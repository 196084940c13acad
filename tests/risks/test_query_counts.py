"""The register and a risk's page run the same number of queries for a few records as for many."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.partnership.factories import PersonFactory
from safeboard.risks.factories import RiskFactory, RiskReviewFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _fetch(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _count(client, url) -> int:
    _fetch(client, url)  # warm the content type cache and the session outside the count
    with CaptureQueriesContext(connection) as context:
        _fetch(client, url)
    return len(context.captured_queries)


def _risks(count: int) -> None:
    for n in range(count):
        RiskFactory(
            owner_person=PersonFactory(),
            residual_likelihood=1 + n % 4,
            review_date=TODAY - datetime.timedelta(days=n % 3),
        )


@pytest.mark.parametrize("query", ["", "?scores=inherent&review_overdue=on&search=children"])
def test_the_register_takes_as_many_queries_for_30_risks_as_for_3(
    cast, django_assert_num_queries, query
):
    client = signed_in_client(cast[Role.CHAIR])
    url = reverse("risks:list") + query
    _risks(3)
    few = _count(client, url)
    _risks(27)
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200


def test_the_export_takes_as_many_queries_for_30_risks_as_for_3(cast, django_assert_num_queries):
    client = signed_in_client(cast[Role.CHAIR])
    url = reverse("risks:export") + "?format=csv"
    _risks(3)
    few = _count(client, url)
    _risks(27)
    with django_assert_num_queries(few):
        _fetch(client, url)


def test_a_risks_page_does_not_grow_with_its_reviews_and_actions(cast, django_assert_num_queries):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    few, many = RiskFactory(), RiskFactory()
    for risk, count in ((few, 1), (many, 10)):
        for n in range(count):
            RiskReviewFactory(
                risk=risk,
                reviewed_on=TODAY - datetime.timedelta(days=10 * (count - n)),
                reviewed_by=cast[Role.BUSINESS_MANAGER],
            )
    risk_type = ContentType.objects.get_for_model(many)
    for risk, count in ((few, 1), (many, 10)):
        for _ in range(count):
            ActionFactory(source_type=risk_type, source_id=risk.pk)
    few_count = _count(client, reverse("risks:detail", args=[few.pk]))
    with django_assert_num_queries(few_count):
        _fetch(client, reverse("risks:detail", args=[many.pk]))

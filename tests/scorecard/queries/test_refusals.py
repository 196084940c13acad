"""A change the query's state does not allow is refused on GET as on POST, alike."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.scorecard.models import IndicatorQuery
from safeboard.scorecard.queries import states
from tests.conftest import signed_in_client
from tests.refusals import assert_refused_alike

from .builders import indicator, query

pytestmark = pytest.mark.django_db
Status = IndicatorQuery.Status


@pytest.mark.parametrize(
    ("url_name", "role", "status", "message"),
    [
        (
            "query_answer",
            Role.AGENCY_LEAD,
            Status.ANSWERED,
            states.NOT_OPEN.format(status="answered"),
        ),
        (
            "query_answer",
            Role.AGENCY_LEAD,
            Status.ACCEPTED,
            states.NOT_OPEN.format(status="answered and the answer accepted"),
        ),
        ("query_judge", Role.CHAIR, Status.OPEN, states.NOT_ANSWERED),
        ("query_judge", Role.BUSINESS_MANAGER, Status.ACCEPTED, states.NOT_ANSWERED),
    ],
)
def test_a_change_the_querys_state_refuses_is_refused_on_get_as_on_post(
    cast, url_name, role, status, message
):
    asked = query(indicator(cast.home_agency, code="POL-50"), status=status)
    url = reverse(f"scorecard:{url_name}", args=[asked.pk])
    assert_refused_alike(signed_in_client(cast[role]), url, message)


def test_a_change_the_querys_state_allows_opens_its_form(cast):
    asked = query(indicator(cast.home_agency, code="POL-50"))
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    assert client.get(reverse("scorecard:query_answer", args=[asked.pk])).status_code == 200

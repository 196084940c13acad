"""A change the return's state does not allow is refused on GET as on POST, alike."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.section11 import states
from safeboard.section11.factories import CycleFactory, RatingFactory
from tests.conftest import signed_in_client
from tests.refusals import assert_refused_alike

pytestmark = pytest.mark.django_db


def _rating(cast, *, submitted=False, cycle=None):
    fields = {"agency_return__agency": cast.home_agency, "self_score": 3}
    if submitted:
        fields["agency_return__submitted"] = True
    if cycle is not None:
        fields["agency_return__cycle"] = CycleFactory(**{cycle: True})
    return RatingFactory(**fields)


def _return_url(name):
    return lambda rating: reverse(f"section11:{name}", args=[rating.agency_return_id])


def _standard_url(name):
    return lambda rating: reverse(f"section11:{name}", args=[rating.agency_return_id, rating.pk])


LEAD, MANAGER = Role.AGENCY_LEAD, Role.BUSINESS_MANAGER
CASES = [
    (_standard_url("rating_edit"), LEAD, {"submitted": True}, states.RETURN_SUBMITTED),
    (_standard_url("evidence_add"), LEAD, {"submitted": True}, states.RETURN_SUBMITTED),
    (_standard_url("improvement_add"), LEAD, {"cycle": "closed"}, states.CYCLE_NOT_OPEN),
    (_return_url("return_submit"), LEAD, {"submitted": True}, states.RETURN_SUBMITTED),
    (_return_url("return_moderate"), MANAGER, {}, states.NOT_SUBMITTED),
    (_standard_url("request_create"), MANAGER, {"cycle": "closed"}, states.CYCLE_CLOSED),
    (_return_url("chase"), MANAGER, {"submitted": True}, states.NOTHING_TO_CHASE),
    (_return_url("chase"), MANAGER, {"cycle": "closed"}, states.CHASED_ONLY_WHILE_OPEN),
    (_return_url("extend_deadline"), MANAGER, {"submitted": True}, states.RETURN_ALREADY_SUBMITTED),
]


@pytest.mark.parametrize(("url", "role", "state", "message"), CASES)
def test_a_change_the_returns_state_refuses_is_refused_on_get_as_on_post(
    cast, url, role, state, message
):
    rating = _rating(cast, **state)
    assert_refused_alike(signed_in_client(cast[role]), url(rating), message)


def test_a_change_the_returns_state_allows_opens_its_form(cast):
    rating = _rating(cast)
    client = signed_in_client(cast[LEAD])
    assert client.get(_standard_url("rating_edit")(rating)).status_code == 200

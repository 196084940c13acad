"""A change the challenge's state does not allow is refused on GET as on POST, alike."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.challenges import states
from safeboard.challenges.factories import ChallengeFactory, ChallengeResponseFactory
from safeboard.challenges.models import ChallengeResponse
from tests.conftest import signed_in_client
from tests.refusals import assert_refused_alike

pytestmark = pytest.mark.django_db


def _closed(cast):
    return ChallengeFactory(agency=cast.home_agency, closed=True)


def _awaiting_response(cast):
    return ChallengeFactory(agency=cast.home_agency)


def _awaiting_judgement(cast):
    return ChallengeResponseFactory(challenge__agency=cast.home_agency).challenge


def _accepted(cast):
    """Responded, and the board has accepted the response: it waits to be closed."""
    return ChallengeResponseFactory(
        challenge__agency=cast.home_agency,
        judgement=ChallengeResponse.Judgement.ACCEPTED,
        judgement_reason="Clear.",
        judged_on=timezone.localdate(),
    ).challenge


@pytest.mark.parametrize(
    ("url_name", "role", "make", "message"),
    [
        ("challenges:respond", Role.AGENCY_LEAD, _closed, states.CHALLENGE_CLOSED),
        ("challenges:respond", Role.AGENCY_LEAD, _awaiting_judgement, states.AWAITING_JUDGEMENT),
        ("challenges:respond", Role.AGENCY_LEAD, _accepted, states.RESPONSE_ACCEPTED),
        (
            "challenges:judge",
            Role.BUSINESS_MANAGER,
            _awaiting_response,
            states.NO_RESPONSE_TO_JUDGE,
        ),
        ("challenges:judge", Role.BUSINESS_MANAGER, _closed, states.CHALLENGE_CLOSED),
        ("challenges:close", Role.BUSINESS_MANAGER, _closed, states.CHALLENGE_CLOSED),
        ("challenges:close", Role.CHAIR, _awaiting_judgement, states.JUDGE_BEFORE_CLOSING),
    ],
    ids=lambda value: getattr(value, "__name__", None) or str(value)[:30],
)
def test_a_change_the_state_refuses_is_refused_on_get_as_on_post(
    cast, url_name, role, make, message
):
    challenge = make(cast)
    url = reverse(url_name, args=[challenge.pk])
    assert_refused_alike(signed_in_client(cast[role]), url, message)


def test_a_change_the_state_allows_opens_its_form(cast):
    challenge = _awaiting_response(cast)
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    assert client.get(reverse("challenges:respond", args=[challenge.pk])).status_code == 200

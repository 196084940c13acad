"""The log, the summary and a challenge's page run as many queries for 3 records as for 30."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.challenges.factories import (
    ChallengeEscalationFactory,
    ChallengeFactory,
    ChallengeResponseFactory,
)
from safeboard.challenges.models import ChallengeResponse
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def queries_for(django_assert_max_num_queries):
    """How many queries one page takes, once the session and caches are warm."""

    def count(client, url) -> int:
        client.get(url)
        with django_assert_max_num_queries(20) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    return count


def _challenges(count: int) -> None:
    """A mix of challenges to several agencies, a third of each kind."""
    for number in range(count):
        agency = AgencyFactory(name=f"Agency {number % 4}")
        kind = number % 3
        if kind == 0:
            ChallengeFactory(agency=agency, overdue=True)
        elif kind == 1:
            ChallengeFactory(agency=agency, closed=True)
        else:
            ChallengeFactory(agency=agency, responded=True)


@pytest.mark.parametrize(
    ("url_name", "role"),
    [
        ("challenges:list", Role.BUSINESS_MANAGER),
        ("challenges:list", Role.AGENCY_LEAD),
        ("challenges:summary", Role.CHAIR),
    ],
)
def test_the_page_does_not_grow_with_the_log(
    cast, queries_for, django_assert_num_queries, url_name, role
):
    client = signed_in_client(cast[role])
    url = reverse(url_name)
    _challenges(3)
    few = queries_for(client, url)
    _challenges(27)
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200


def _fill(challenge, rounds: int) -> None:
    """Judged rounds, escalations and actions arising, with people named on each."""
    source_type = ContentType.objects.get_for_model(challenge)
    for _ in range(rounds):
        ChallengeResponseFactory(
            challenge=challenge,
            responded_by=UserFactory(),
            judgement=ChallengeResponse.Judgement.FURTHER_CHALLENGE,
            judgement_reason="More, please.",
            judged_by=UserFactory(),
            judged_on=challenge.raised_on,
        )
        ActionFactory(source_type=source_type, source_id=challenge.pk)
    for level in (1, 2)[:rounds]:
        ChallengeEscalationFactory(
            challenge=challenge,
            level=level,
            escalated_to=PersonFactory(),
            recorded_by=UserFactory(),
        )


def test_a_challenges_page_does_not_grow_with_its_rounds(cast, queries_for):
    client = signed_in_client(cast[Role.CHAIR])
    few, many = ChallengeFactory(), ChallengeFactory()
    _fill(few, 1)
    _fill(many, 10)
    assert queries_for(client, many.get_absolute_url()) == queries_for(
        client, few.get_absolute_url()
    )

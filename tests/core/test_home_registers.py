"""The home page points each person at the challenges and reviews that wait for them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.challenges.factories import ChallengeFactory
from safeboard.priorities.factories import PriorityFactory
from safeboard.risks.factories import RiskFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db


def home(user) -> str:
    return signed_in_client(user).get(reverse("core:home")).content.decode()


def test_an_agency_lead_sees_the_challenges_their_agency_must_answer(cast):
    today = timezone.localdate()
    ChallengeFactory(
        agency=cast.home_agency,
        title="Strategy discussion attendance",
        raised_on=today - datetime.timedelta(days=40),
        response_due_on=today - datetime.timedelta(days=2),
    )
    ChallengeFactory(agency=cast.other_agency, title="Health visitor caseloads")

    page = home(cast[Role.AGENCY_LEAD])

    assert "Challenges awaiting your agency's response" in page
    assert "Strategy discussion attendance" in page and "Overdue" in page
    assert "Health visitor caseloads" not in page
    assert "Challenges awaiting" not in home(cast[Role.PRACTITIONER])


def test_the_business_manager_sees_the_challenge_totals(cast):
    ChallengeFactory(agency=cast.other_agency)

    page = home(cast[Role.BUSINESS_MANAGER])

    assert "Challenges to agencies" in page
    assert "Challenges to agencies" not in home(cast[Role.AGENCY_LEAD])


def test_owners_see_the_reviews_they_lead_falling_due(cast):
    today = timezone.localdate()
    owner = cast[Role.BOARD_MEMBER].person
    RiskFactory(
        owner_person=owner,
        owner_agency=owner.agency,
        title="Too few foster carers",
        review_date=today - datetime.timedelta(days=1),
    )
    PriorityFactory(
        lead_person=owner,
        lead_agency=owner.agency,
        title="Tackling neglect",
        review_date=today + datetime.timedelta(days=10),
    )
    PriorityFactory(lead_person=owner, lead_agency=owner.agency, title="Far off")

    page = home(cast[Role.BOARD_MEMBER])

    assert "Reviews you lead, due within 14 days" in page
    assert "Too few foster carers" in page and "Tackling neglect" in page
    assert "Far off" not in page


def test_the_chair_sees_the_responses_waiting_for_judgement(cast):
    from safeboard.challenges.models import Challenge

    ChallengeFactory(
        agency=cast.other_agency, title="Return-home interviews", status=Challenge.Status.RESPONDED
    )
    ChallengeFactory(agency=cast.other_agency, title="Not yet answered")

    page = home(cast[Role.CHAIR])

    assert "Responses waiting for the board's judgement" in page
    assert "Return-home interviews" in page and "Not yet answered" not in page
    assert "waiting for the board's judgement" not in home(cast[Role.AGENCY_LEAD])

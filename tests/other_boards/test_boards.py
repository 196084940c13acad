"""Protocols with other boards, reminded when due for review, and challenges raised with or
by them, shown on the board's page."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.challenges.factories import ChallengeFactory
from safeboard.other_boards import services
from safeboard.other_boards.factories import BoardFactory, ProtocolFactory
from safeboard.other_boards.reminders import protocol_reminders
from safeboard.reminders.models import ReminderKind
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_the_board_page_shows_its_protocols_and_challenges_both_ways(cast):
    board = BoardFactory(name="Shire Safeguarding Adults Board")
    services.protocol_add(
        board=board,
        title="Transition at eighteen",
        agreed_on=TODAY - datetime.timedelta(days=10),
        review_on=TODAY + datetime.timedelta(days=355),
        lead_person=cast[Role.BUSINESS_MANAGER].person,
    )
    ours = ChallengeFactory(title="Who leads on transition?")
    theirs = ChallengeFactory(title="Why are referrals at seventeen late?")
    services.challenge_link(board=board, challenge=ours, direction="by_us")
    services.challenge_link(board=board, challenge=theirs, direction="by_them")
    page = signed_in_client(cast[Role.CHAIR]).get(board.get_absolute_url()).content.decode()
    assert "Transition at eighteen" in page
    assert "Who leads on transition?" in page and "Raised by the partnership" in page
    assert "Why are referrals at seventeen late?" in page and "Raised by the other board" in page


def test_a_challenge_is_linked_to_a_board_once():
    board, challenge = BoardFactory(), ChallengeFactory()
    services.challenge_link(board=board, challenge=challenge, direction="by_us")
    with pytest.raises(ValidationError):
        services.challenge_link(board=board, challenge=challenge, direction="by_them")


def test_a_review_must_fall_after_the_protocol_was_agreed(cast):
    with pytest.raises(ValidationError) as error:
        services.protocol_add(
            board=BoardFactory(),
            title="t",
            agreed_on=TODAY,
            review_on=TODAY,
            lead_person=cast[Role.CHAIR].person,
        )
    assert error.value.message_dict == {"review_on": [services.REVIEW_BEFORE_AGREED]}


def test_the_lead_is_reminded_when_a_review_falls_due(cast):
    lead = cast[Role.BUSINESS_MANAGER]
    due = ProtocolFactory(lead_person=lead.person, review_on=TODAY + datetime.timedelta(days=3))
    ProtocolFactory(lead_person=lead.person)  # due in two months: not yet
    reminders = list(protocol_reminders(TODAY))
    assert [(r.kind, r.recipient, r.record) for r in reminders] == [
        (ReminderKind.PROTOCOL_REVIEW_DUE, lead, due)
    ]


@pytest.mark.parametrize("role", [Role.CHAIR, Role.AGENCY_LEAD])
def test_only_the_business_manager_links_challenges(cast, role):
    board = BoardFactory()
    url = reverse("other_boards:challenge_link", args=[board.pk])
    assert signed_in_client(cast[role]).post(url, {}).status_code == 403

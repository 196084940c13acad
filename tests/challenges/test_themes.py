"""A challenge is about themes, chosen when it is raised and changed by the board; each theme's
page shows it, and the actions it leads to carry its themes."""

from __future__ import annotations

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.challenges.factories import ChallengeFactory
from safeboard.challenges.models import Challenge
from tests.conftest import signed_in_client
from tests.reviews import builders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def _text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_board_chooses_the_themes_when_raising_a_challenge(cast):
    neglect, recording = builders.theme("neglect"), builders.theme("recording")
    client = signed_in_client(cast[Role.CHAIR])
    assert "Themes" in _text(client.get(reverse("challenges:raise")))
    client.post(
        reverse("challenges:raise"),
        {
            "agency": cast.other_agency.pk,
            "title": "Plans for neglect drift",
            "issue": "Why do plans for neglect drift after the first review?",
            "evidence": "The neglect audit.",
            "raised_by": cast[Role.CHAIR].person.pk,
            "raised_on": (TODAY - 2 * DAY).isoformat(),
            "response_due_on": (TODAY + 26 * DAY).isoformat(),
            "priority": "",
            "themes": [neglect.pk, recording.pk],
        },
    )
    challenge = Challenge.objects.get(title="Plans for neglect drift")
    assert set(challenge.themes.all()) == {neglect, recording}
    page = _text(client.get(challenge.get_absolute_url()))
    assert reverse("themes:detail", args=["neglect"]) in page
    assert reverse("challenges:themes", args=[challenge.pk]) in page


def test_the_board_changes_a_challenges_themes_and_keeps_them_in_its_history(cast):
    challenge = ChallengeFactory(agency=cast.home_agency)
    neglect = builders.theme("neglect")
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("challenges:themes", args=[challenge.pk]), {"themes": [neglect.pk]}
    )
    assert response["Location"] == challenge.get_absolute_url()
    assert list(challenge.themes.all()) == [neglect]
    client.post(reverse("challenges:themes", args=[challenge.pk]), {})
    assert not challenge.themes.exists()
    assert challenge.history.count() >= 1


@pytest.mark.parametrize("role", [Role.AGENCY_LEAD, Role.BOARD_MEMBER, Role.LAY_MEMBER])
def test_only_the_board_changes_the_themes(cast, role):
    challenge = ChallengeFactory(agency=cast.home_agency)
    neglect = builders.theme("neglect")
    response = signed_in_client(cast[role]).post(
        reverse("challenges:themes", args=[challenge.pk]), {"themes": [neglect.pk]}
    )
    assert response.status_code == 403
    assert not challenge.themes.exists()
    page = _text(signed_in_client(cast[role]).get(challenge.get_absolute_url()))
    assert reverse("challenges:themes", args=[challenge.pk]) not in page

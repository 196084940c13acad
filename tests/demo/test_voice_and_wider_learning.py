"""The demo holds what the voice and wider learning issue promised: three participation
activities with what was said and responses, one linked to a priority action and published;
two child death findings; three national reviews with decisions; a protocol with another
board and a challenge raised with it. Nothing happened after the demo's today."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from safeboard.child_deaths.models import Finding
from safeboard.national_learning.models import NationalReview
from safeboard.other_boards.models import BoardChallenge, Protocol
from safeboard.voice.models import Activity, Contribution, Participation, Response

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_three_activities_with_views_and_responses_one_published_on_a_priority_action(demo_db):
    assert Activity.objects.count() == 3
    for activity in Activity.objects.all():
        assert activity.held_on <= TODAY
        assert activity.contributions.exists()
        assert Participation.objects.filter(activity=activity).exists()
    assert Response.objects.count() >= 3
    linked = Response.objects.filter(
        is_published=True, priority__isnull=False, action__isnull=False
    ).get()
    assert linked.published_on <= TODAY and linked.responded_on <= TODAY
    assert linked.action.source == linked.priority
    assert Contribution.objects.filter(themes__isnull=True).count() == 0


def test_the_public_page_shows_the_published_responses_to_anyone(demo_db):
    page = Client().get(reverse("voice:you_said_we_did")).content.decode()
    for response in Response.objects.select_related("contribution"):
        shown = response.what_we_did in page
        assert shown == response.is_published


def test_two_child_death_findings_and_three_national_reviews_with_decisions(demo_db):
    assert Finding.objects.count() == 2
    assert all(finding.agreed_on <= TODAY for finding in Finding.objects.all())
    reviews = NationalReview.objects.all()
    assert reviews.count() == 3
    assert all(review.decision and review.decided_on <= TODAY for review in reviews)
    assert all(review.recommendations.exists() for review in reviews)


def test_a_protocol_with_another_board_and_a_challenge_raised_with_it(demo_db):
    link = BoardChallenge.objects.get()
    assert Protocol.objects.filter(board=link.board).exists()
    assert all(protocol.agreed_on <= TODAY for protocol in Protocol.objects.all())

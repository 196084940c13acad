"""A challenge's free-text impact becomes a story claim, marked not checked against data."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from safeboard.challenges.factories import ChallengeFactory
from safeboard.impact.models import Claim
from safeboard.impact.selectors import claims_for, subject_key

migration = importlib.import_module(
    "safeboard.impact.migrations.0003_challenge_impact_becomes_stories"
)

pytestmark = pytest.mark.django_db


def test_free_text_impact_becomes_a_story_not_checked_against_data():
    written = ChallengeFactory(closed=True, impact_evidence="Plans lasting two years fell to 4.8%.")
    blank = ChallengeFactory(closed=True)
    migration.challenge_impact_to_stories(apps, None)

    written.refresh_from_db()
    assert written.impact_evidence == ""
    [judged] = claims_for([written])[subject_key(written)]
    assert judged.claim.narrative == "Plans lasting two years fell to 4.8%."
    assert judged.claim.recorded_on == written.closed_on
    assert judged.verdict.label == "story: not checked against data"
    assert claims_for([blank]) == {}

    migration.stories_to_challenge_impact(apps, None)
    written.refresh_from_db()
    assert written.impact_evidence == "Plans lasting two years fell to 4.8%."
    assert not Claim.objects.exists()

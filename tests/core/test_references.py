"""Reference numbers of the year, drawn in one place for every register."""

from __future__ import annotations

import pytest

from safeboard.challenges.factories import ChallengeFactory
from safeboard.challenges.models import Challenge
from safeboard.core.references import next_reference

pytestmark = pytest.mark.django_db


def test_the_first_reference_of_the_year_is_number_one_padded():
    assert next_reference(Challenge.objects.all(), prefix="CH-2031-", digits=3) == "CH-2031-001"


def test_the_next_reference_follows_the_highest_number_as_a_number():
    ChallengeFactory(reference="CH-2031-999")
    ChallengeFactory(reference="CH-2031-1000")
    ChallengeFactory(reference="CH-2030-5000")
    assert next_reference(Challenge.objects.all(), prefix="CH-2031-", digits=3) == "CH-2031-1001"


def test_the_number_is_padded_to_the_digits_asked_for():
    ChallengeFactory(reference="X-7")
    assert next_reference(Challenge.objects.all(), prefix="X-", digits=2) == "X-08"

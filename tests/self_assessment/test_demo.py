"""The demo partnership's self-assessments and public face."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from safeboard.meetings.models import Paper
from safeboard.scorecard.models import Indicator
from safeboard.self_assessment import selectors
from safeboard.self_assessment.models import SelfAssessment


def test_the_demo_has_two_self_assessments_a_year_apart_the_latest_completed(demo_db):
    earlier, later = SelfAssessment.objects.order_by("opened_on")
    assert earlier.status == later.status == SelfAssessment.Status.COMPLETED
    assert 330 <= (later.opened_on - earlier.opened_on).days <= 400
    assert later.completed_on < timezone.localdate()
    results = selectors.results(assessment=later)
    assert results.previous == earlier
    assert len(results.areas) == 7
    assert results.overall_change is not None and results.overall_change > 0
    assert selectors.actions_from(assessment=later).count() == 1


def test_the_demo_shares_three_indicators_and_a_paper_with_readers(demo_db, client):
    assert Indicator.objects.filter(is_public=True).count() == 3
    assert Paper.objects.filter(for_readers=True).count() == 1
    body = client.get(reverse("scorecard_public:scorecard")).content.decode()
    for indicator in Indicator.objects.filter(is_public=True):
        assert indicator.name in body

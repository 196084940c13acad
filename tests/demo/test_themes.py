"""The demo's learning loop is visible from the themes and the priorities: priority 1 addresses
neglect and recording, and their pages gather the findings, audits, courses and indicators
tagged with them."""

from __future__ import annotations

import pytest

from safeboard.actions import selectors as action_selectors
from safeboard.priorities import selectors as priority_selectors
from safeboard.priorities.models import Priority, PriorityMeasure
from safeboard.themes.models import Theme
from safeboard.themes.selectors import theme_page_sections


@pytest.mark.django_db
def test_the_demo_priorities_address_themes_and_gather_their_evidence(demo_db):
    first = Priority.objects.get(number=1)
    assert {theme.slug for theme in first.themes.all()} == {"neglect", "recording"}
    evidence = priority_selectors.priority_evidence(first)
    rows = {section.key: section.rows for section in evidence.sections}
    assert rows["audit-findings"], "the strategy meeting audit's findings on recording"
    assert rows["training-courses"] and rows["review-findings"]
    recording = Theme.objects.get(slug="recording")
    sections = {s.key: s.rows for s in theme_page_sections(theme=recording, user=None)}
    assert any("Strategy" in finding.title for finding in sections["audit-findings"])
    neglect = Theme.objects.get(slug="neglect")
    sections = {s.key: s.rows for s in theme_page_sections(theme=neglect, user=None)}
    assert sections["scorecard-indicators"] and sections["training-courses"]
    assert sections["priorities"] == [first]
    assert action_selectors.actions_about([neglect, recording]).exists()


@pytest.mark.django_db
def test_the_demo_measures_the_scorecard_shows_link_to_their_indicators(demo_db):
    linked = {
        measure.priority.number: measure.target.code
        for measure in PriorityMeasure.objects.filter(target_id__isnull=False)
    }
    assert linked == {1: "CSC-07", 2: "CSC-11"}

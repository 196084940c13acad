"""The one registry type every extension point uses: keyed, ordered, refusing duplicates."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from safeboard.core import extension_points as points
from safeboard.core.registry import AlreadyRegistered, Registry


@dataclass(frozen=True)
class Item:
    key: str
    order: int = 100


def test_entries_come_back_by_order_then_key_whatever_the_registration_order():
    registry: Registry[Item] = Registry("items")
    for item in (Item("b"), Item("z", order=1), Item("a"), Item("c", order=200)):
        registry.register(item)
    assert [item.key for item in registry] == ["z", "a", "b", "c"]


def test_a_second_entry_under_a_taken_key_is_refused_and_the_first_is_kept():
    registry: Registry[Item] = Registry("items")
    first = registry.register(Item("a", order=1))
    with pytest.raises(AlreadyRegistered, match="The items registry already holds 'a'"):
        registry.register(Item("a", order=2))
    assert list(registry) == [first]


def test_an_entry_registered_for_a_block_is_gone_after_it():
    registry: Registry[Item] = Registry("items")
    with registry.registered(Item("a")):
        assert "a" in registry and len(registry) == 1
    assert "a" not in registry and len(registry) == 0


def test_a_registry_may_key_its_entries_by_more_than_one_field():
    sections = points.page_sections
    section = points.PageSection(page="test-page", key="training", template="t.html", build=dict)
    with sections.registered(section):
        assert points.sections_of("test-page") == [section]
        # The same key on another page is another place.
        other = points.PageSection(page="other-page", key="training", template="t.html", build=dict)
        with sections.registered(other):
            assert points.sections_of("other-page") == [other]


def test_every_module_registers_at_start_up_in_the_documented_order():
    assert [panel.key for panel in points.home_panels] == [
        "reader-dashboard",
        "partnership-actions",
        "challenge-totals",
        "challenge-responses-to-judge",
        "query-answers-to-judge",
        "queries-to-answer",
        "challenges-to-answer",
        "reviews-due",
        "my-actions",
        "upcoming-meetings",
        "induction",
        "scrutiny",
        "review-steps",
        "recent-briefings",
        "audit-answers",
        "section11",
        "training",
    ]
    assert [source.key for source in points.chain_sources] == [
        "review-findings",
        "audit-findings",
        "child-death-findings",
        "national-reviews",
        "voice",
    ]
    # Challenges escalate first, so the day's escalations reach the same day's digests.
    assert [step.key for step in points.daily_steps][0] == "challenge-escalation"
    # The planner's statistics last, counting what the day's steps added.
    assert [step.key for step in points.daily_steps][-1] == "planner-statistics"
    assert "reviews.review" in points.history_access
    assert points.history_access["reviews.review"].on_view is not None
    assert [entry.key for entry in points.evidence_about(points.PRIORITY)] == [
        "actions",
        "risks",
        "challenges",
        "indicators",
        "training",
        "voice-responses",
    ]


def test_the_navigation_is_each_module_s_section_in_order():
    assert [item.label for item in points.navigation] == [
        "Published",
        "Actions",
        "Priorities",
        "Risks",
        "Challenges",
        "Scorecard",
        "Census",
        "Reviews",
        "Audits",
        "Section 11",
        "Self-assessment",
        "Training",
        "Voice",
        "Child deaths",
        "National learning",
        "Other boards",
        "Meetings",
        "Partnership",
        "Induction",
        "Handbook",
        "Name and logo",
        "Yearly report",
        "Exchange",
    ]

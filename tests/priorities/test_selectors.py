"""Reads of the business plan: reviews due, counts, and a priority's evidence."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.actions.services import action_create
from safeboard.core.extension_points import PRIORITY, Evidence, evidence
from safeboard.core.registry import AlreadyRegistered
from safeboard.partnership.factories import PersonFactory
from safeboard.priorities import selectors
from safeboard.priorities.factories import BusinessPlanFactory, PriorityFactory
from safeboard.priorities.models import Priority

from .conftest import linked_challenge, linked_risk

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)


def _action_for(priority: Priority, owner=None, **fields):
    owner = owner or PersonFactory()
    action = action_create(
        title=fields.pop("title", "Refresh the neglect strategy"),
        owner_agency=owner.agency,
        owner_person=owner,
        due_on=fields.pop("due_on", timezone.localdate() + datetime.timedelta(days=30)),
        source=priority,
    )
    return action


def test_reviews_due_are_the_active_priorities_overdue_or_due_within_the_window():
    overdue = PriorityFactory(review_date=TODAY - datetime.timedelta(days=3))
    due_soon = PriorityFactory(review_date=TODAY + datetime.timedelta(days=13))
    PriorityFactory(review_date=TODAY + datetime.timedelta(days=14))  # outside the window
    PriorityFactory(review_date=TODAY - datetime.timedelta(days=3), status=Priority.Status.ACHIEVED)
    PriorityFactory(
        review_date=TODAY - datetime.timedelta(days=3), status=Priority.Status.WITHDRAWN
    )
    due = list(selectors.priorities_with_review_due(today=TODAY))
    assert due == [overdue, due_soon]


def test_reviews_due_name_their_lead_without_another_query(django_assert_num_queries):
    PriorityFactory.create_batch(3, review_date=TODAY)
    with django_assert_num_queries(1):
        leads = [p.lead_person.full_name for p in selectors.priorities_with_review_due(today=TODAY)]
    assert len(leads) == 3


def test_the_plan_list_counts_active_and_overdue_priorities_and_flags_too_many():
    plan = BusinessPlanFactory(max_active_priorities=2)
    today = timezone.localdate()
    PriorityFactory.create_batch(2, plan=plan)
    PriorityFactory(plan=plan, review_date=today - datetime.timedelta(days=1))
    PriorityFactory(plan=plan, status=Priority.Status.ACHIEVED)
    quiet = BusinessPlanFactory()
    PriorityFactory(plan=quiet)
    rows = {row.pk: row for row in selectors.plan_list()}
    assert (rows[plan.pk].active_count, rows[plan.pk].overdue_count) == (3, 1)
    assert rows[plan.pk].too_many_active
    assert (rows[quiet.pk].active_count, rows[quiet.pk].too_many_active) == (1, False)


def test_a_plan_at_its_limit_is_not_flagged():
    plan = BusinessPlanFactory(max_active_priorities=2)
    PriorityFactory.create_batch(2, plan=plan)
    PriorityFactory(plan=plan, status=Priority.Status.WITHDRAWN)
    page = selectors.plan_page(plan=plan)
    assert page.active_count == 2
    assert not page.too_many_active


def test_a_priority_s_evidence_gathers_its_actions_risks_and_challenges():
    priority = PriorityFactory()
    action = _action_for(priority)
    ActionFactory()  # an action of nothing in particular
    _action_for(PriorityFactory())  # another priority's action
    risk = linked_risk(priority)
    challenge = linked_challenge(priority)
    evidence = selectors.priority_evidence(priority)
    assert [section.key for section in evidence.sections][:3] == ["actions", "risks", "challenges"]
    assert evidence.section("actions").rows == [action]
    assert (
        evidence.section("actions").summary == "1 action: 0 complete, 1 open (of which 0 overdue)."
    )
    assert evidence.section("risks").rows == [risk]
    assert evidence.section("challenges").rows == [challenge]


def test_a_user_sees_only_the_linked_records_their_rules_allow(cast):
    priority = PriorityFactory(lead_person=cast[Role.AGENCY_LEAD].person)
    _action_for(priority, owner=cast[Role.PRACTITIONER].person)
    linked_challenge(priority, agency=cast.home_agency)
    evidence = selectors.priority_evidence(priority, user=cast.other_agency_lead)
    assert evidence.section("actions").rows == []
    assert evidence.section("actions").hidden_count == 1
    assert evidence.section("challenges").hidden_count == 1
    full = selectors.priority_evidence(priority, user=cast[Role.BUSINESS_MANAGER])
    assert full.section("actions").hidden_count == 0
    assert len(full.section("challenges").rows) == 1


def test_another_module_can_add_a_section_to_a_priority_s_evidence():
    priority = PriorityFactory()
    section = Evidence(
        subject=PRIORITY,
        key="findings",
        heading="Findings",
        template_name="priorities/evidence/actions.html",
        records=lambda p, user: [f"Finding about {p.title}"],
        order=45,
    )
    with evidence.registered(section):
        shown = selectors.priority_evidence(priority)
    assert [s.key for s in shown.sections] == [
        "actions",
        "risks",
        "challenges",
        "indicators",
        "findings",
        "training",
    ]
    assert shown.section("findings").rows == [f"Finding about {priority.title}"]


def test_a_section_key_is_registered_once():
    with pytest.raises(AlreadyRegistered, match="already holds"):
        evidence.register(next(iter(evidence)))

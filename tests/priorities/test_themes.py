"""A priority addresses themes: chosen on its form, shown on its page, and its page gathers
everything tagged with them (review and audit findings, courses, indicators...) beside its
own sections, each record once, counting what the reader may not see."""

from __future__ import annotations

import datetime
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.audits.factories import AuditRoundFactory, FindingFactory
from safeboard.priorities import selectors, services
from safeboard.priorities.factories import BusinessPlanFactory, PriorityFactory
from safeboard.scorecard.factories import IndicatorFactory
from tests.conftest import signed_in_client
from tests.reviews import builders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.fixture
def neglect():
    return builders.theme("neglect")


@pytest.fixture
def recording():
    return builders.theme("recording")


@pytest.fixture
def priority(neglect, recording):
    made = PriorityFactory(title="Neglect: noticed sooner")
    made.themes.set([neglect, recording])
    return made


def _form(person, **overrides) -> dict:
    return {
        "number": "",
        "title": "Neglect",
        "description": "",
        "objectives": "Recognise neglect earlier",
        "lead_agency": person.agency_id,
        "lead_person": person.pk,
        "review_date": (TODAY + datetime.timedelta(days=90)).isoformat(),
        "review_interval_months": "3",
        **overrides,
    }


def test_the_manager_chooses_the_themes_a_priority_addresses(cast, neglect, recording):
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    plan = BusinessPlanFactory()
    person = cast[Role.AGENCY_LEAD].person
    form = manager.get(reverse("priorities:create", args=[plan.pk]))
    assert 'type="checkbox"' in _text(form) and "Themes it addresses" in _text(form)
    manager.post(reverse("priorities:create", args=[plan.pk]), _form(person, themes=[neglect.pk]))
    priority = plan.priorities.get()
    assert list(priority.themes.all()) == [neglect]
    manager.post(
        reverse("priorities:edit", args=[priority.pk]),
        _form(person, number="1", status="active", themes=[neglect.pk, recording.pk]),
    )
    assert set(priority.themes.all()) == {neglect, recording}
    page = _text(manager.get(priority.get_absolute_url()))
    assert "Themes it addresses" in page
    assert reverse("themes:detail", args=["recording"]) in page


def test_the_service_keeps_the_themes_unless_given(cast, priority, neglect):
    services.priority_update(
        priority=priority,
        number=priority.number,
        title="Renamed",
        description="",
        objectives="One",
        lead_agency=priority.lead_agency,
        lead_person=priority.lead_person,
        status=priority.status,
        review_date=priority.review_date,
        review_interval_months=3,
    )
    assert priority.themes.count() == 2
    history = priority.history.first()
    assert history is not None


def test_a_priority_page_gathers_the_findings_of_its_themes(cast, priority, neglect, recording):
    published = builders.review(published=True)
    builders.finding(published, title="Nobody saw the pattern", themes=[neglect])
    builders.finding(published, title="Off the priority", themes=[builders.theme("escalation")])
    FindingFactory(
        round=AuditRoundFactory(closed=True),
        title="Strategy records rarely state the plan",
        themes=[recording, neglect],  # tagged with both: shown once
    )
    page = _text(signed_in_client(cast[Role.CHAIR]).get(priority.get_absolute_url()))
    assert "Nobody saw the pattern" in page and "Off the priority" not in page
    assert page.count("Strategy records rarely state the plan") == 1
    evidence = selectors.priority_evidence(priority, user=cast[Role.CHAIR])
    keys = [section.key for section in evidence.sections]
    assert keys.index("actions") < keys.index("review-findings") < keys.index("audit-findings")
    assert "priorities" in keys and evidence.section("priorities").rows == []  # not itself


def test_a_priority_without_themes_shows_only_its_own_sections(cast):
    evidence = selectors.priority_evidence(PriorityFactory())
    assert "review-findings" not in [section.key for section in evidence.sections]


def test_an_indicator_linked_to_the_priority_and_tagged_with_its_theme_shows_once(
    cast, priority, neglect
):
    indicator = IndicatorFactory(priorities=[priority], owning_agency=cast.home_agency)
    indicator.themes.set([neglect])
    evidence = selectors.priority_evidence(priority, user=cast[Role.CHAIR])
    assert evidence.section("indicators").rows == [indicator]
    assert evidence.section("scorecard-indicators").rows == []


def test_a_restricted_reviews_findings_are_counted_on_the_priority_page(cast, priority, neglect):
    restricted = builders.review(team=[cast[Role.AUDITOR]])
    builders.finding(restricted, title="Nobody saw the baby", themes=[neglect])
    page = _text(signed_in_client(cast[Role.AGENCY_LEAD]).get(priority.get_absolute_url()))
    assert "Nobody saw the baby" not in page
    assert "1 more finding you do not have access to." in page


def test_a_measure_links_to_its_targets_page(cast, priority):
    indicator = IndicatorFactory(name="Repeat plans for neglect")
    services.measure_add(priority=priority, description="Fewer repeat plans", target=indicator)
    page = _text(signed_in_client(cast[Role.CHAIR]).get(priority.get_absolute_url()))
    assert f'href="{indicator.get_absolute_url()}"' in page


def _tag(theme, count: int, *, first: int = 0) -> None:
    for n in range(first, first + count):
        review = builders.review(published=True)
        builders.finding(review, themes=[theme], title=f"Review finding {n}")
        FindingFactory(round=AuditRoundFactory(closed=True), title=f"Audit {n}", themes=[theme])


def test_a_priority_page_takes_as_many_queries_for_30_findings_as_for_3(
    cast, priority, neglect, django_assert_max_num_queries
):
    client = signed_in_client(cast[Role.BOARD_MEMBER])
    _tag(neglect, 3)
    client.get(priority.get_absolute_url())
    with CaptureQueriesContext(connection) as context:
        client.get(priority.get_absolute_url())
    _tag(neglect, 27, first=3)
    with django_assert_max_num_queries(len(context.captured_queries)):
        page = _text(client.get(priority.get_absolute_url()))
    assert "Review finding 29" in page and "Audit 29" in page

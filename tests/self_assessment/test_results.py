"""The results: each area's average rating, compared with the previous self-assessment, on the
page (chart and table) and in the yearly report's section."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.core.extension_points import report_sections
from safeboard.self_assessment import selectors
from safeboard.self_assessment.models import Question
from safeboard.self_assessment.report_section import (
    self_assessment_figures,
    self_assessment_summary,
)
from safeboard.self_assessment.services import self_assessment_complete

from .factories import completed_assessment, open_assessment, rate_all

GOVERNANCE = "Governance and membership"
TRAINING = "Training"


def _score_by_area(scores: dict[str, int]):
    return lambda question: scores.get(question.area.name)


@pytest.fixture
def two_years(cast):
    """2025: governance 2 and 4 (two members), training 1. 2026: governance 3, training 3."""
    chair, member = cast[Role.CHAIR].person, cast[Role.BOARD_MEMBER].person
    earlier = open_assessment(title="Self-assessment 2025", opened_on=datetime.date(2025, 3, 1))
    rate_all(earlier, chair, _score_by_area({GOVERNANCE: 2, TRAINING: 1}))
    rate_all(earlier, member, _score_by_area({GOVERNANCE: 4}))
    self_assessment_complete(
        assessment=earlier, completed_on=datetime.date(2025, 4, 1), today=datetime.date(2025, 4, 1)
    )
    later = completed_assessment(
        person=chair,
        title="Self-assessment 2026",
        opened_on=datetime.date(2026, 3, 1),
        completed_on=datetime.date(2026, 4, 1),
        score_of=_score_by_area({GOVERNANCE: 3, TRAINING: 3}),
    )
    return earlier, later


def test_each_areas_average_and_its_change_since_the_last(two_years):
    earlier, later = two_years
    results = selectors.results(assessment=later)
    assert results.previous == earlier
    by_area = {area.area: area for area in results.areas}
    assert (by_area[GOVERNANCE].average, by_area[GOVERNANCE].previous) == (3.0, 3.0)
    assert by_area[GOVERNANCE].change == 0.0
    assert (by_area[TRAINING].average, by_area[TRAINING].previous) == (3.0, 1.0)
    assert by_area[TRAINING].change == 2.0
    assert results.overall == 3.0
    assert results.previous_overall == 2.0
    assert results.overall_change == 1.0


def test_the_first_self_assessment_has_nothing_to_compare_with(two_years):
    earlier, _ = two_years
    results = selectors.results(assessment=earlier)
    assert results.previous is None
    assert all(area.change is None for area in results.areas)


def test_the_report_section_quotes_the_latest_result_and_the_change(two_years):
    assert "self-assessment" in report_sections
    figures = self_assessment_figures(
        start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31)
    )
    assert figures["assessment"] == "Self-assessment 2026"
    assert figures["previous"] == "Self-assessment 2025"
    assert figures["overall_change"] == 1.0
    assert {row["area"]: row["change"] for row in figures["areas"]} == {
        GOVERNANCE: 0.0,
        TRAINING: 2.0,
    }
    assert self_assessment_summary(figures) == (
        "The board rated its own work 3.00 out of 4 on average, up 1.00 since the last one."
    )


def test_the_report_for_an_earlier_year_quotes_the_result_it_had(two_years):
    figures = self_assessment_figures(
        start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31)
    )
    assert figures["assessment"] == "Self-assessment 2025"
    assert figures["previous"] is None


def test_without_a_completed_self_assessment_the_report_says_so(db):
    open_assessment()
    figures = self_assessment_figures(
        start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31)
    )
    assert figures == {"assessment": None, "areas": []}
    assert "not completed" in self_assessment_summary(figures)


def test_the_results_page_has_a_chart_and_a_table_of_the_same_figures(client_for, cast, two_years):
    _, later = two_years
    body = client_for(cast[Role.BOARD_MEMBER]).get(later.get_absolute_url()).content.decode()
    assert 'role="img"' in body
    assert "Average rating out of 4, by area" in body
    assert "Training: 3.00, previously 1.00" in body  # the chart's text alternative
    assert "+2.00" in body


def test_a_member_rates_through_the_form(client_for, cast):
    assessment = open_assessment()
    question = Question.objects.first()
    client = client_for(cast[Role.BOARD_MEMBER])
    page = client.get(reverse("self_assessment:rate", kwargs={"pk": assessment.pk}))
    assert question.text in page.content.decode()
    response = client.post(
        reverse("self_assessment:rate", kwargs={"pk": assessment.pk}),
        {f"score_{question.pk}": "4", f"evidence_{question.pk}": "/self-assessment/"},
    )
    assert response.status_code == 302
    rating = assessment.ratings.get()
    assert (rating.score, rating.evidence_url) == (4, "/self-assessment/")


def test_a_rating_with_bad_evidence_shows_the_form_again(client_for, cast):
    assessment = open_assessment()
    question = Question.objects.first()
    response = client_for(cast[Role.CHAIR]).post(
        reverse("self_assessment:rate", kwargs={"pk": assessment.pk}),
        {f"score_{question.pk}": "4", f"evidence_{question.pk}": "https://evil.example//x"},
    )
    assert response.status_code == 400
    assert not assessment.ratings.exists()


@pytest.mark.parametrize("role", [Role.READER, Role.PRACTITIONER, Role.AGENCY_LEAD])
def test_those_outside_the_board_may_not_rate(client_for, cast, role):
    assessment = open_assessment()
    question = Question.objects.first()
    response = client_for(cast[role]).post(
        reverse("self_assessment:rate", kwargs={"pk": assessment.pk}),
        {f"score_{question.pk}": "1"},
    )
    assert response.status_code == 403
    assert not assessment.ratings.exists()


@pytest.mark.parametrize("role", [Role.CHAIR, Role.BOARD_MEMBER])
def test_only_the_business_manager_completes_it(client_for, cast, role):
    assessment = open_assessment()
    rate_all(assessment, cast[Role.CHAIR].person, lambda question: 2)
    response = client_for(cast[role]).post(
        reverse("self_assessment:complete", kwargs={"pk": assessment.pk}),
        {"completed_on": "2026-03-20"},
    )
    assert response.status_code == 403
    assessment.refresh_from_db()
    assert assessment.is_open


def test_the_results_page_does_not_grow_in_queries_with_ratings(
    client_for, cast, two_years, django_assert_max_num_queries
):
    assessment = open_assessment(title="Self-assessment 2027", opened_on=datetime.date(2027, 3, 1))
    rate_all(assessment, cast[Role.CHAIR].person, lambda question: 3)
    client = client_for(cast[Role.BUSINESS_MANAGER])
    with django_assert_max_num_queries(40) as context:
        client.get(assessment.get_absolute_url())
    baseline = len(context.captured_queries)
    for role in (Role.BUSINESS_MANAGER, Role.BOARD_MEMBER):
        rate_all(assessment, cast[role].person, lambda question: 2)
    with django_assert_max_num_queries(baseline):
        client.get(assessment.get_absolute_url())

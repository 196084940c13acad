"""National reviews feed the loop: the partnership's decision, its recommendations and the
actions answering them, on the theme's page, in its chain and in the yearly report."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.selectors import actions_about
from safeboard.core.extension_points import report_sections
from safeboard.national_learning import services
from safeboard.partnership.factories import PersonFactory
from safeboard.themes.factories import default_theme
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _loop():
    theme = default_theme("neglect")
    review = services.review_log(
        kind="panel_review",
        title="Child protection in England",
        publisher="Child Safeguarding Practice Review Panel",
        published_on=TODAY - datetime.timedelta(days=90),
        summary="Agencies did not act on what they knew together.",
        themes=[theme],
    )
    services.review_decide(
        review=review, decision="Multi-agency training on sharing risk.", decided_on=TODAY
    )
    recommendation = services.recommendation_add(
        review=review, text="Every agency reviews its information sharing.", made_on=TODAY
    )
    action = services.recommendation_add_action(
        recommendation=recommendation,
        title="Audit information sharing in strategy discussions",
        owner_person=PersonFactory(),
        due_on=TODAY + datetime.timedelta(days=30),
    )
    return theme, review, recommendation, action


def test_the_theme_page_and_chain_show_the_review_and_what_was_done(cast):
    theme, review, recommendation, action = _loop()
    assert action in actions_about([theme])
    client = signed_in_client(cast[Role.CHAIR])
    page = client.get(theme.get_absolute_url()).content.decode()
    assert "National reviews and reports" in page and review.title in page
    chain = client.get(reverse("impact:theme_chain", kwargs={"slug": theme.slug})).content.decode()
    assert review.title in chain and recommendation.text in chain and action.title in chain


def test_the_yearly_report_says_how_learning_was_acted_on():
    _loop()
    section = report_sections["learning-acted-on"]
    figures = section.figures(start=TODAY - datetime.timedelta(days=365), end=TODAY)
    assert figures["decided"] == 1
    assert figures["recommendations"] == 1
    assert figures["actions_raised"] == 1
    assert figures["actions_by_source"][0]["source"] == "recommendation"
    assert "1 national reviews" in section.plain_summary(figures)


def test_a_decision_needs_words(cast):
    _, review, _, _ = _loop()
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).post(
        reverse("national_learning:review_decide", args=[review.pk]),
        {"decision": "   ", "decided_on": TODAY.isoformat()},
    )
    assert response.status_code == 400


@pytest.mark.parametrize("role", [Role.CHAIR, Role.LAY_MEMBER, Role.READER])
def test_only_the_business_manager_keeps_the_log(cast, role):
    response = signed_in_client(cast[role]).post(reverse("national_learning:review_create"), {})
    assert response.status_code == 403

"""The chair's scrutiny list: where the chain from finding to impact breaks."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action
from safeboard.impact import verdicts
from safeboard.impact.judging import Standing, Verdict
from safeboard.impact.scrutiny.selectors import scrutiny_list
from safeboard.priorities.factories import PriorityFactory
from tests.conftest import signed_in_client
from tests.impact.chains.builders import TODAY, audit_link, review_link, story
from tests.reviews import builders as reviews

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    return reviews.theme()


def test_a_case_review_finding_without_a_recommendation_is_listed(cast, theme):
    finding = reviews.finding(reviews.review(published=True), themes=[theme])
    rows = scrutiny_list(user=cast[Role.CHAIR]).findings_without_ask
    assert [row.finding.record for row in rows] == [finding]


def test_an_audit_finding_without_an_action_is_listed_but_a_strength_is_not(cast, theme):
    finding, _ = audit_link(theme, with_action=False)
    strength, _ = audit_link(theme, with_action=False)
    strength.kind = strength.Kind.STRENGTH
    strength.save()
    rows = scrutiny_list(user=cast[Role.CHAIR]).findings_without_ask
    assert [row.finding.record for row in rows] == [finding]


def test_a_recommendation_without_an_action_is_listed(cast, theme):
    review = reviews.review(published=True)
    recommendation = reviews.recommendation(review, finding=reviews.finding(review))
    scrutiny = scrutiny_list(user=cast[Role.CHAIR])
    assert [row.recommendation.record for row in scrutiny.recommendations_without_actions] == [
        recommendation
    ]
    assert scrutiny.findings_without_ask == []


def test_a_recommendation_answering_no_finding_is_still_scrutinised(cast):
    review = reviews.review(published=True)
    recommendation = reviews.recommendation(review)
    rows = scrutiny_list(user=cast[Role.CHAIR]).recommendations_without_actions
    assert [row.recommendation.record for row in rows] == [recommendation]


def test_an_action_complete_without_evidence_of_impact_is_listed(cast, theme):
    _, _, bare = review_link(theme, action_status=Action.Status.COMPLETE)
    _, _, evidenced = review_link(theme, action_status=Action.Status.COMPLETE)
    story(evidenced)
    _, recommendation, through_recommendation = review_link(
        theme, action_status=Action.Status.COMPLETE
    )
    story(recommendation)
    review_link(theme)  # not complete yet: nothing to scrutinise
    listed = scrutiny_list(user=cast[Role.CHAIR]).complete_without_evidence
    assert [shown.action for _, shown in listed] == [bare]


def test_a_prioritys_complete_action_without_evidence_is_listed(cast):
    action = ActionFactory(
        source=PriorityFactory(), status=Action.Status.COMPLETE, completed_on=TODAY
    )
    listed = scrutiny_list(user=cast[Role.CHAIR]).complete_without_evidence
    assert [shown.action for _, shown in listed] == [action]


def _contradicted(claims):
    return [
        Verdict(Standing.NOT_SUPPORTED, "not supported: moved the wrong way")
        if "fell" in claim.statement
        else Verdict(Standing.NOT_ENOUGH_DATA, "not enough data to judge")
        for claim in claims
    ]


def test_claims_not_supported_by_the_data_are_listed_with_what_they_are_claimed_for(
    cast, theme, monkeypatch
):
    monkeypatch.setattr(verdicts, "judge_all", _contradicted)
    _, _, action = review_link(theme)
    priority = PriorityFactory()
    wrong = story(action, statement="Plans lasting two years or more fell to 4.8%")
    story(action, statement="Practitioners feel more confident")
    wrong_for_priority = story(priority, statement="Repeat plans fell")
    listed = scrutiny_list(user=cast[Role.CHAIR]).claims_not_supported
    assert {(item.judged.claim, item.about) for item in listed} == {
        (wrong, action.title),
        (wrong_for_priority, str(priority)),
    }
    page = signed_in_client(cast[Role.CHAIR]).get(reverse("impact:scrutiny")).content.decode()
    assert "Not supported" in page
    assert "Not supported: moved the wrong way" in page


def test_a_restricted_reviews_gaps_are_counted_not_shown(cast, theme):
    hidden = reviews.finding(reviews.review(published=False), themes=[theme], title="Secret")
    scrutiny = scrutiny_list(user=cast[Role.BOARD_MEMBER])
    assert scrutiny.findings_without_ask == []
    assert [left.sentence for left in scrutiny.left_out] == [
        "1 finding from a review you cannot open is left out."
    ]
    assert [
        row.finding.record for row in scrutiny_list(user=cast[Role.CHAIR]).findings_without_ask
    ] == [hidden]


def test_the_page_counts_each_gap_at_the_top(cast, theme):
    reviews.finding(reviews.review(published=True), themes=[theme], title="Nobody saw the baby")
    page = signed_in_client(cast[Role.CHAIR]).get(reverse("impact:scrutiny")).content.decode()
    assert "Findings that led to nothing</a></th>" in page
    assert "Nobody saw the baby" in page


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.AGENCY_LEAD, Role.AUDITOR, Role.READER])
def test_those_who_do_not_read_board_business_are_refused_the_scrutiny_list(cast, role):
    response = signed_in_client(cast[role]).get(reverse("impact:scrutiny"))
    assert response.status_code == 403


def test_the_home_page_links_the_chair_to_the_scrutiny_list(cast):
    url = reverse("impact:scrutiny")
    home = reverse("core:home")
    assert url in signed_in_client(cast[Role.CHAIR]).get(home).content.decode()
    assert url in signed_in_client(cast[Role.BUSINESS_MANAGER]).get(home).content.decode()
    assert url not in signed_in_client(cast[Role.PRACTITIONER]).get(home).content.decode()


def test_an_old_complete_action_is_listed_by_its_completion_date(cast, theme):
    _, _, action = review_link(theme, action_status=Action.Status.COMPLETE)
    Action.objects.filter(pk=action.pk).update(completed_on=TODAY - datetime.timedelta(days=40))
    page = signed_in_client(cast[Role.CHAIR]).get(reverse("impact:scrutiny")).content.decode()
    assert (TODAY - datetime.timedelta(days=40)).strftime("%-d %b %Y") in page

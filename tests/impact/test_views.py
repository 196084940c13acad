"""The Evidence of impact section on each record's page, and adding a claim to it."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.challenges.factories import ChallengeFactory
from safeboard.impact import services
from safeboard.impact.models import Claim
from safeboard.priorities.factories import PriorityFactory
from safeboard.reviews.factories import ReviewFactory
from safeboard.reviews.models import Recommendation, Review
from tests.conftest import signed_in_client

from .builders import indicator_series

BEFORE = [10, 12, 10, 12, 10, 12]


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def action(cast):
    return ActionFactory(owner_person__agency=cast.home_agency, owner_agency=cast.home_agency)


def _story(subject, **fields):
    return services.claim_add(
        subject=subject,
        kind="story",
        by=None,
        statement=fields.pop("statement", "A father said he was included."),
        narrative="He said that, for once, he was invited to the meeting.",
        told_by="a father",
        consent_recorded=True,
        **fields,
    )


def test_the_manager_adds_an_indicator_claim_and_sees_the_verdict(cast, action):
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    indicator, periods = indicator_series([*BEFORE, 17, 18, 17])
    page = _text(manager.get(action.get_absolute_url()))
    kind_url = reverse("impact:claim_kind", kwargs={"subject": "action", "pk": action.pk})
    assert "No evidence of impact yet." in page and kind_url in page

    response = manager.post(kind_url, {"kind": "indicator"})
    add_url = reverse(
        "impact:claim_add", kwargs={"subject": "action", "pk": action.pk, "kind": "indicator"}
    )
    assert response["Location"] == add_url
    assert "Last period after the change" in _text(manager.get(add_url))

    response = manager.post(
        add_url,
        {
            "statement": "More children were seen in time.",
            "indicator": indicator.pk,
            "before_first": periods[0].pk,
            "before_last": periods[5].pk,
            "after_first": periods[6].pk,
            "after_last": periods[8].pk,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == action.get_absolute_url() + "#evidence-of-impact"
    page = _text(manager.get(action.get_absolute_url()))
    assert (
        '<strong class="govuk-tag govuk-tag--green">supported: special-cause improvement</strong>'
        in page
    )
    assert "More children were seen in time." in page


def test_the_form_shows_the_problem_and_adds_nothing(cast, action):
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    indicator, periods = indicator_series([*BEFORE, 17])
    add_url = reverse(
        "impact:claim_add", kwargs={"subject": "action", "pk": action.pk, "kind": "indicator"}
    )
    response = manager.post(
        add_url,
        {
            "statement": "Better.",
            "indicator": indicator.pk,
            "before_first": periods[0].pk,
            "before_last": periods[6].pk,
            "after_first": periods[6].pk,
            "after_last": periods[6].pk,
        },
    )
    assert response.status_code == 400
    assert "The before run must end before the after run starts" in _text(response)
    assert not Claim.objects.exists()


def test_the_form_has_no_field_for_a_verdict(cast, action):
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    add_url = reverse(
        "impact:claim_add", kwargs={"subject": "action", "pk": action.pk, "kind": "indicator"}
    )
    page = _text(manager.get(add_url))
    assert 'name="verdict"' not in page and "supported" not in page.lower().split("<form")[1]


def test_an_unknown_kind_is_not_found(cast, action):
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    url = reverse("impact:claim_add", kwargs={"subject": "action", "pk": action.pk, "kind": "x"})
    assert manager.get(url).status_code == 404
    url = reverse("impact:claim_kind", kwargs={"subject": "agency", "pk": action.pk})
    assert manager.get(url).status_code == 404


def test_a_reader_of_the_action_sees_its_claims_but_may_not_add_or_withdraw(cast, action):
    claim = _story(action)
    lay = signed_in_client(cast[Role.LAY_MEMBER])
    page = _text(lay.get(action.get_absolute_url()))
    assert "A father said he was included." in page
    assert "story: not measured" in page
    assert "Add evidence of impact" not in page and "Withdraw" not in page
    kind_url = reverse("impact:claim_kind", kwargs={"subject": "action", "pk": action.pk})
    assert lay.get(kind_url).status_code == 403
    assert lay.post(kind_url, {"kind": "story"}).status_code == 403
    withdraw = reverse("impact:claim_withdraw", kwargs={"pk": claim.pk})
    assert lay.post(withdraw, {"reason": "No."}).status_code == 403
    claim.refresh_from_db()
    assert not claim.is_withdrawn


def test_an_agency_lead_adds_to_its_own_actions_only(cast, action):
    other_action = ActionFactory(
        owner_person__agency=cast.other_agency, owner_agency=cast.other_agency
    )
    lead = signed_in_client(cast[Role.AGENCY_LEAD])
    url = reverse(
        "impact:claim_add", kwargs={"subject": "action", "pk": action.pk, "kind": "story"}
    )
    story = {
        "statement": "Heard.",
        "narrative": "Told us.",
        "told_by": "a child",
        "consent_recorded": "on",
    }
    assert lead.post(url, story).status_code == 302
    other = reverse(
        "impact:claim_add", kwargs={"subject": "action", "pk": other_action.pk, "kind": "story"}
    )
    assert lead.post(other, story).status_code == 403
    challenge = ChallengeFactory(agency=cast.home_agency)
    to_challenge = reverse(
        "impact:claim_add", kwargs={"subject": "challenge", "pk": challenge.pk, "kind": "story"}
    )
    assert lead.post(to_challenge, story).status_code == 403
    assert Claim.objects.count() == 1


def test_the_chair_withdraws_a_claim_with_a_reason(cast, action):
    claim = _story(action)
    chair = signed_in_client(cast[Role.CHAIR])
    url = reverse("impact:claim_withdraw", kwargs={"pk": claim.pk})
    assert chair.post(url, {"reason": ""}).status_code == 400
    response = chair.post(url, {"reason": "Consent withdrawn."})
    assert response["Location"] == action.get_absolute_url() + "#evidence-of-impact"
    assert "A father said" not in _text(chair.get(action.get_absolute_url()))
    assert chair.get(url).status_code == 404  # a withdrawn claim cannot be withdrawn again


def test_a_challenge_shows_its_claims_and_its_carried_over_impact(cast):
    challenge = ChallengeFactory(agency=cast.home_agency, closed=True)
    services.claim_add(
        subject=challenge,
        kind="story",
        by=None,
        statement="Attendance rose to 95%.",
        narrative="Attendance rose to 95%.",
        carried_over=True,
    )
    page = _text(signed_in_client(cast[Role.BUSINESS_MANAGER]).get(challenge.get_absolute_url()))
    assert "Evidence of impact" in page
    assert (
        '<strong class="govuk-tag govuk-tag--purple">story: not checked against data</strong>'
        in page
    )
    lead_page = _text(signed_in_client(cast[Role.AGENCY_LEAD]).get(challenge.get_absolute_url()))
    assert "story: not checked against data" in lead_page
    assert "Add evidence of impact" not in lead_page


def test_a_priority_shows_its_claims(cast):
    priority = PriorityFactory()
    _story(priority, statement="Fathers are invited to conferences.")
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    page = _text(manager.get(priority.get_absolute_url()))
    assert "Fathers are invited to conferences." in page
    assert reverse("impact:claim_kind", kwargs={"subject": "priority", "pk": priority.pk}) in page


def test_a_reviews_recommendations_show_their_claims(cast):
    review = ReviewFactory(
        referred_by=cast[Role.BUSINESS_MANAGER],
        stage=Review.Stage.PUBLISHED,
        published_on=timezone.localdate(),
    )
    recommendation = Recommendation.objects.create(review=review, number=1, text="Include dads.")
    _story(recommendation, statement="A father joined the plan.")
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    page = _text(manager.get(reverse("reviews:recommendations", kwargs={"pk": review.pk})))
    assert "A father joined the plan." in page
    assert (
        reverse("impact:claim_kind", kwargs={"subject": "recommendation", "pk": recommendation.pk})
        in page
    )


def _page_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_section_reads_claims_in_a_fixed_number_of_queries(cast, action):
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    indicator, periods = indicator_series([*BEFORE, 17, 18, 17])

    def add_claims(count):
        for _ in range(count):
            _story(action)
            services.claim_add(
                subject=action,
                kind="indicator",
                by=None,
                statement="Seen in time.",
                indicator=indicator,
                before_first=periods[0],
                before_last=periods[5],
                after_first=periods[6],
                after_last=periods[8],
            )

    add_claims(1)
    manager.get(action.get_absolute_url())  # warm the content type cache
    few = _page_queries(manager, action.get_absolute_url())
    add_claims(9)
    assert _page_queries(manager, action.get_absolute_url()) == few

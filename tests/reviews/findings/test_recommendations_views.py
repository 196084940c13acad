"""A review's recommendations from the outside: the team names agencies, creates their
actions, and each owner finds theirs on their home page; the action plan's progress shows on
the page without a query per recommendation."""

from __future__ import annotations

import datetime
import html

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.reviews.findings import services
from safeboard.reviews.models import Recommendation
from tests.conftest import signed_in_client
from tests.reviews import builders

pytestmark = pytest.mark.django_db
TODAY = builders.TODAY


def _page(response) -> str:
    return html.unescape(response.content.decode())


def test_the_team_adds_a_recommendation_for_named_agencies(cast):
    review = builders.review()
    finding = builders.finding(review)
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    url = reverse("reviews:recommendation_create", args=[review.pk])
    form = _page(client.get(url + f"?finding={finding.pk}"))
    assert 'value="1"' in form
    response = client.post(
        url,
        {
            "number": "1",
            "text": "Every agency should ask who lives in the home.",
            "finding": finding.pk,
            "agencies": [cast.home_agency.pk, cast.other_agency.pk],
        },
    )
    recommendation = Recommendation.objects.get()
    assert response["Location"] == recommendation.get_absolute_url()
    assert recommendation.finding == finding
    assert set(recommendation.agencies.all()) == {cast.home_agency, cast.other_agency}


def test_a_recommendation_for_no_agency_shows_the_error_and_saves_nothing(cast):
    review = builders.review()
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("reviews:recommendation_create", args=[review.pk]),
        {"number": "1", "text": "Something."},
    )
    assert response.status_code == 400
    assert services.AGENCY_REQUIRED in _page(response)
    assert not Recommendation.objects.exists()


def test_a_number_in_use_shows_the_error(cast):
    review = builders.review()
    builders.recommendation(review, number=1, agencies=[cast.home_agency])
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("reviews:recommendation_create", args=[review.pk]),
        {"number": "1", "text": "Again.", "agencies": [cast.home_agency.pk]},
    )
    assert response.status_code == 400
    assert services.NUMBER_TAKEN.format(number=1) in _page(response)


def test_created_actions_show_on_each_owners_home_page(cast):
    review = builders.review()
    recommendation = builders.recommendation(review, agencies=[cast.home_agency, cast.other_agency])
    owner = cast[Role.PRACTITIONER]  # works for the home agency
    other_owner = cast.other_agency_lead
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    url = reverse("reviews:recommendation_actions", args=[review.pk, recommendation.pk])
    form = _page(client.get(url))
    assert cast.home_agency.name in form and cast.other_agency.name in form
    due = (TODAY + datetime.timedelta(days=7)).isoformat()
    response = client.post(
        url,
        {
            "title": "Ask who lives in the home at every contact",
            "description": "",
            f"owner_{cast.home_agency.pk}": owner.person.pk,
            f"due_on_{cast.home_agency.pk}": due,
            f"owner_{cast.other_agency.pk}": other_owner.person.pk,
            f"due_on_{cast.other_agency.pk}": due,
        },
    )
    assert response.status_code == 302
    assert Action.objects.filter(owner_person=owner.person).get().source == recommendation
    for user in (owner, other_owner):
        home = _page(signed_in_client(user).get(reverse("core:home")))
        assert "Ask who lives in the home at every contact" in home


def test_an_action_without_an_owner_names_the_agency_and_nothing_is_saved(cast):
    review = builders.review()
    recommendation = builders.recommendation(review, agencies=[cast.home_agency])
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("reviews:recommendation_actions", args=[review.pk, recommendation.pk]),
        {"title": "", f"due_on_{cast.home_agency.pk}": TODAY.isoformat()},
    )
    assert response.status_code == 400
    assert services.OWNER_REQUIRED.format(agency=cast.home_agency.name) in _page(response)
    assert not Action.objects.exists()


def test_an_owner_of_another_agency_cannot_be_chosen(cast):
    review = builders.review()
    recommendation = builders.recommendation(review, agencies=[cast.home_agency])
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("reviews:recommendation_actions", args=[review.pk, recommendation.pk]),
        {
            f"owner_{cast.home_agency.pk}": cast.other_agency_lead.person.pk,
            f"due_on_{cast.home_agency.pk}": TODAY.isoformat(),
        },
    )
    assert response.status_code == 400
    assert not Action.objects.exists()


def _answered(recommendation, agency, **fields):
    fields.setdefault("owner_person", PersonFactory(agency=agency))
    return ActionFactory(
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id=recommendation.pk,
        owner_agency=agency,
        **fields,
    )


def test_when_every_agency_has_an_action_the_actions_page_sends_back(cast):
    review = builders.review()
    recommendation = builders.recommendation(review, agencies=[cast.home_agency])
    _answered(recommendation, cast.home_agency)
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.get(
        reverse("reviews:recommendation_actions", args=[review.pk, recommendation.pk]),
        follow=True,
    )
    assert services.NO_AGENCY_WITHOUT_ACTION in _page(response)


def test_the_page_shows_each_recommendations_actions_and_the_plans_progress(cast):
    review = builders.review(published=True)
    police = AgencyFactory(name="Brackenshire Police")
    recommendation = builders.recommendation(review, agencies=[police, cast.home_agency])
    _answered(
        recommendation, police, title="Train call handlers", due_on=TODAY - datetime.timedelta(1)
    )
    page = _page(
        signed_in_client(cast[Role.LAY_MEMBER]).get(
            reverse("reviews:recommendations", args=[review.pk])
        )
    )
    assert "Train call handlers" in page
    assert "0 of 1 action complete; <strong>1 open (of which 1 overdue)</strong>" in page
    assert f"No action yet from: {cast.home_agency.name}." in page
    assert "Create actions" not in page


def test_a_recommendation_with_actions_cannot_be_deleted_from_its_page(cast):
    review = builders.review()
    recommendation = builders.recommendation(review, agencies=[cast.home_agency])
    _answered(recommendation, cast.home_agency)
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("reviews:recommendation_delete", args=[review.pk, recommendation.pk])
    )
    assert response.status_code == 400
    assert services.RECOMMENDATION_HAS_ACTIONS.format(number=1) in _page(response)
    assert Recommendation.objects.exists()


def _count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_recommendations_page_takes_as_many_queries_for_many_as_for_few(
    cast, django_assert_max_num_queries
):
    client = signed_in_client(cast[Role.CHAIR])
    few, many = builders.review(), builders.review()
    agencies = [AgencyFactory() for _ in range(3)]
    for review, count in ((few, 1), (many, 10)):
        for n in range(count):
            recommendation = builders.recommendation(
                review, agencies=agencies, finding=builders.finding(review, title=f"F{n}")
            )
            for agency in agencies[:2]:
                _answered(recommendation, agency)
    baseline = _count(client, reverse("reviews:recommendations", args=[few.pk]))
    with django_assert_max_num_queries(baseline):
        client.get(reverse("reviews:recommendations", args=[many.pk]))


def test_a_practitioner_on_no_team_cannot_reach_a_restricted_reviews_actions_page(cast):
    review = builders.review()
    recommendation = builders.recommendation(review, agencies=[cast.home_agency])
    outsider = UserFactory(person=PersonFactory(agency=cast.home_agency), roles=[Role.AGENCY_LEAD])
    response = signed_in_client(outsider).get(
        reverse("reviews:recommendation_actions", args=[review.pk, recommendation.pk])
    )
    assert response.status_code == 404


@pytest.mark.parametrize("published", [False, True])
def test_an_actions_page_names_its_review_only_to_those_who_may_read_it(cast, published):
    review = builders.review(published=published)
    recommendation = builders.recommendation(review, agencies=[cast.home_agency])
    owner = cast[Role.PRACTITIONER]  # outside the review's team
    action = _answered(recommendation, cast.home_agency, owner_person=owner.person)
    url = reverse("actions:detail", args=[action.pk])

    owners_page = _page(signed_in_client(owner).get(url))
    managers_page = _page(signed_in_client(cast[Role.BUSINESS_MANAGER]).get(url))

    assert "Case review recommendation" in owners_page
    assert recommendation.get_absolute_url() in managers_page
    if published:
        assert f"Recommendation 1 of {review.reference}" in owners_page
        assert recommendation.get_absolute_url() in owners_page
    else:
        assert "a confidential case review" in owners_page
        assert review.reference not in owners_page
        assert recommendation.get_absolute_url() not in owners_page


def _listed(client, url_name: str, title: str) -> dict[str, bool]:
    url = reverse(url_name)
    return {
        "page": title in _page(client.get(url)),
        "export": title in b"".join(client.get(url, {"format": "csv"}).streaming_content).decode(),
    }


def test_an_action_answering_a_restricted_review_stays_out_of_an_outsiders_action_lists(cast):
    recommendation = builders.recommendation(builders.review(), agencies=[cast.home_agency])
    owner = cast[Role.PRACTITIONER]  # outside the review's team
    title = "Train the duty desk in escalation"
    _answered(
        recommendation,
        cast.home_agency,
        owner_person=owner.person,
        title=title,
        due_on=TODAY - datetime.timedelta(days=3),
    )
    board_member = signed_in_client(cast[Role.BOARD_MEMBER])  # same agency, not on the team

    assert _listed(board_member, "actions:agency", title) == {"page": False, "export": False}
    assert _listed(board_member, "actions:all", title) == {"page": False, "export": False}
    assert title not in _page(board_member.get(reverse("core:home")))


def test_the_owner_and_the_review_team_still_list_an_action_answering_a_restricted_review(cast):
    member = cast[Role.AUDITOR]
    recommendation = builders.recommendation(
        builders.review(team=[member]), agencies=[cast.home_agency]
    )
    title = "Train the duty desk in escalation"
    _answered(
        recommendation, cast.home_agency, owner_person=cast[Role.PRACTITIONER].person, title=title
    )

    owner = signed_in_client(cast[Role.PRACTITIONER])
    assert _listed(owner, "actions:mine", title) == {"page": True, "export": True}
    assert _listed(owner, "actions:agency", title) == {"page": True, "export": True}
    assert _listed(signed_in_client(member), "actions:agency", title)["page"]
    assert _listed(signed_in_client(cast[Role.CHAIR]), "actions:all", title)["page"]


def test_once_the_review_is_published_its_actions_are_listed_for_everyone(cast):
    recommendation = builders.recommendation(
        builders.review(published=True), agencies=[cast.home_agency]
    )
    title = "Train the duty desk in escalation"
    _answered(recommendation, cast.home_agency, title=title)

    board_member = signed_in_client(cast[Role.BOARD_MEMBER])
    assert _listed(board_member, "actions:agency", title) == {"page": True, "export": True}

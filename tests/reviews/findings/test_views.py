"""A review's findings pages from the outside: the team adds and orders findings, outsiders
get 404, permitted views of a restricted review are logged, and the page does not grow in
queries with its findings."""

from __future__ import annotations

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.reviews.findings import services
from safeboard.reviews.models import Finding, ReviewViewLog
from tests.conftest import signed_in_client
from tests.reviews import builders

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _finding_form(**overrides) -> dict:
    data = {
        "title": "Nobody saw the baby undressed",
        "text": "Bruising went unseen for weeks.",
        "evidence": "No record of a full check at any of six visits.",
        "themes": [builders.theme("professional-curiosity").pk, builders.theme("neglect").pk],
    }
    data.update(overrides)
    return data


def test_a_team_member_adds_a_finding_and_sees_it_with_its_themes(cast):
    auditor = cast[Role.AUDITOR]
    review = builders.review(team=[auditor])
    client = signed_in_client(auditor)
    response = client.post(reverse("reviews:finding_create", args=[review.pk]), _finding_form())
    finding = Finding.objects.get()
    assert response.status_code == 302
    assert response["Location"] == finding.get_absolute_url()
    page = _page(client.get(reverse("reviews:findings", args=[review.pk])))
    assert "1. Nobody saw the baby undressed" in page
    assert "Professional curiosity" in page and "Neglect" in page
    assert "No record of a full check at any of six visits." in page


def test_a_finding_without_a_theme_shows_the_error_and_saves_nothing(cast):
    review = builders.review()
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("reviews:finding_create", args=[review.pk]), _finding_form(themes=[])
    )
    assert response.status_code == 400
    assert services.THEME_REQUIRED in _page(response)
    assert not Finding.objects.exists()


def test_a_retired_theme_is_not_offered_for_a_new_finding(cast):
    retired = builders.theme("safe-sleeping")
    retired.is_active = False
    retired.save()
    review = builders.review()
    page = _page(
        signed_in_client(cast[Role.CHAIR]).get(reverse("reviews:finding_create", args=[review.pk]))
    )
    assert "Neglect" in page and "Safe sleeping" not in page


def test_a_retired_theme_stays_ticked_on_the_finding_that_has_it(cast):
    review = builders.review()
    retired = builders.theme("safe-sleeping")
    finding = builders.finding(review, themes=[retired])
    retired.is_active = False
    retired.save()
    client = signed_in_client(cast[Role.CHAIR])
    url = reverse("reviews:finding_edit", args=[review.pk, finding.pk])
    assert "Safe sleeping" in _page(client.get(url))
    response = client.post(url, _finding_form(themes=[retired.pk]))
    assert response.status_code == 302
    assert list(finding.themes.all()) == [retired]


def test_a_finding_of_another_review_is_not_found_through_this_one(cast):
    review, other = builders.review(), builders.review()
    finding = builders.finding(other)
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    url = reverse("reviews:finding_edit", args=[review.pk, finding.pk])
    assert client.get(url).status_code == 404


def test_the_move_buttons_reorder_the_findings(cast):
    review = builders.review()
    builders.finding(review, title="First")
    second = builders.finding(review, title="Second")
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("reviews:finding_move", args=[review.pk, second.pk]), {"direction": "up"}
    )
    assert response.status_code == 302
    assert list(review.findings.order_by("position").values_list("title", flat=True)) == [
        "Second",
        "First",
    ]


def test_deleting_a_finding_warns_of_its_recommendations_and_keeps_them(cast):
    review = builders.review()
    finding = builders.finding(review)
    recommendation = builders.recommendation(review, finding=finding, number=3)
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    url = reverse("reviews:finding_delete", args=[review.pk, finding.pk])
    assert "Recommendations linked to it (3) stay" in _page(client.get(url))
    assert client.post(url).status_code == 302
    assert not Finding.objects.exists()
    recommendation.refresh_from_db()
    assert recommendation.finding is None


def test_a_team_members_view_of_a_restricted_review_is_logged(cast):
    auditor = cast[Role.AUDITOR]
    review = builders.review(team=[auditor])
    url = reverse("reviews:findings", args=[review.pk])
    assert signed_in_client(auditor).get(url).status_code == 200
    (entry,) = ReviewViewLog.objects.filter(review=review)
    assert (entry.user, entry.path) == (auditor, url)


def test_an_outsider_gets_404_for_a_restricted_review_and_nothing_is_logged(cast):
    review = builders.review(team=[cast[Role.AUDITOR]])
    for role in (Role.BOARD_MEMBER, Role.LEARNING_OFFICER, Role.READER):
        client = signed_in_client(cast[role])
        for name in ("reviews:findings", "reviews:recommendations"):
            assert client.get(reverse(name, args=[review.pk])).status_code == 404
    assert not ReviewViewLog.objects.exists()


def test_everyone_reads_a_published_reviews_findings_without_a_log_entry(cast):
    review = builders.review(published=True)
    builders.finding(review, title="Fathers were unseen")
    client = signed_in_client(cast[Role.PRACTITIONER])
    page = _page(client.get(reverse("reviews:findings", args=[review.pk])))
    assert "Fathers were unseen" in page
    assert "Add a finding" not in page and "Delete" not in page
    assert not ReviewViewLog.objects.exists()


def test_the_history_of_a_finding_lists_its_changes(cast):
    review = builders.review()
    finding = builders.finding(review, title="Old words")
    services.finding_update(
        finding=finding, title="New words", text="t", evidence="e", themes=[builders.theme()]
    )
    client = signed_in_client(cast[Role.CHAIR])
    page = _page(client.get(reverse("reviews:finding_history", args=[review.pk, finding.pk])))
    assert "Old words" in page and "New words" in page


def _count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_findings_page_takes_as_many_queries_for_many_findings_as_for_few(
    cast, django_assert_max_num_queries
):
    auditor = cast[Role.AUDITOR]
    client = signed_in_client(auditor)
    few, many = builders.review(team=[auditor]), builders.review(team=[auditor])
    builders.finding(few)
    builders.recommendation(few, finding=few.findings.get())
    builders.briefing(review=few)
    for n in range(12):
        finding = builders.finding(
            many, themes=[builders.theme(), builders.theme("neglect")], title=f"F{n}"
        )
        builders.recommendation(many, finding=finding)
        builders.briefing(review=many, title=f"B{n}")
    baseline = _count(client, reverse("reviews:findings", args=[few.pk]))
    with django_assert_max_num_queries(baseline):
        client.get(reverse("reviews:findings", args=[many.pk]))

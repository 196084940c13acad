"""The search page: results the reader may see, with their matches marked."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.reviews.models import ReviewViewLog
from safeboard.reviews.search.forms import TOO_LONG
from tests.conftest import signed_in_client
from tests.reviews import builders

pytestmark = pytest.mark.django_db


def test_the_search_page_lists_matches_the_reader_may_see(cast):
    published = builders.review(published=True)
    finding = builders.finding(published, title="Escalation policy unused")
    builders.finding(builders.review(), title="Escalation in a restricted review")
    response = signed_in_client(cast[Role.PRACTITIONER]).get(
        reverse("reviews:search"), {"q": "escalation"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Escalation</mark> policy unused" in page
    assert html.escape(finding.get_absolute_url()) in page
    assert "restricted review" not in page
    assert "1 result for" in page


def test_search_syntax_in_the_box_is_read_as_words(cast):
    builders.finding(builders.review(published=True), title="Drift in planning")
    response = signed_in_client(cast[Role.READER]).get(
        reverse("reviews:search"), {"q": 'drift" AND (NOT'}
    )
    assert response.status_code == 200
    # Whether "and" and "not" count as words differs between databases; the page answers.
    assert 'id="results"' in response.content.decode()


def test_an_over_long_query_is_refused_with_a_message(cast):
    response = signed_in_client(cast[Role.READER]).get(reverse("reviews:search"), {"q": "x" * 201})
    assert response.status_code == 400
    assert TOO_LONG in html.unescape(response.content.decode())


def test_a_team_member_finding_a_restricted_reviews_words_is_written_in_its_access_log(cast):
    member = cast[Role.AUDITOR]
    restricted = builders.review(team=[member])
    builders.finding(restricted, title="Escalation was never tried")
    builders.finding(restricted, title="Escalation routes unclear")
    builders.finding(builders.review(published=True), title="Escalation in a published review")
    url = reverse("reviews:search")

    response = signed_in_client(member).get(url, {"q": "escalation"})

    assert response.status_code == 200
    (look,) = ReviewViewLog.objects.all()
    assert (look.review, look.user) == (restricted, member)
    assert look.path == f"{url}?q=escalation"


def test_a_search_that_shows_nothing_restricted_writes_nothing_in_any_access_log(cast):
    member = cast[Role.AUDITOR]
    builders.finding(builders.review(team=[member]), title="Drift in planning")

    signed_in_client(member).get(reverse("reviews:search"), {"q": "escalation"})

    assert not ReviewViewLog.objects.exists()

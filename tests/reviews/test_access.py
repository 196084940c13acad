"""Invisible to outsiders: 404 for every page of a restricted review, and every permitted look
written to the access log, which only the business manager reads."""

from __future__ import annotations

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.reviews.factories import DecisionFactory, ReviewFactory, TeamMemberFactory
from safeboard.reviews.models import Review, ReviewViewLog
from tests.conftest import signed_in_client

from .access_cases import ACCESS_CASES, NOT_FOUND

pytestmark = pytest.mark.django_db

REVIEW_PAGES = sorted({case.url_name for case in ACCESS_CASES if case.refused_status == NOT_FOUND})


@pytest.mark.parametrize("url_name", REVIEW_PAGES)
def test_a_signed_in_user_off_the_team_gets_404_for_every_page_of_a_restricted_review(
    cast, url_name
):
    case = next(c for c in ACCESS_CASES if c.url_name == url_name and c.refused_status == NOT_FOUND)
    kwargs = case.kwargs(cast)
    url = reverse(url_name, kwargs=kwargs)
    missing = reverse(url_name, kwargs={**kwargs, "pk": kwargs["pk"] + 1000})
    for user in (cast[Role.BOARD_MEMBER], cast.other_agency_lead, cast.no_role):
        client = signed_in_client(user)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
        # Exactly what a review that does not exist answers.
        assert client.get(missing).status_code == 404


def test_every_permitted_look_at_a_restricted_review_is_logged(cast, review):
    member = cast[Role.AUDITOR]
    TeamMemberFactory(review=review, user=member)
    url = reverse("reviews:detail", kwargs={"pk": review.pk})

    signed_in_client(member).get(url)
    signed_in_client(cast[Role.CHAIR]).get(url + "?from=home")
    signed_in_client(cast[Role.PRACTITIONER]).get(url)  # refused: not logged

    entries = list(ReviewViewLog.objects.order_by("id"))
    assert [(e.user, e.path) for e in entries] == [
        (member, url),
        (cast[Role.CHAIR], url + "?from=home"),
    ]
    assert all(e.review == review for e in entries)


def test_looks_at_a_published_review_are_not_logged(cast):
    review = ReviewFactory(stage=Review.Stage.PUBLISHED, published_on=timezone.localdate())
    signed_in_client(cast[Role.READER]).get(reverse("reviews:detail", kwargs={"pk": review.pk}))
    assert not ReviewViewLog.objects.exists()


def test_the_business_manager_reads_who_looked_and_when(cast, review, manager_client):
    chair = cast[Role.CHAIR]
    signed_in_client(chair).get(reverse("reviews:decision", kwargs={"pk": review.pk}))

    page = manager_client.get(reverse("reviews:access_log")).content.decode()

    assert html.escape(str(chair)) in page  # a name may hold an apostrophe
    assert review.reference in page
    assert reverse("reviews:decision", kwargs={"pk": review.pk}) in page
    filtered = manager_client.get(reverse("reviews:access_log"), {"review": review.pk})
    assert filtered.status_code == 200
    assert f"Access log: {review.reference}" in filtered.content.decode()


def test_the_access_log_is_paginated(cast, review, manager_client):
    ReviewViewLog.objects.bulk_create(
        ReviewViewLog(review=review, user=cast[Role.CHAIR], path=f"/reviews/{n}/")
        for n in range(60)
    )
    page = manager_client.get(reverse("reviews:access_log")).content.decode()
    assert "Page 1 of 2" in page
    assert manager_client.get(reverse("reviews:access_log"), {"page": 2}).status_code == 200


def test_the_access_log_takes_as_many_queries_for_60_views_as_for_2(
    cast, review, manager_client, django_assert_num_queries
):
    url = reverse("reviews:access_log")
    chair = cast[Role.CHAIR]
    ReviewViewLog.objects.create(review=review, user=chair, path="/a/")
    ReviewViewLog.objects.create(review=review, user=cast[Role.AUDITOR], path="/b/")
    manager_client.get(url)
    with CaptureQueriesContext(connection) as context:
        manager_client.get(url)
    other = ReviewFactory()
    ReviewViewLog.objects.bulk_create(
        ReviewViewLog(review=other if n % 2 else review, user=chair, path=f"/{n}/")
        for n in range(58)
    )
    with django_assert_num_queries(len(context.captured_queries)):
        assert manager_client.get(url).status_code == 200


def test_the_history_of_a_review_and_its_decision_is_for_those_who_work_on_it(cast, review):
    decision = DecisionFactory(review=review)
    for model, pk in (("reviews.review", review.pk), ("reviews.decision", decision.pk)):
        url = reverse("core:history", kwargs={"model": model, "pk": pk})
        assert signed_in_client(cast[Role.CHAIR]).get(url).status_code == 200
        assert signed_in_client(cast[Role.BOARD_MEMBER]).get(url).status_code != 200


def test_a_place_on_a_team_counts_at_once_and_ends_at_once_for_the_same_user_object(cast):
    user = cast[Role.AUDITOR]
    review, other = ReviewFactory(), ReviewFactory()
    assert not user.has_perm("reviews.view_review", review)

    place = TeamMemberFactory(review=review, user=user)
    assert user.has_perm("reviews.view_review", review)
    assert not user.has_perm("reviews.view_review", other)

    place.delete()
    assert not user.has_perm("reviews.view_review", review)


def test_the_team_is_read_once_however_many_reviews_are_checked(cast):
    user = cast[Role.AUDITOR]
    reviews = [ReviewFactory() for _ in range(5)]
    TeamMemberFactory(review=reviews[0], user=user)

    with CaptureQueriesContext(connection) as queries:
        seen = [user.has_perm("reviews.view_review", review) for review in reviews * 2]

    assert seen == [True, False, False, False, False] * 2
    assert sum("reviews_teammember" in query["sql"] for query in queries) == 1


def test_a_review_read_for_its_page_answers_from_its_own_team(cast):
    """The page reads the team it shows with the review; the rule asks that team, not the
    reader's teams, and agrees with it for a member and for someone off the team."""
    from safeboard.reviews.cases.selectors import review_for_page

    member, outsider = cast[Role.AUDITOR], cast[Role.BOARD_MEMBER]
    review = ReviewFactory()
    TeamMemberFactory(review=review, user=member)
    read = review_for_page(review.pk)

    with CaptureQueriesContext(connection) as queries:
        answers = [user.has_perm("reviews.work_on_review", read) for user in (member, outsider)]

    assert answers == [True, False]
    assert not any("reviews_teammember" in query["sql"] for query in queries)
    assert [user.has_perm("reviews.work_on_review", review) for user in (member, outsider)] == [
        True,
        False,
    ]

"""The demo partnership's review learning: findings on every review past its decision,
recommendations answered by actions, briefings for practitioners, all behind the same gates."""

from __future__ import annotations

import html

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.demo.build import build_demo
from safeboard.reviews.models import Briefing, Recommendation, Review
from safeboard.reviews.search.selectors import search_findings
from tests.conftest import signed_in_client


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo_db(demo, db):
    return demo


def _user(alias: str) -> User:
    return User.objects.get(email=f"{alias}@demo.safeboard.test")


def test_every_review_past_its_decision_has_findings_tagged_with_themes(demo_db):
    for review in Review.objects.exclude(stage=Review.Stage.REFERRED):
        findings = list(review.findings.prefetch_related("themes"))
        assert findings, review
        assert all(finding.themes.all() for finding in findings), review
    assert not Review.objects.get(stage=Review.Stage.REFERRED).findings.exists()


def test_published_reviews_recommendations_are_answered_by_their_agencies(demo_db):
    recommendation_type = ContentType.objects.get_for_model(Recommendation)
    for review in Review.objects.filter(stage=Review.Stage.PUBLISHED):
        for recommendation in review.recommendations.prefetch_related("agencies"):
            actions = Action.objects.filter(
                source_type=recommendation_type, source_id=recommendation.pk
            ).select_related("owner_person")
            assert {a.owner_agency_id for a in actions} == {
                agency.pk for agency in recommendation.agencies.all()
            }, recommendation
            assert all(a.owner_person.agency_id == a.owner_agency_id for a in actions)
    states = set(
        Action.objects.filter(source_type=recommendation_type).values_list("status", flat=True)
    )
    assert states == set(Action.Status.values)


def test_there_are_review_and_theme_briefings_shared_and_drafts(demo_db):
    review_briefings = Briefing.objects.filter(review__isnull=False)
    theme_briefings = Briefing.objects.filter(theme__isnull=False)
    assert review_briefings.count() >= 4 and theme_briefings.count() >= 2
    for briefing in review_briefings.filter(shared_on__isnull=False):
        assert briefing.review.is_published
    assert theme_briefings.filter(shared_on__isnull=False).count() >= 2
    assert Briefing.objects.filter(shared_on__isnull=True).exists()


def test_a_practitioner_reads_shared_briefings_and_finds_nothing_restricted(demo_db):
    practitioner = _user("practitioner")
    page = html.unescape(
        signed_in_client(practitioner).get(reverse("reviews:briefing_list")).content.decode()
    )
    for briefing in Briefing.objects.select_related("review"):
        readable = briefing.shared_on is not None and (
            briefing.review is None or briefing.review.is_published
        )
        assert (briefing.title in page) == readable, briefing
    found = {result.review for result in search_findings(practitioner, "father")}
    assert found and all(review.is_published for review in found)
    everything = {result.review for result in search_findings(_user("manager"), "father")}
    assert any(not review.is_published for review in everything)


def test_the_police_lead_finds_a_review_action_on_their_home_page(demo_db):
    lead = _user("lead")
    action = Action.objects.get(
        source_type=ContentType.objects.get_for_model(Recommendation),
        owner_person=lead.person,
        status=Action.Status.IN_PROGRESS,
    )
    home = html.unescape(signed_in_client(lead).get(reverse("core:home")).content.decode())
    assert action.title in home

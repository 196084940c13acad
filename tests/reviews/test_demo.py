"""The demo partnership's six case reviews: every kind and stage, under the right editions."""

from __future__ import annotations

import random

import pytest
from django.db import transaction
from django.utils import timezone

from safeboard.demo.people import build_people
from safeboard.demo.reviews import build_reviews
from safeboard.demo.timeline import Clock
from safeboard.reviews.cases.steps import pending_steps
from safeboard.reviews.frameworks.timescales import working_days_between
from safeboard.reviews.models import Decision, Review

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built_once(django_db_setup, django_db_blocker):
    """Built once for the module, rolled back when it ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        clock = Clock(timezone.localdate())
        directory = build_people(rng=random.Random(2019), clock=clock, password="demo-password")
        yield clock, directory, build_reviews(clock=clock, directory=directory)
        transaction.set_rollback(True)


@pytest.fixture
def built(built_once, db):
    return built_once


def test_six_reviews_of_every_kind_and_stage(built):
    _, _, reviews = built
    summary = {
        key: (r.edition.code, r.stage, getattr(getattr(r, "decision", None), "outcome", None))
        for key, r in reviews.items()
    }
    assert summary == {
        "scr_2012": ("wt2010", Review.Stage.PUBLISHED, Decision.Outcome.SCR),
        "scr_2014": ("wt2013", Review.Stage.PUBLISHED, Decision.Outcome.SCR),
        "lcspr_2021": ("wt2018", Review.Stage.PUBLISHED, Decision.Outcome.LCSPR),
        "learning_review": ("wt2023", Review.Stage.IN_REVIEW, Decision.Outcome.LEARNING_REVIEW),
        "lcspr_current": ("wt2023", Review.Stage.IN_REVIEW, Decision.Outcome.LCSPR),
        "referral": ("wt2023", Review.Stage.REFERRED, None),
    }
    assert reviews["scr_2012"].quality_grade == Review.QualityGrade.ADEQUATE
    assert reviews["scr_2012"].reference == "CR-2012-01"
    assert all(r.documents.exists() for key, r in reviews.items() if key != "referral")


def test_the_running_review_has_its_team_and_an_overdue_chronology(built):
    clock, directory, reviews = built
    review = reviews["lcspr_current"]
    team = {member.user for member in review.team.all()}
    users = directory.users
    assert {users["manager"], users["chair"], users["auditor"], users["police.board"]} <= team
    assert not {users["la.lead_member"], users["community.hv"]} & team  # reader@, practitioner@
    overdue = [
        c for c in review.contributions.all() if c.received_on is None and c.due_on < clock.today
    ]
    assert len(overdue) == 1
    assert review.events.count() >= 2 and review.milestones.count() >= 3


def test_the_new_referral_waits_for_its_decision_with_the_rapid_review_due_soon(built):
    clock, _, reviews = built
    steps = {step.key: step for step in pending_steps(reviews["referral"], today=clock.today)}
    rapid = steps["rapid_review"]
    assert 0 < working_days_between(clock.today, rapid.due_on) <= 5
    assert "notification" not in steps  # sent


def test_nothing_in_the_finished_reviews_is_left_pending(built):
    clock, _, reviews = built
    for key in ("scr_2012", "scr_2014", "lcspr_2021"):
        assert pending_steps(reviews[key], today=clock.today) == []
    learning = pending_steps(reviews["learning_review"], today=clock.today)
    assert [step.key for step in learning] == ["review"]
    assert not learning[0].is_overdue


def test_the_2023_review_has_its_rapid_review_the_partners_and_the_chairs_sign_off(built):
    clock, directory, reviews = built
    review = reviews["lcspr_current"]
    rapid = review.rapid_review
    assert rapid.facts and rapid.immediate_actions and rapid.learning
    assert rapid.panel_response and rapid.panel_response_on <= clock.today
    decision = review.decision
    agreements = {a.partner: a for a in decision.partner_agreements.all()}
    assert set(agreements) == {"local_authority", "icb", "police"}
    assert all(a.agrees for a in agreements.values())
    assert decision.decided_by is None
    assert decision.signed_off_by == directory.users["chair"]
    assert directory.users["chair"].person not in {a.person for a in agreements.values()}


def test_only_the_serious_case_review_of_2012_has_an_ofsted_grade(built):
    _, _, reviews = built
    graded = {key for key, review in reviews.items() if review.quality_grade}
    assert graded == {"scr_2012"}
    assert reviews["lcspr_2021"].panel_feedback and reviews["scr_2014"].panel_feedback
    published = reviews["lcspr_2021"]
    assert published.panel_notified_on <= published.published_on
    assert published.secretary_of_state_notified_on <= published.published_on


def test_no_rapid_review_agreement_or_notice_is_dated_after_today(built):
    clock, _, reviews = built
    for review in reviews.values():
        days = [
            review.rapid_review_sent_on,
            review.panel_notified_on,
            review.secretary_of_state_notified_on,
            review.panel_feedback_on,
        ]
        record = getattr(review, "rapid_review", None)
        if record is not None:
            days.append(record.panel_response_on)
        decision = getattr(review, "decision", None)
        if decision is not None:
            days += [a.agreed_on for a in decision.partner_agreements.all()]
        assert all(day <= clock.today for day in days if day is not None), review.reference

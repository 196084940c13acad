"""The demo's training: the volume the issue asks for, believable figures, and the demo
practitioner's own bookings."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.db.models import Avg
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.demo.build import build_demo
from safeboard.learning.compliance import selectors as compliance
from safeboard.learning.evaluation.follow_up import follow_up_summary
from safeboard.learning.models import (
    AgencyDomain,
    Booking,
    Course,
    FollowUp,
    Headcount,
    JobRole,
    Learner,
    OutcomeRating,
    Session,
    TrainingNeed,
)
from safeboard.learning.reach import selectors as reach
from safeboard.learning.reach.rule import review_lesson
from safeboard.learning.registration.services import agency_for_email
from safeboard.reviews.models import Review
from safeboard.themes.models import Theme


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo_db(demo, db):
    return demo


def test_the_demo_has_the_volume_the_partnership_trains_at(demo_db):
    assert JobRole.objects.count() == 12
    assert Course.objects.count() == 20
    assert Session.objects.count() == 150
    assert Learner.objects.count() == 1501
    assert Learner.objects.values("agency").distinct().count() >= 12


def test_sessions_span_two_years_with_some_still_to_come(demo_db):
    now = timezone.now()
    first = Session.objects.order_by("starts_at").first().starts_at
    assert (now - first).days > 700
    assert Session.objects.filter(starts_at__gt=now).count() >= 5


def test_most_places_were_attended_and_some_were_not(demo_db):
    held = Booking.objects.exclude(attendance="")
    share = held.filter(attendance=Booking.Attendance.ATTENDED).count() / held.count()
    assert 0.8 < share < 0.9


def test_confidence_rises_from_about_two_and_a_half_to_about_four(demo_db):
    means = OutcomeRating.objects.aggregate(
        before=Avg("confidence_before"), after=Avg("confidence_after")
    )
    assert 2.2 < means["before"] < 2.9
    assert 3.7 < means["after"] < 4.4


def test_the_demo_practitioner_trains_and_manages_staff(demo_db):
    learner = Learner.objects.get(user__email="practitioner@demo.safeboard.test")
    places = learner.bookings.select_related("session")
    now = timezone.now()
    assert places.filter(status=Booking.Status.BOOKED, session__starts_at__gt=now).exists()
    assert places.filter(attendance=Booking.Attendance.ATTENDED, evaluation__isnull=True).exists()
    assert places.filter(evaluation__isnull=False).count() >= 2
    assert learner.staff.count() == 4


def test_the_learning_officer_trains_some_sessions(demo_db):
    officer = User.objects.get(email="learning@demo.safeboard.test")
    assert 20 < Session.objects.filter(trainer=officer).count() < 150


def test_practitioners_of_the_demo_agencies_can_register(demo_db):
    assert AgencyDomain.objects.count() == 14
    youth_justice = agency_for_email("someone@yjs.brackenshire.gov.test")
    assert youth_justice.short_name == "Youth Justice"


def test_the_needs_and_headcounts_give_a_believable_compliance_picture(demo_db):
    assert TrainingNeed.objects.count() > 20
    assert Headcount.objects.count() > 20
    totals = compliance.totals(compliance.figures(scope=compliance.Scope()).rows)
    assert 0 < totals.trained < totals.staff < totals.headcount


def test_a_theme_reaches_practitioners_from_several_agencies(demo_db):
    theme = Theme.objects.get(slug="information-sharing")
    result = reach.reach(subject=reach.Subject(reach.THEME, theme), period=reach.default_period())
    assert result.people > 100
    assert len(result.by_agency) > 5


def test_follow_ups_are_answered_with_a_confidence_now(demo_db):
    answered = FollowUp.objects.filter(responded_at__isnull=False)
    rated = answered.filter(confidence_follow_up__isnull=False)
    assert 0.7 < rated.count() / answered.count() < 1
    course = Course.objects.get(title="Working together: multi-agency safeguarding core")
    summary = follow_up_summary(course=course)
    assert summary.responses > 20 and summary.mean_confidence_follow_up is not None


def test_no_review_counts_basic_awareness_or_training_before_its_incident(demo_db):
    for review in Review.objects.filter(courses__isnull=False).distinct():
        assert not review.courses.filter(level=Course.Level.BASIC).exists(), review
        result = reach.lesson_reach(review_lesson(review))
        before = Booking.objects.filter(
            session__course__in=review.courses.all(),
            session__starts_at__date__lt=review.incident_date,
            attendance=Booking.Attendance.ATTENDED,
        )
        counted = review_lesson(review).attended()
        assert not counted.filter(pk__in=before.values("pk")).exists(), review
        assert result.people == counted.values("learner").distinct().count()

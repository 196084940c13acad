"""Training seen from elsewhere: the training a case review led to, the courses serving a
priority, and the home page."""

from __future__ import annotations

import datetime
import html

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.learning.factories import LearnerFactory
from safeboard.learning.models import Booking
from safeboard.learning.reach.rule import review_lesson
from safeboard.learning.reach.selectors import lesson_reach
from safeboard.reviews.models import FrameworkEdition, Review
from tests.conftest import signed_in_client

from . import builders

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def review(cast):
    edition = FrameworkEdition.objects.get_or_create(
        code="wt-test", defaults={"name": "Working Together (test)", "year": 2023, "regime": "cspr"}
    )[0]
    return Review.objects.create(
        reference="LCSPR-07",
        edition=edition,
        child_pseudonym="Child B",
        age_band=Review.AgeBand.AGE_10_15,
        incident_date=datetime.date(2025, 3, 1),
        aware_date=datetime.date(2025, 3, 2),
        summary="Exploitation went unseen.",
        referred_by=cast[Role.BUSINESS_MANAGER],
        review_months=6,
        rapid_review_basis="aware",
    )


def test_a_review_shows_the_training_it_led_to_with_people_trained(review):
    taught = builders.course(title="Exploitation: lessons from Child B")
    taught.reviews.add(review)
    builders.course(title="Unrelated course")
    held = builders.session(days=-20, course=taught)
    builders.session(days=20, course=taught)
    learner = LearnerFactory()
    builders.attended(learner, on=held)
    builders.attended(LearnerFactory(), on=held)
    builders.booking(LearnerFactory(), on=held, attendance=Booking.Attendance.NO_SHOW)

    reach = lesson_reach(review_lesson(review))
    assert [c.title for c in reach.courses] == ["Exploitation: lessons from Child B"]
    assert (reach.courses[0].sessions_held, reach.courses[0].people_trained) == (1, 2)
    assert reach.people == 2

    rendered = render_to_string(
        "learning/includes/review_training.html", {"section": {"reach": reach}}
    )
    assert "Training it led to" in rendered and "Exploitation: lessons from Child B" in rendered
    assert taught.get_absolute_url() in rendered
    assert "Counts people who attended, on or after 1 March 2025" in rendered


def test_a_review_with_no_training_says_so(review):
    rendered = render_to_string(
        "learning/includes/review_training.html",
        {"section": {"reach": lesson_reach(review_lesson(review))}},
    )
    assert "No course teaches the lessons of this review yet." in rendered


def test_a_prioritys_page_shows_the_courses_serving_it_with_attendance(cast):
    from safeboard.priorities.factories import PriorityFactory

    priority = PriorityFactory()
    course = builders.course(title="Neglect: the graded care profile")
    course.priorities.add(priority)
    builders.attended(LearnerFactory(), on=builders.session(days=-5, course=course))
    page = _page(signed_in_client(cast[Role.BUSINESS_MANAGER]).get(priority.get_absolute_url()))
    assert "Training" in page and "Neglect: the graded care profile" in page
    assert "1 course, 1 attendance in all." in page


def test_the_home_page_shows_a_learners_next_sessions_and_evaluations(cast, learner):
    coming = builders.booking(learner, on=builders.session(days=9))
    to_evaluate = builders.attended(learner)
    builders.evaluated(learner)
    page = _page(signed_in_client(cast[Role.PRACTITIONER]).get(reverse("core:home")))
    assert "Your training" in page and coming.session.course.title in page
    assert reverse("learning:evaluation", args=[to_evaluate.pk]) in page
    assert page.count("Evaluate ") == 1


def test_the_home_page_shows_a_trainer_the_sessions_to_mark(cast, trainer_client):
    session = builders.held_session(cast)
    builders.booking(LearnerFactory(), on=session)
    page = _page(trainer_client.get(reverse("core:home")))
    assert "Sessions to mark attendance for" in page
    assert reverse("learning:attendance", args=[session.pk]) in page


def test_the_home_page_shows_no_training_heading_to_someone_with_none(cast):
    page = _page(signed_in_client(cast[Role.CHAIR]).get(reverse("core:home")))
    assert "Your training" not in page and "Sessions to mark" not in page

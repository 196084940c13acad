"""The reach rule: attendance counts for a lesson only on or after the lesson's date (the
review's incident, the briefing's sharing, a theme's first finding or briefing), and only on
the courses linked to it. The reach page and the review page's "Training it led to" agree."""

from __future__ import annotations

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.learning.factories import BookingFactory, CourseFactory, LearnerFactory
from safeboard.learning.factories import SessionFactory as Sessions
from safeboard.learning.models import Booking, Course
from safeboard.learning.reach import rule
from safeboard.learning.reach import selectors as reach
from safeboard.reviews.factories import ReviewFactory
from safeboard.reviews.models import Briefing, Finding, Review
from tests.conftest import signed_in_client

from .. import builders

pytestmark = pytest.mark.django_db
INCIDENT_DAYS_AGO = 40


def _today() -> datetime.date:
    return timezone.localdate()


def _attended_on(course, days_ago: int, people: int = 1) -> None:
    session = Sessions(course=course, days=-days_ago)
    for _ in range(people):
        BookingFactory(
            learner=LearnerFactory(), session=session, attendance=Booking.Attendance.ATTENDED
        )


def _reach(kind, record) -> reach.Reach:
    period = reach.Period(_today() - datetime.timedelta(days=400), _today())
    return reach.reach(subject=reach.Subject(kind, record), period=period)


@pytest.fixture
def review(cast):
    review = ReviewFactory(
        incident_date=_today() - datetime.timedelta(days=INCIDENT_DAYS_AGO),
        stage=Review.Stage.PUBLISHED,
        published_on=_today() - datetime.timedelta(days=10),
        referred_by=cast[Role.BUSINESS_MANAGER],
    )
    finding = Finding.objects.create(
        review=review, title="Nobody asked about the men", text="…", evidence="…"
    )
    finding.themes.add(builders.theme("Unseen men"))
    return review


@pytest.fixture
def linked(review):
    course = CourseFactory(title="Seeing the unseen man")
    course.reviews.add(review)
    return course


def test_attendance_the_day_before_the_incident_does_not_count(review, linked):
    _attended_on(linked, INCIDENT_DAYS_AGO + 1)
    assert _reach(reach.REVIEW, review).people == 0


def test_attendance_on_or_after_the_incident_counts(review, linked):
    _attended_on(linked, INCIDENT_DAYS_AGO + 1)
    _attended_on(linked, INCIDENT_DAYS_AGO)
    _attended_on(linked, 3, people=2)
    result = _reach(reach.REVIEW, review)
    assert (result.people, result.sessions) == (3, 2)


def test_a_course_not_linked_to_the_review_does_not_count(review, linked):
    _attended_on(CourseFactory(title="Something else"), 3)
    assert _reach(reach.REVIEW, review).people == 0


def test_basic_awareness_counts_only_once_linked(review, linked):
    basic = CourseFactory(title="Safeguarding: basic awareness", level=Course.Level.BASIC)
    basic.themes.add(builders.theme("Unseen men"))  # the review's theme is not a link to it
    _attended_on(basic, 3, people=4)
    assert _reach(reach.REVIEW, review).people == 0
    basic.reviews.add(review)
    assert _reach(reach.REVIEW, review).people == 4


def test_the_rule_is_stated_with_its_date(review):
    written = f"{(_today() - datetime.timedelta(days=INCIDENT_DAYS_AGO)).day} "
    sentence = rule.review_lesson(review).rule
    assert sentence.startswith("Counts people who attended, on or after " + written)
    assert sentence.endswith("a course linked to this review.")


def test_a_briefing_counts_from_the_day_it_was_shared(review, linked):
    briefing = Briefing.objects.create(
        review=review,
        title="Unseen men: a briefing",
        what_happened="…",
        what_we_learned="…",
        what_to_do_differently="…",
        questions_for_supervision="…",
        shared_on=_today() - datetime.timedelta(days=10),
    )
    _attended_on(linked, 11)
    _attended_on(linked, 10, people=2)
    assert _reach(reach.BRIEFING, briefing).people == 2
    assert "the day the briefing was shared" in rule.briefing_lesson(briefing).rule


def test_a_theme_counts_from_the_first_incident_a_review_found_it_in(review):
    theme = builders.theme("Unseen men")
    course = CourseFactory(title="Fathers and the men around the baby")
    course.themes.add(theme)
    _attended_on(course, INCIDENT_DAYS_AGO + 1)
    _attended_on(course, INCIDENT_DAYS_AGO - 1)
    assert _reach(reach.THEME, theme).people == 1
    assert rule.theme_lesson(theme).since == review.incident_date


def test_a_theme_no_lesson_dates_counts_every_attendance_on_its_courses():
    theme = builders.theme("Online harm")
    course = CourseFactory()
    course.themes.add(theme)
    _attended_on(course, 300)
    assert _reach(reach.THEME, theme).people == 1
    assert rule.theme_lesson(theme).rule == (
        "Counts people who attended a course tagged with this theme."
    )


def test_briefings_are_offered_only_when_shared_and_readable(cast, review):
    hidden = ReviewFactory(referred_by=cast[Role.BUSINESS_MANAGER])  # not published
    texts = {
        "what_happened": "…",
        "what_we_learned": "…",
        "what_to_do_differently": "…",
        "questions_for_supervision": "…",
    }
    shared = Briefing.objects.create(review=review, title="Shared", shared_on=_today(), **texts)
    Briefing.objects.create(review=review, title="Draft", **texts)
    Briefing.objects.create(review=hidden, title="Confidential", shared_on=_today(), **texts)
    practitioner = cast[Role.PRACTITIONER]
    assert list(reach.briefings_visible_to(practitioner)) == [shared]


def test_the_review_page_counts_by_the_same_rule(cast, review, linked):
    _attended_on(linked, INCIDENT_DAYS_AGO + 5, people=3)  # before the incident: not counted
    _attended_on(linked, 5, people=2)
    CourseFactory(title="A course about something else")
    page = html.unescape(
        signed_in_client(cast[Role.PRACTITIONER]).get(review.get_absolute_url()).content.decode()
    )
    assert "Training it led to" in page
    assert rule.review_lesson(review).rule in page
    assert "People trained across these courses: <strong>2</strong>" in page
    assert "A course about something else" not in page
    assert _reach(reach.REVIEW, review).people == 2


def test_the_reach_page_states_the_rule(cast, review, linked):
    _attended_on(linked, 5)
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.get(
        reverse("learning:reach"), {"subject": reach.subject_value(reach.REVIEW, review.pk)}
    )
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert rule.review_lesson(review).rule in page


@pytest.mark.parametrize("sessions", [3, 30])
def test_the_review_section_takes_the_same_queries_however_many_sessions(
    review, linked, sessions, django_assert_max_num_queries
):
    for days in range(sessions):
        _attended_on(linked, 1 + days % 30)
    with django_assert_max_num_queries(2):
        result = reach.lesson_reach(rule.review_lesson(review))
    assert result.people == sessions
    assert result.courses[0].sessions_held == sessions

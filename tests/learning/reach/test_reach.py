"""Reach: distinct people who attended training linked to a theme, a priority or a review in
a period, by agency and by role."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from safeboard.learning.factories import (
    BookingFactory,
    CourseFactory,
    JobRoleFactory,
    LearnerFactory,
    SessionFactory,
)
from safeboard.learning.models import Booking
from safeboard.learning.reach import charts
from safeboard.learning.reach import selectors as reach
from safeboard.partnership.factories import AgencyFactory
from safeboard.priorities.factories import PriorityFactory
from safeboard.reviews.factories import ReviewFactory
from safeboard.themes.models import Theme

pytestmark = pytest.mark.django_db
ATTENDED, NO_SHOW = Booking.Attendance.ATTENDED, Booking.Attendance.NO_SHOW


def _today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def neglect():
    return Theme.objects.get(slug="neglect")


@pytest.fixture
def course(neglect):
    course = CourseFactory(title="Recognising neglect")
    course.themes.add(neglect)
    return course


@pytest.fixture
def police():
    return AgencyFactory(name="Shire Constabulary", short_name="Police")


@pytest.fixture
def health():
    return AgencyFactory(name="Shire Health Trust", short_name="Health")


def _place(learner, course, *, days_ago=30, attendance=ATTENDED):
    session = SessionFactory(course=course, days=-days_ago)
    return BookingFactory(learner=learner, session=session, attendance=attendance)


def _person(agency, role="Police officer"):
    return LearnerFactory(agency=agency, job_role=JobRoleFactory(name=role))


def _reach(record, kind=reach.THEME, period=None):
    return reach.reach(
        subject=reach.Subject(kind, record), period=period or reach.default_period(_today())
    )


def test_a_person_at_two_sessions_counts_once(neglect, course, police):
    person = _person(police)
    _place(person, course, days_ago=10)
    _place(person, course, days_ago=100)
    result = _reach(neglect)
    assert (result.people, result.places, result.sessions) == (1, 2, 2)


def test_counts_by_agency_and_by_role_add_up_to_the_total(neglect, course, police, health):
    for agency, role in [(police, "Police officer"), (police, "Police officer"), (health, "Nurse")]:
        _place(_person(agency, role), course)
    _place(_person(health, "Health visitor"), course)
    result = _reach(neglect)
    assert result.people == 4
    assert [(line.name, line.people) for line in result.by_agency] == [
        ("Shire Constabulary", 2),
        ("Shire Health Trust", 2),
    ]
    assert [(line.name, line.people) for line in result.by_role] == [
        ("Police officer", 2),
        ("Health visitor", 1),
        ("Nurse", 1),
    ]
    assert sum(line.people for line in result.by_role) == result.people


def test_only_attendance_counts(neglect, course, police):
    _place(_person(police), course, attendance=NO_SHOW)
    _place(_person(police), course, days_ago=-10, attendance="")  # booked, still to come
    assert _reach(neglect).people == 0


def test_only_courses_linked_to_the_subject_count(neglect, course, police):
    other = CourseFactory(title="Escalation")
    _place(_person(police), other)
    _place(_person(police), course)
    result = _reach(neglect)
    assert result.people == 1
    assert result.courses == [course]


def test_the_period_includes_its_first_and_last_days(neglect, course, police):
    today = _today()
    period = reach.Period(today - datetime.timedelta(days=20), today - datetime.timedelta(days=10))
    for days_ago in (21, 20, 10, 9):
        _place(_person(police), course, days_ago=days_ago)
    assert _reach(neglect, period=period).people == 2


def test_the_default_period_is_the_last_twelve_months():
    period = reach.default_period(datetime.date(2025, 6, 30))
    assert (period.from_date, period.to_date) == (
        datetime.date(2024, 7, 1),
        datetime.date(2025, 6, 30),
    )


def test_a_priority_reaches_through_its_courses(course, police):
    priority = PriorityFactory()
    course.priorities.add(priority)
    _place(_person(police), course)
    assert _reach(priority, reach.PRIORITY).people == 1


def test_a_review_reaches_through_its_courses(course, police):
    review = ReviewFactory(incident_date=_today() - datetime.timedelta(days=60))
    course.reviews.add(review)
    _place(_person(police), course)
    result = _reach(review, reach.REVIEW)
    assert result.people == 1
    assert result.subject.label.startswith("case review ")


def test_a_subject_is_read_back_from_its_value(neglect):
    value = reach.subject_value(reach.THEME, neglect.pk)
    assert reach.subject_from_value(value) == reach.Subject(reach.THEME, neglect)
    assert reach.subject_from_value("theme-999999") is None
    assert reach.subject_from_value("person-1") is None


def test_the_counts_take_the_same_queries_however_many_people(neglect, course, police, health):
    _place(_person(police), course)
    with CaptureQueriesContext(connection) as few:
        _reach(neglect)
    for number in range(15):
        _place(_person(police if number % 2 else health, f"Role {number % 4}"), course)
    with CaptureQueriesContext(connection) as many:
        result = _reach(neglect)
    assert result.people == 16
    assert len(many) == len(few)


def test_the_chart_is_an_image_with_a_title_and_one_bar_a_line(neglect, course, police, health):
    _place(_person(police), course)
    _place(_person(health), course)
    result = _reach(neglect)
    svg = charts.bar_chart(
        lines=result.by_agency, title="People trained by agency", description="d", chart_id="c"
    )
    assert 'role="img"' in svg
    assert '<title id="c-title">People trained by agency</title>' in svg
    assert svg.count("<rect") == 2

"""Training end to end in a real browser: a practitioner books a session, the trainer marks
attendance, the practitioner evaluates the session and downloads the certificate. Every page
passes axe-core (WCAG 2.2 AA)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.learning.attendance import services as attendance
from safeboard.learning.factories import (
    CourseFactory,
    EvaluationFactory,
    JobRoleFactory,
    LearnerFactory,
    SessionFactory,
)
from safeboard.learning.models import Booking, Session
from safeboard.partnership.factories import AgencyFactory, PersonFactory

from .conftest import assert_accessible, sign_in, sign_out

pytestmark = pytest.mark.browser

OUTCOMES = [
    "Recognise the signs that a child is being exploited",
    "Make a referral to the multi-agency safeguarding hub",
]


def test_a_practitioner_books_attends_evaluates_and_downloads_the_certificate(page: Page):
    police = AgencyFactory(name="Shire Constabulary")
    practitioner = UserFactory(
        person=PersonFactory(agency=police, full_name="Sam Lee", email="sam.lee@police.example"),
        roles=[Role.PRACTITIONER],
    )
    learner = LearnerFactory(
        user=practitioner,
        full_name="Sam Lee",
        agency=police,
        job_role=JobRoleFactory(name="Police officer"),
    )
    trainer = UserFactory(
        person=PersonFactory(full_name="Jo Marsh", email="jo.marsh@council.example"),
        roles=[Role.PRACTITIONER],
    )
    course = CourseFactory(title="Exploitation: spotting it early", outcomes=OUTCOMES)
    session = SessionFactory(course=course, days=10, capacity=12, trainer=trainer)
    other_session = SessionFactory(course=course, days=40, capacity=12)

    # The practitioner finds the course and books a place.
    sign_in(page, practitioner.email, TEST_PASSWORD)
    page.get_by_role("link", name="Training").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Training")
    assert_accessible(page)
    page.get_by_role("link", name="Exploitation: spotting it early").click()
    expect(page.get_by_text(OUTCOMES[0])).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=f"Book the session of {_day(session)}").click()
    assert_accessible(page)
    page.get_by_role("button", name="Book a place").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have a place")
    assert_accessible(page)
    page.goto("/training/mine/")
    expect(
        page.get_by_role("link", name="Exploitation: spotting it early", exact=True)
    ).to_be_visible()
    assert_accessible(page)
    page.goto(other_session.get_absolute_url())
    expect(page.get_by_text("12 in all; 12 left")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # The session takes place.
    started = timezone.now() - datetime.timedelta(hours=3)
    Session.objects.filter(pk=session.pk).update(
        starts_at=started, ends_at=started + datetime.timedelta(hours=2)
    )

    # The trainer marks attendance from their home page.
    sign_in(page, trainer.email, TEST_PASSWORD)
    expect(page.get_by_role("heading", name="Sessions to mark attendance for")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Exploitation: spotting it early").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select whether Sam Lee attended")
    assert_accessible(page)
    page.get_by_role("group", name="Sam Lee").get_by_label("Attended").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Attendance saved")
    expect(page.get_by_role("cell", name="Sam Lee")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Upload the sign-in sheet").click()
    assert_accessible(page)
    sign_out(page)
    booking = Booking.objects.get(learner=learner, session=session)
    assert booking.attendance == Booking.Attendance.ATTENDED

    # The practitioner evaluates the session, then downloads the certificate.
    sign_in(page, practitioner.email, TEST_PASSWORD)
    page.goto(f"/training/bookings/{booking.pk}/certificate/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The certificate is not available yet"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Evaluate the session").click()
    assert_accessible(page)
    first, second = course.outcomes.order_by("position")
    page.locator(_radio(f"before_{first.pk}", 2)).check()
    page.locator(_radio(f"after_{first.pk}", 4)).check()
    page.get_by_role("button", name="Send the evaluation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(OUTCOMES[1])
    assert_accessible(page)
    page.locator(_radio(f"before_{second.pk}", 1)).check()
    page.locator(_radio(f"after_{second.pk}", 4)).check()
    page.locator(_radio("satisfaction", 5)).check()
    page.get_by_label("Anything else you want to tell us?").fill("The case studies helped.")
    page.get_by_role("button", name="Send the evaluation").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("your certificate is ready")
    assert_accessible(page)

    link = page.get_by_role("link", name="Download the certificate (PDF)")
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")


def _day(session: Session) -> str:
    starts_at = timezone.localtime(session.starts_at)
    return f"{starts_at.day} {starts_at:%B %Y}"


def _radio(name: str, score: int) -> str:
    """The radio for a score from 1 to 5: the first has the field's own id."""
    return f"#id_{name}" if score == 1 else f"#id_{name}_{score}"


def test_the_training_teams_pages_are_accessible(page: Page):
    officer = UserFactory(
        person=PersonFactory(full_name="Kim Hale", email="kim.hale@council.example"),
        roles=[Role.LEARNING_OFFICER],
    )
    course = CourseFactory(
        title="Exploitation: spotting it early",
        outcomes=OUTCOMES,
        fee_per_place="45.00",
        no_show_charge="30.00",
    )
    manager = LearnerFactory(full_name="Ana Reid")
    held = SessionFactory(course=course, days=-20, trainer=officer)
    for n in range(3):
        attended = Booking.objects.create(
            session=held,
            learner=LearnerFactory(manager=manager),
            status=Booking.Status.BOOKED,
            booked_at=timezone.now(),
        )
        attendance.attendance_mark(
            session=held,
            marks={attended.pk: Booking.Attendance.ATTENDED if n else Booking.Attendance.NO_SHOW},
            marked_by=officer,
        )
        if n:
            EvaluationFactory(booking=attended, satisfaction=3 + n)
    coming = SessionFactory(course=course, days=12, event=None)

    sign_in(page, officer.email, TEST_PASSWORD)
    for path in [
        "/training/",
        course.get_absolute_url(),
        held.get_absolute_url(),
        coming.get_absolute_url(),
        "/training/courses/new/",
        f"/training/courses/{course.pk}/change/",
        f"/training/courses/{course.pk}/sessions/new/",
        f"/training/sessions/{coming.pk}/change/",
        f"/training/sessions/{coming.pk}/cancel/",
        f"/training/sessions/{coming.pk}/book/",
        "/training/events/",
        "/training/events/new/",
        "/training/charges/",
    ]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
    page.goto(course.get_absolute_url())
    expect(page.get_by_role("img", name="Confidence before and after")).to_be_visible()
    page.goto("/training/courses/new/")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the course title.")
    assert_accessible(page)

"""Registering for training and reading its reach, in a real browser: a practitioner
registers with an address at a known agency domain, follows the emailed link, chooses a
password and sees the catalogue; the learning officer ticks a need in the matrix and opens the
reach of a theme. Every page passes axe-core (WCAG 2.2 AA)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.learning.factories import (
    AgencyDomainFactory,
    BookingFactory,
    CourseFactory,
    JobRoleFactory,
    LearnerFactory,
    SessionFactory,
)
from safeboard.learning.models import Booking, TrainingNeed
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.themes.models import Theme

from .conftest import assert_accessible, sign_in, sign_out

pytestmark = pytest.mark.browser
PASSWORD = "a-long-and-unusual-passphrase"


def _training_linked_to_neglect(police, officer_role) -> None:
    course = CourseFactory(title="Recognising neglect", outcomes=["Spot cumulative harm"])
    course.themes.add(Theme.objects.get(slug="neglect"))
    health = AgencyFactory(name="Shire Health Trust", short_name="Health")
    nurse = JobRoleFactory(name="Health visitor")
    for agency, role in [(police, officer_role), (police, officer_role), (health, nurse)]:
        BookingFactory(
            learner=LearnerFactory(agency=agency, job_role=role),
            session=SessionFactory(course=course, days=-30),
            attendance=Booking.Attendance.ATTENDED,
        )


def test_a_practitioner_registers_and_the_learning_officer_reads_reach(page: Page):
    cache.clear()
    police = AgencyFactory(name="Shire Constabulary", short_name="Police")
    AgencyDomainFactory(agency=police, domain="police.example")
    officer_role = JobRoleFactory(name="Police officer")
    _training_linked_to_neglect(police, officer_role)

    page.goto("/sign-in/")
    assert_accessible(page)
    page.get_by_role("link", name="Register for training").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register for training")
    assert_accessible(page)
    page.get_by_label("Full name").fill("Jo Bloggs")
    page.get_by_label("Work email address").fill("jo.bloggs@police.example")
    page.get_by_label("Your role").select_option(label="Police officer")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_accessible(page)

    link = next(line for line in mail.outbox[-1].body.splitlines() if "?token=" in line)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose your password")
    expect(page.get_by_text("Shire Constabulary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Choose a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Training")
    expect(page.get_by_text("Your account is ready")).to_be_visible()
    expect(page.get_by_role("link", name="Recognising neglect")).to_be_visible()
    assert_accessible(page)
    assert User.objects.get(email="jo.bloggs@police.example").has_role(Role.PRACTITIONER)
    sign_out(page)

    officer = UserFactory(
        person=PersonFactory(agency=police, email="learning@partnership.example"),
        roles=[Role.LEARNING_OFFICER],
    )
    sign_in(page, officer.email, TEST_PASSWORD)
    page.goto("/training/needs/")
    assert_accessible(page)
    page.get_by_label("Police officer needs Recognising neglect").check()
    page.get_by_role("button", name="Save training needs").click()
    expect(page.get_by_text("Training needs saved: 1 added, 0 removed.")).to_be_visible()
    assert TrainingNeed.objects.filter(job_role=officer_role).count() == 1
    assert_accessible(page)

    page.goto("/training/needs/compliance/")
    expect(page.get_by_role("heading", name="Shire Constabulary")).to_be_visible()
    assert_accessible(page)

    page.goto("/training/reach/")
    assert_accessible(page)
    page.get_by_label("Training linked to").select_option(label="Neglect")
    page.get_by_role("button", name="Show reach").click()
    expect(page.get_by_text("3 people")).to_be_visible()
    expect(page.get_by_role("img", name="People trained by agency")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Shire Health Trust")).to_be_visible()
    assert_accessible(page)

"""In a real browser: first sign-in with two-factor enrolment, and an owner updating an action."""

from __future__ import annotations

import base64
import datetime

from django_otp.oath import totp
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action

from .conftest import assert_accessible, sign_in, sign_out


def test_the_chair_enrols_an_authenticator_from_the_key_on_the_page(page: Page):
    chair = UserFactory(roles=[Role.CHAIR])
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(chair.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    assert_accessible(page)
    secret = page.get_by_test_id("totp-secret").inner_text().strip()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Security code").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")
    assert_accessible(page)
    sign_out(page)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_an_owner_records_progress_and_moves_a_date_with_a_reason(page: Page):
    practitioner = UserFactory(roles=[Role.PRACTITIONER])
    action = ActionFactory(
        owner_person=practitioner.person,
        title="Refresh the neglect screening tool",
        due_on=datetime.date.today() + datetime.timedelta(days=5),
    )
    sign_in(page, practitioner.email, TEST_PASSWORD)
    assert_accessible(page)

    page.get_by_role("link", name="Actions", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name=action.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(action.title)
    assert_accessible(page)

    page.get_by_role("link", name="Add a progress update").click()
    assert_accessible(page)
    page.get_by_role("button", name="Add update").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("What has happened").fill("Draft tool shared with health visitors.")
    page.get_by_role("button", name="Add update").click()
    expect(page.get_by_text("Draft tool shared with health visitors.")).to_be_visible()
    assert_accessible(page)

    new_date = action.due_on + datetime.timedelta(days=30)
    page.get_by_role("link", name="Move the due date").click()
    page.get_by_label("New due date").fill(new_date.isoformat())
    page.get_by_role("button", name="Move the due date").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("reason")
    assert_accessible(page)
    page.get_by_label("Why the date is moving").fill("Waiting for the health visiting pilot.")
    page.get_by_role("button", name="Move the due date").click()
    expect(page.locator(".govuk-notification-banner")).to_be_visible()

    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert action.due_on == new_date
    assert action.due_date_changes.get().reason == "Waiting for the health visiting pilot."

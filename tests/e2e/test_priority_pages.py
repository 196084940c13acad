"""In a real browser: every business plan page passes axe-core (WCAG 2.2 AA), including a
form showing its errors and a plan warning that it has too many priorities."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.actions.services import action_create
from safeboard.priorities.factories import (
    BusinessPlanFactory,
    PriorityFactory,
    PriorityMeasureFactory,
    PriorityReviewFactory,
)
from tests.priorities.conftest import linked_challenge, linked_risk

from .conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def test_the_business_plan_pages_are_accessible(page: Page):
    manager = UserFactory(roles=[Role.BUSINESS_MANAGER])
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    today = timezone.localdate()
    plan = BusinessPlanFactory(max_active_priorities=1)
    priority = PriorityFactory(
        plan=plan,
        lead_person=manager.person,
        review_date=today - datetime.timedelta(days=3),
    )
    PriorityFactory(plan=plan)
    action_create(
        title="Refresh the neglect strategy",
        owner_agency=manager.person.agency,
        owner_person=manager.person,
        due_on=today + datetime.timedelta(days=20),
        source=priority,
    )
    linked_risk(priority)
    linked_challenge(priority)
    measure = PriorityMeasureFactory(priority=priority, target=manager.person.agency)
    PriorityReviewFactory(
        priority=priority, reviewed_on=today - datetime.timedelta(days=95), reviewed_by=manager
    )
    sign_in(page, manager.email, TEST_PASSWORD, device)

    for path in [
        "/priorities/",
        "/priorities/plans/new/",
        f"/priorities/plans/{plan.pk}/",
        f"/priorities/plans/{plan.pk}/change/",
        f"/priorities/plans/{plan.pk}/priorities/new/",
        f"/priorities/{priority.pk}/",
        f"/priorities/{priority.pk}/change/",
        f"/priorities/{priority.pk}/review/",
        f"/priorities/{priority.pk}/measures/new/",
        f"/priorities/measures/{measure.pk}/remove/",
        f"/priorities/{priority.pk}/actions/new/",
    ]:
        page.goto(path)
        assert_accessible(page)

    page.goto(f"/priorities/{priority.pk}/review/")
    page.get_by_label("Date of the review").fill((today + datetime.timedelta(days=2)).isoformat())
    page.get_by_label("On track").check()
    page.get_by_label("What the review found and what changed").fill("All going well.")
    page.get_by_role("button", name="Record the review").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("cannot be in the future")
    assert_accessible(page)

"""In a real browser: the business manager's partnership pages pass axe, and a new member
ticks their induction checklist with htmx, the page updating in place."""

from __future__ import annotations

import datetime

from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import (
    HandbookPageFactory,
    InductionItemFactory,
    InductionPlanFactory,
    MembershipFactory,
)
from safeboard.partnership.models import InductionPlan

from .conftest import assert_accessible, sign_in


def test_the_business_managers_partnership_pages_are_accessible(page: Page):
    manager = UserFactory(roles=[Role.BUSINESS_MANAGER])
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    membership = MembershipFactory(person=manager.person)
    MembershipFactory(group=membership.group, ended_on=datetime.date.today())
    plan = InductionPlanFactory()
    InductionItemFactory(plan=plan)
    HandbookPageFactory(title="Your role", body="One.\n\nTwo.")
    sign_in(page, manager.email, TEST_PASSWORD, device)

    for path in [
        "/partnership/agencies/",
        f"/partnership/agencies/{manager.person.agency_id}/",
        "/partnership/agencies/new/",
        "/partnership/people/",
        f"/partnership/people/{manager.person.pk}/",
        f"/partnership/people/{manager.person.pk}/account/",
        "/partnership/groups/",
        f"/partnership/groups/{membership.group_id}/",
        f"/partnership/groups/{membership.group_id}/members/new/",
        "/induction/",
        f"/induction/{plan.pk}/",
        "/induction/new/",
        "/handbook/",
        "/handbook/new/",
    ]:
        page.goto(path)
        assert_accessible(page)

    page.goto(f"/partnership/memberships/{membership.pk}/end/")
    page.get_by_label("Last day of membership").fill("2000-01-01")
    page.get_by_role("button", name="End membership").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("on or after the date")
    assert_accessible(page)


def test_a_new_member_ticks_their_checklist_in_place(page: Page):
    lay_member = UserFactory(roles=[Role.LAY_MEMBER])
    plan = InductionPlanFactory(person=lay_member.person, buddy=None)
    first = InductionItemFactory(plan=plan, title="Meet the chair")
    InductionItemFactory(plan=plan, title="Read the handbook")
    sign_in(page, lay_member.email, TEST_PASSWORD)

    page.goto(f"/induction/{plan.pk}/")
    expect(page.get_by_role("status")).to_contain_text("0 of 2 done")
    page.get_by_role("button", name="Mark “Meet the chair” as done").click()
    expect(page.get_by_role("status")).to_contain_text("1 of 2 done")
    expect(page.locator(f"#item-{first.pk}")).to_contain_text("Done")
    expect(page.get_by_role("button", name="Mark “Meet the chair” as not done")).to_be_focused()
    assert ".govuk-notification-banner" not in page.content()  # no full page load

    page.get_by_role("button", name="Mark “Read the handbook” as done").click()
    expect(page.get_by_role("status")).to_contain_text("Induction completed on")
    assert InductionPlan.objects.get(pk=plan.pk).completed_on is not None
    assert_accessible(page)

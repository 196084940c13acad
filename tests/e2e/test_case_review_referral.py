"""In a real browser, axe-core checking every page: the business manager refers a case, sees
its due dates, records the notification and the decision against the criteria, and the chair
signs the decision off."""

from __future__ import annotations

import datetime

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency
from safeboard.reviews.factories import edition
from safeboard.reviews.models import Decision, Review
from safeboard.reviews.timescales import add_working_days

from .conftest import assert_accessible, sign_in, sign_out

pytestmark = pytest.mark.browser
TODAY = datetime.date.today()


def _long(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def test_a_case_is_referred_decided_against_the_criteria_and_signed_off(page: Page):
    wt2023 = edition("wt2023")  # a browser test's database starts empty of the table
    unit = AgencyFactory(name="Shire Partnership Business Unit")
    police = AgencyFactory(name="Shire Constabulary", type=Agency.Type.POLICE)
    AgencyFactory(name="Shire Children's Services", type=Agency.Type.LOCAL_AUTHORITY)
    manager = UserFactory(person=PersonFactory(agency=unit), roles=[Role.BUSINESS_MANAGER])
    chair = UserFactory(
        person=PersonFactory(agency=unit, full_name="Ada Whitlock"), roles=[Role.CHAIR]
    )
    manager_device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    chair_device = TOTPDevice.objects.create(user=chair, name="phone", confirmed=True)
    aware = TODAY - datetime.timedelta(days=3)

    sign_in(page, manager.email, TEST_PASSWORD, manager_device)
    page.get_by_role("link", name="Reviews", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Refer a case").click()
    assert_accessible(page)
    page.get_by_label("The child’s pseudonym").fill("Child Q")
    page.get_by_label("Under 1").check()
    page.get_by_label(police.name).check()
    page.get_by_label("Date of the incident").fill(aware.isoformat())
    page.get_by_label("Date the partnership became aware").fill(
        (aware - datetime.timedelta(days=1)).isoformat()
    )
    page.get_by_label("Summary").fill("A baby was admitted with unexplained bruising.")
    page.get_by_role("button", name="Refer the case").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("cannot be before the incident")
    assert_accessible(page)
    page.get_by_label("Date the partnership became aware").fill(aware.isoformat())
    page.get_by_role("button", name="Refer the case").click()

    review = Review.objects.get()
    assert review.edition == wt2023
    expect(page.get_by_role("heading", level=1)).to_have_text("Child Q")
    timescales = page.locator("#timescales + table")
    expect(timescales).to_contain_text(_long(add_working_days(aware, 5)))
    expect(timescales).to_contain_text(_long(add_working_days(aware, 15)))
    expect(timescales).to_contain_text("working days left")
    assert_accessible(page)

    page.get_by_role("link", name="Record the notification").click()
    assert_accessible(page)
    page.get_by_label("Date sent").fill(aware.isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#step-notification")).to_contain_text("Done")
    assert_accessible(page)

    page.get_by_role("link", name="Record the decision").click()
    assert_accessible(page)
    criteria = list(wt2023.criteria.order_by("position"))
    for criterion in criteria[:-1]:
        group = page.get_by_role("group", name=f"Is criterion {criterion.code} met?")
        group.get_by_label("Met", exact=True).check()
        page.get_by_label(f"Reason for the answer to {criterion.code}").fill("Seen in the records.")
    page.get_by_label("Local child safeguarding practice review").check()
    page.get_by_label("Reasons for the decision").fill("Agencies did not share what they knew.")
    page.get_by_label("Decided by").select_option(label=f"Ada Whitlock ({unit.name})")
    page.get_by_role("button", name="Record the decision").click()
    last = criteria[-1].code
    expect(page.locator(".govuk-error-summary")).to_contain_text(f"Answer criterion {last}")
    assert not Decision.objects.exists()
    assert_accessible(page)
    group = page.get_by_role("group", name=f"Is criterion {last} met?")
    group.get_by_label("Unclear").check()
    page.get_by_label(f"Reason for the answer to {last}").fill("The Panel has not replied.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Decision against the criteria")
    expect(page.get_by_text("Waiting for the chair")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, chair.email, TEST_PASSWORD, chair_device)
    page.goto(review.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name="Sign off the decision").click()
    assert_accessible(page)
    page.get_by_role("button", name="Sign off the decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("signed off")
    assert_accessible(page)
    decision = Decision.objects.get()
    assert decision.signed_off_by == chair
    review.refresh_from_db()
    assert review.stage == Review.Stage.IN_REVIEW

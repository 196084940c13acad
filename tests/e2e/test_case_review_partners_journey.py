"""A 2023 case from its notification to the chair's sign-off, in a real browser, axe-core
checking every page: the business manager records the notification, then the rapid review's
record (the facts, the immediate actions, the learning, the decision on a local review with
its reasons, the day sent to the Panel), then the three safeguarding partners' answers to the
decision; the chair, at her own desk, signs it off."""

from __future__ import annotations

import datetime

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency
from safeboard.reviews.factories import ReviewFactory, edition
from safeboard.reviews.models import Decision, RapidReview

from .conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser
TODAY = datetime.date.today()
PARTNERS = {
    "local authority": ("Lena Ashworth", "Shire Children's Services", Agency.Type.LOCAL_AUTHORITY),
    "integrated care board": ("Omar Haddad", "NHS Shire ICB", Agency.Type.HEALTH_ICB),
    "chief officer of police": ("Tom Reid", "Shire Constabulary", Agency.Type.POLICE),
}


def make_partners() -> None:
    """A person for each safeguarding partner, in an agency of the partner's kind."""
    for name, agency, kind in PARTNERS.values():
        PersonFactory(full_name=name, agency=AgencyFactory(name=agency, type=kind))


def fill_the_partners(page: Page, day: datetime.date, *, disagreeing: str = "") -> None:
    """Each partner's answer on the decision form: who, when, agree or disagree."""
    for partner, (name, agency, _) in PARTNERS.items():
        page.get_by_label(f"Who answered for the {partner}").select_option(
            label=f"{name} ({agency})"
        )
        page.get_by_label(f"Date the {partner} answered").fill(day.isoformat())
        group = page.get_by_role("group", name=f"Does the {partner} agree?")
        group.get_by_label("Disagrees" if partner == disagreeing else "Agrees", exact=True).check()


def _record_the_rapid_review(page: Page, sent_on: datetime.date) -> None:
    page.get_by_role("link", name="Record the rapid review").click()
    assert_accessible(page)
    page.get_by_label("The facts known so far").fill("A baby was admitted with rib fractures.")
    page.get_by_label("Immediate actions taken to keep children safe").fill(
        "The baby and his sister are in foster care."
    )
    page.get_by_label("Learning identified so far").fill("The father was not known to health.")
    page.get_by_label("The case is not suitable for a national review").check()
    page.get_by_label("A local child safeguarding practice review is appropriate").check()
    page.get_by_label("Date sent to the Panel").fill(sent_on.isoformat())
    page.get_by_role("button", name="Save the rapid review").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Give the reasons for the decision on a local review"
    )
    assert not RapidReview.objects.exists()
    assert_accessible(page)
    page.get_by_label("Reasons for the decision on a local review").fill(
        "Recurrent learning about men in the household who are not seen."
    )
    page.get_by_role("button", name="Save the rapid review").click()
    section = page.locator("#rapid-review + .govuk-summary-list")
    expect(section).to_contain_text("The baby and his sister are in foster care.")
    expect(page.locator("#step-rapid_review")).to_contain_text("Done")
    assert_accessible(page)


def _record_the_partners_decision(page: Page, review, day: datetime.date) -> None:
    page.get_by_role("link", name="Record the decision").click()
    assert_accessible(page)
    expect(page.get_by_label("Decided by")).to_have_count(0)
    for criterion in review.edition.criteria.order_by("position"):
        group = page.get_by_role("group", name=f"Is criterion {criterion.code} met?")
        group.get_by_label("Met", exact=True).check()
        page.get_by_label(f"Reason for the answer to {criterion.code}").fill("In the records.")
    page.get_by_label("Local child safeguarding practice review").check()
    page.get_by_label("Reasons for the decision").fill("Agencies did not share what they knew.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select who agreed the decision for the integrated care board"
    )
    assert not Decision.objects.exists()
    assert_accessible(page)
    fill_the_partners(page, day)
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Decision against the criteria")
    expect(page.get_by_text("Waiting for the chair")).to_be_visible()
    expect(page.get_by_text("Omar Haddad (NHS Shire ICB)")).to_be_visible()
    assert_accessible(page)


def test_a_2023_case_from_notification_to_the_chairs_sign_off(page: Page, another_desk):
    edition("wt2023")  # a browser test's database starts empty of the table
    make_partners()
    unit = AgencyFactory(name="Shire Partnership Business Unit")
    manager = UserFactory(person=PersonFactory(agency=unit), roles=[Role.BUSINESS_MANAGER])
    chair = UserFactory(
        person=PersonFactory(agency=unit, full_name="Ada Whitlock"), roles=[Role.CHAIR]
    )
    aware = TODAY - datetime.timedelta(days=6)
    review = ReviewFactory(
        edition=edition("wt2023"),
        referred_by=manager,
        aware_date=aware,
        incident_date=aware,
        child_pseudonym="Child P",
    )

    sign_in(page, manager.email, TEST_PASSWORD, device=_device(manager))
    page.goto(review.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name="Record the notification").click()
    assert_accessible(page)
    page.get_by_label("Date sent").fill(aware.isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#step-notification")).to_contain_text("Done")

    _record_the_rapid_review(page, sent_on=TODAY)
    _record_the_partners_decision(page, review, TODAY)

    chairs_page = another_desk()
    sign_in(chairs_page, chair.email, TEST_PASSWORD, device=_device(chair))
    chairs_page.goto(review.get_absolute_url())
    assert_accessible(chairs_page)
    chairs_page.get_by_role("link", name="Sign off the decision").click()
    expect(chairs_page.get_by_text("decided by the three safeguarding partners")).to_be_visible()
    assert_accessible(chairs_page)
    chairs_page.get_by_role("button", name="Sign off the decision").click()
    expect(chairs_page.locator(".govuk-notification-banner")).to_contain_text("signed off")
    assert_accessible(chairs_page)

    decision = Decision.objects.get()
    assert decision.signed_off_by == chair
    assert decision.decided_by is None
    assert {a.person.full_name for a in decision.partner_agreements.all()} == {
        name for name, _, _ in PARTNERS.values()
    }


def _device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)

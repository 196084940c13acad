"""A case review from referral to learning, in a real browser, axe-core checking every page.

The business manager refers a case, sees its statutory due dates, records the notification
and the rapid review's decision against the criteria; the chair, at her own desk, signs the
decision off. The manager then records findings and a recommendation to the police, creates
its action, writes, shares and prints the learning briefing; the action's owner finds the
action on her home page, and its page does not name the confidential review."""

from __future__ import annotations

import datetime
import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency
from safeboard.reviews.factories import edition
from safeboard.reviews.frameworks.timescales import add_working_days
from safeboard.reviews.models import Decision, Review
from safeboard.themes.factories import default_themes

from .conftest import assert_accessible, sign_in
from .test_case_review_partners_journey import fill_the_partners, make_partners

pytestmark = pytest.mark.browser
TODAY = datetime.date.today()
ACTION_TITLE = "Every contact asks who lives in the home"


def _long(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _refer(page: Page, police: Agency, aware: datetime.date) -> Review:
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
    assert not Review.objects.exists()
    assert_accessible(page)
    page.get_by_label("Date the partnership became aware").fill(aware.isoformat())
    page.get_by_role("button", name="Refer the case").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Child Q")
    timescales = page.locator("#timescales + .safeboard-table-region table")
    expect(timescales).to_contain_text(_long(add_working_days(aware, 5)))
    expect(timescales).to_contain_text(_long(add_working_days(aware, 15)))
    expect(timescales).to_contain_text("working days left")
    assert_accessible(page)
    return Review.objects.get()


def _record_the_rapid_review_decision(page: Page, review: Review, aware):
    page.get_by_role("link", name="Record the notification").click()
    assert_accessible(page)
    page.get_by_label("Date sent").fill(aware.isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#step-notification")).to_contain_text("Done")
    assert_accessible(page)

    page.get_by_role("link", name="Record the decision").click()
    assert_accessible(page)
    criteria = list(review.edition.criteria.order_by("position"))
    for criterion in criteria[:-1]:
        group = page.get_by_role("group", name=f"Is criterion {criterion.code} met?")
        group.get_by_label("Met", exact=True).check()
        page.get_by_label(f"Reason for the answer to {criterion.code}").fill("Seen in the records.")
    page.get_by_label("Local child safeguarding practice review").check()
    page.get_by_label("Reasons for the decision").fill("Agencies did not share what they knew.")
    fill_the_partners(page, aware)
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


def _sign_off(page: Page, review: Review) -> None:
    page.goto(review.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name="Sign off the decision").click()
    assert_accessible(page)
    page.get_by_role("button", name="Sign off the decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("signed off")
    assert_accessible(page)


def _add_findings(page: Page, review: Review) -> None:
    page.goto(review.get_absolute_url())
    page.get_by_role("link", name="Findings", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Add a finding").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Nobody asked who lived in the home")
    page.get_by_label("What the review found").fill(
        "Professionals accepted the mother's account that she lived alone."
    )
    page.get_by_label("The evidence").fill("The partner is named only in a police log.")
    page.get_by_role("button", name="Save the finding").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("at least one theme")
    assert_accessible(page)
    page.get_by_label("Professional curiosity").check()
    page.get_by_label("Fathers and unseen men").check()
    page.get_by_role("button", name="Save the finding").click()
    expect(
        page.get_by_role("heading", name="1. Nobody asked who lived in the home")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add a finding").click()
    page.get_by_label("Title").fill("Bruising was explained away")
    page.get_by_label("What the review found").fill("Two small bruises were put down to handling.")
    page.get_by_label("The evidence").fill("Recorded by the health visitor twice.")
    page.get_by_label("Thresholds").check()
    page.get_by_role("button", name="Save the finding").click()
    page.get_by_role("button", name="Move up finding 2").click()
    expect(page.get_by_role("heading", level=2).first).to_have_text(
        "1. Bruising was explained away"
    )
    assert_accessible(page)


def _recommend_and_create_the_action(page: Page, owner_label: str) -> None:
    page.get_by_role("link", name="Recommendations and action plan").click()
    assert_accessible(page)
    page.get_by_role("link", name="Add a recommendation").click()
    assert_accessible(page)
    page.get_by_label("The recommendation").fill(
        "The police should tell health visitors of domestic abuse call-outs to homes with a baby."
    )
    page.get_by_label("The finding it answers").select_option(
        label="Nobody asked who lived in the home"
    )
    page.get_by_label("Shire Constabulary").check()
    page.get_by_role("button", name="Save the recommendation").click()
    expect(page.get_by_role("heading", name="Recommendation 1", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Create actions for recommendation 1").click()
    assert_accessible(page)
    page.get_by_label("What the actions are").fill(ACTION_TITLE)
    page.get_by_label("Owner").select_option(label=owner_label)
    page.get_by_label("Due date").fill((TODAY + datetime.timedelta(days=10)).isoformat())
    page.get_by_role("button", name="Create the actions").click()
    expect(page.get_by_role("link", name=ACTION_TITLE)).to_be_visible()
    expect(page.locator("#progress")).to_be_visible()
    assert_accessible(page)


def _write_share_and_print_the_briefing(page: Page) -> None:
    page.get_by_role("link", name="Findings and briefings").click()
    page.get_by_role("link", name="Write a learning briefing").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Who lives in the home?")
    page.get_by_label("What happened, in brief").fill("A baby was injured at home.")
    page.get_by_label("What we learned").fill("Nobody checked who lived with the baby.")
    page.get_by_label("What to do differently").fill("Ask, and check, at every contact.")
    page.get_by_label("Questions for supervision").fill(
        "Who lives in the homes I visit?\nHow do I know?"
    )
    page.get_by_role("button", name="Save the briefing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Who lives in the home?")
    expect(page.get_by_role("listitem").filter(has_text="How do I know?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Share with practitioners").click()
    assert_accessible(page)
    page.get_by_role("button", name="Mark as shared").click()
    expect(page.get_by_text("Shared with practitioners on")).to_be_visible()
    pdf_link = page.get_by_role("link", name="Print the briefing (PDF)")
    pdf = page.request.get(pdf_link.get_attribute("href"))
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-")

    # The theme's page, the list of briefings and search all find the new learning.
    page.goto("/themes/professional-curiosity/")
    expect(page.get_by_role("link", name="Nobody asked who lived in the home")).to_be_visible()
    assert_accessible(page)
    page.goto("/reviews/briefings/")
    expect(page.get_by_role("link", name="Who lives in the home?")).to_be_visible()
    assert_accessible(page)
    page.goto("/reviews/search/?q=bruises")
    expect(page.locator("mark").first).to_have_text(re.compile("^bruis", re.IGNORECASE))
    assert_accessible(page)


def test_a_case_from_referral_to_its_learning_and_the_owners_action(page: Page, another_desk):
    default_themes()
    edition("wt2023")  # a browser test's database starts empty of the table
    unit = AgencyFactory(name="Shire Partnership Business Unit")
    make_partners()
    police = AgencyFactory(name="Shire Constabulary", type=Agency.Type.POLICE)
    manager = UserFactory(person=PersonFactory(agency=unit), roles=[Role.BUSINESS_MANAGER])
    chair = UserFactory(
        person=PersonFactory(agency=unit, full_name="Ada Whitlock"), roles=[Role.CHAIR]
    )
    owner = UserFactory(
        person=PersonFactory(agency=police, full_name="Priya Natarajan"),
        roles=[Role.AGENCY_LEAD],
    )
    aware = TODAY - datetime.timedelta(days=3)

    sign_in(page, manager.email, TEST_PASSWORD, device=_device(manager))
    review = _refer(page, police, aware)
    _record_the_rapid_review_decision(page, review, aware)

    chairs_page = another_desk()
    sign_in(chairs_page, chair.email, TEST_PASSWORD, device=_device(chair))
    _sign_off(chairs_page, review)
    decision = Decision.objects.get()
    assert decision.signed_off_by == chair
    review.refresh_from_db()
    assert review.stage == Review.Stage.IN_REVIEW

    _add_findings(page, review)
    _recommend_and_create_the_action(page, f"Priya Natarajan ({police.name})")
    _write_share_and_print_the_briefing(page)

    owners_page = another_desk()
    sign_in(owners_page, owner.email, TEST_PASSWORD)
    owners_page.get_by_role("link", name=ACTION_TITLE).click()
    expect(owners_page.get_by_text("a confidential case review")).to_be_visible()
    expect(owners_page.get_by_text(review.reference)).to_have_count(0)
    assert_accessible(owners_page)


def _device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)

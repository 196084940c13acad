"""A case review's learning in a real browser, axe-core checking every page: the business
manager records findings and a recommendation, creates its action, writes and shares the
learning briefing and prints it; the action's owner then finds it on their home page."""

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
from safeboard.reviews.models import Review
from safeboard.themes.factories import default_themes

from .conftest import assert_accessible, sign_in, sign_out

pytestmark = pytest.mark.browser
TODAY = datetime.date.today()
ACTION_TITLE = "Every contact asks who lives in the home"


def _review(referred_by) -> Review:
    framework = edition("wt2023")
    return Review.objects.create(
        reference="CR-2026-01",
        edition=framework,
        child_pseudonym="Child K",
        title="Child K",
        age_band=Review.AgeBand.UNDER_1,
        incident_date=TODAY - datetime.timedelta(days=200),
        aware_date=TODAY - datetime.timedelta(days=198),
        summary="A baby was taken to hospital with injuries nobody could explain.",
        referred_by=referred_by,
        rapid_review_basis=framework.rapid_review_basis,
        review_months=6,
        stage=Review.Stage.IN_REVIEW,
    )


def test_findings_a_recommendation_its_action_and_the_briefing(page: Page, browser, live_server):
    default_themes()
    team = AgencyFactory(name="Shire Partnership Business Unit")
    police = AgencyFactory(name="Shire Constabulary", type=Agency.Type.POLICE)
    manager = UserFactory(person=PersonFactory(agency=team), roles=[Role.BUSINESS_MANAGER])
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    owner = UserFactory(
        person=PersonFactory(agency=police, full_name="Priya Natarajan"),
        roles=[Role.AGENCY_LEAD],
    )
    review = _review(manager)

    sign_in(page, manager.email, TEST_PASSWORD, device=device)
    page.goto(f"/reviews/{review.pk}/findings/")
    assert_accessible(page)

    # A finding needs a theme: the error says so, then the finding is saved.
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

    # A recommendation to the police, then its action with an owner and a due date.
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
    expect(page.get_by_role("heading", name="Recommendation 1")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Create actions for recommendation 1").click()
    assert_accessible(page)
    page.get_by_label("What the actions are").fill(ACTION_TITLE)
    page.get_by_label("Owner").select_option(label="Priya Natarajan (Shire Constabulary)")
    page.get_by_label("Due date").fill((TODAY + datetime.timedelta(days=10)).isoformat())
    page.get_by_role("button", name="Create the actions").click()
    expect(page.get_by_role("link", name=ACTION_TITLE)).to_be_visible()
    expect(page.locator("#progress")).to_be_visible()
    assert_accessible(page)

    # The learning briefing: written, shared, printed.
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
    sign_out(page)

    # The owner signs in and finds the action on their home page.
    sign_in(page, owner.email, TEST_PASSWORD)
    expect(page.get_by_role("link", name=ACTION_TITLE)).to_be_visible()
    assert_accessible(page)

"""In a real browser, the learning loop as a business manager follows it: a theme's page → its
chain from finding to impact → an action → evidence of impact on an indicator → SafeBoard's
verdict, every page checked with axe-core."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.themes.factories import default_theme
from tests.impact.builders import indicator_series
from tests.impact.chains.builders import review_link

from .conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser

# Six months of a baseline, then four months well above its upper limit.
BEFORE = [40, 42, 41, 43, 40, 42]
AFTER = [60, 62, 61, 63]


def test_a_theme_leads_through_its_chain_to_an_action_whose_indicator_claim_is_judged(page: Page):
    manager = UserFactory(roles=[Role.BUSINESS_MANAGER])
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    theme = default_theme("professional-curiosity")
    finding, recommendation, action = review_link(theme)
    indicator, periods = indicator_series(
        BEFORE + AFTER, polarity="up", name="Assessments that check every adult in the household"
    )
    sign_in(page, manager.email, TEST_PASSWORD, device)

    page.goto(f"/themes/{theme.slug}/")
    assert_accessible(page)
    page.get_by_role("link", name="The chain from finding to impact").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chain from finding to impact")
    expect(page).to_have_title(f"Chain from finding to impact: {theme.name} – SafeBoard")
    expect(page.get_by_text(finding.title)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=action.title).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(action.title)
    expect(page.get_by_text("No evidence of impact yet.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add evidence of impact").click()
    assert_accessible(page)
    page.get_by_label("Indicator change").check()
    page.get_by_role("button", name="Continue").click()
    assert_accessible(page)

    page.get_by_label("What changed").fill(
        "More assessments now name and check every adult in the household."
    )
    page.get_by_label("Indicator").select_option(value=str(indicator.pk))
    page.get_by_label("First period before the change").select_option(value=str(periods[0].pk))
    page.get_by_label("Last period before the change").select_option(value=str(periods[5].pk))
    page.get_by_label("First period after the change").select_option(value=str(periods[6].pk))
    page.get_by_label("Last period after the change").select_option(value=str(periods[-1].pk))
    page.get_by_role("button", name="Add the evidence").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(action.title)
    expect(page.get_by_text("supported: special-cause improvement", exact=True)).to_be_visible()
    assert_accessible(page)

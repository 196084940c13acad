"""The business manager records what young people said, codes it to a theme, says what the
partnership did, publishes it, and anyone reads it on the public "you said, we did" page:
in Chromium, with axe-core on every page."""

from __future__ import annotations

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.themes.factories import default_themes

from .conftest import assert_accessible, new_page, sign_in

pytestmark = pytest.mark.browser

SAID = "The bus station is scary after dark and nobody comes."
WE_DID = "We asked the council to light the bus station and put a warden there at night."


@pytest.fixture
def manager(transactional_db):
    default_themes()
    unit = AgencyFactory(name="Shire Partnership Business Unit", short_name="Business Unit")
    user = UserFactory(
        person=PersonFactory(agency=unit, full_name="Sam Okafor"), roles=[Role.BUSINESS_MANAGER]
    )
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user, device


def _record_activity(page: Page) -> None:
    page.get_by_role("link", name="Voice", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Children and young people's voice")
    assert_accessible(page)
    page.get_by_role("link", name="Record an activity").click()
    assert_accessible(page)
    page.get_by_label("Young advisers' group").check()
    page.get_by_label("Title").fill("Young advisers on feeling safe in town")
    page.get_by_label("Date held").fill(timezone.localdate().isoformat())
    page.get_by_label("Description").fill(
        "Our young advisers asked their friends where they feel safe."
    )
    page.get_by_role("button", name="Save the activity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Young advisers on feeling safe in town"
    )
    assert_accessible(page)


def _count_and_hear(page: Page) -> None:
    page.get_by_role("link", name="Count who took part").click()
    assert_accessible(page)
    page.get_by_label("11 to 15").check()
    page.get_by_label("Group").fill("Young advisers")
    page.get_by_label("Number who took part").fill("11")
    page.get_by_role("button", name="Add the count").click()
    page.get_by_role("link", name="Add what was said").click()
    assert_accessible(page)
    page.get_by_label("What was said").fill(SAID)
    page.get_by_role("button", name="Save what was said").click()
    # Saving opens the page of what was said, where it is coded and answered.
    expect(page.get_by_role("heading", level=1)).to_have_text("What was said")
    expect(page.get_by_text(SAID)).to_be_visible()
    assert_accessible(page)


def _code_respond_publish(page: Page) -> None:
    page.get_by_role("link", name="Code to themes").click()
    assert_accessible(page)
    page.get_by_label("Voice of the child").check()
    page.get_by_role("button", name="Save the themes").click()
    expect(page.get_by_role("link", name="Voice of the child")).to_be_visible()
    page.get_by_role("link", name="Say what we did").click()
    assert_accessible(page)
    page.get_by_label("What we did").fill(WE_DID)
    page.get_by_role("button", name="Save the response").click()
    expect(page.get_by_text("Not published")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Publish it").click()
    assert_accessible(page)
    page.get_by_role("button", name="Publish it").click()
    expect(page.get_by_text("anyone can now read it")).to_be_visible()
    assert_accessible(page)


def test_what_young_people_said_is_answered_and_published_for_anyone_to_read(
    page: Page, manager, browser: Browser, live_server
):
    user, device = manager
    sign_in(page, user.email, TEST_PASSWORD, device=device)
    _record_activity(page)
    _count_and_hear(page)
    _code_respond_publish(page)

    context, public = new_page(browser, live_server)
    try:
        public.goto("/voice/you-said-we-did/")
        expect(public.get_by_role("heading", level=1)).to_have_text("You said, we did")
        expect(public.get_by_text(SAID)).to_be_visible()
        expect(public.get_by_text(WE_DID)).to_be_visible()
        assert_accessible(public)
    finally:
        context.close()

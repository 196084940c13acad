"""The API guide and the token page in Chromium: a data contact makes a token, sees it once,
and revokes it; axe-core on every page."""

from __future__ import annotations

import pytest
from knox.crypto import hash_token
from knox.models import AuthToken
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory, PersonFactory

from .conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def test_a_data_contact_makes_a_token_sees_it_once_and_revokes_it(page: Page):
    police = AgencyFactory(name="Shire Constabulary")
    lead = UserFactory(person=PersonFactory(agency=police), roles=[Role.AGENCY_LEAD])

    sign_in(page, lead.email, TEST_PASSWORD)
    page.goto("/api/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The scorecard API")
    assert_accessible(page)

    page.goto("/scorecard/grid/")
    page.get_by_role("link", name="API token").click()
    assert_accessible(page)
    page.get_by_role("button", name="Create a token").click()
    key = page.locator(".govuk-panel__body").inner_text().strip()
    assert AuthToken.objects.get(user=lead).digest == hash_token(key)
    assert_accessible(page)

    page.goto("/scorecard/api-token/")
    expect(page.get_by_text(key)).to_have_count(0)
    page.get_by_role("button", name=f"Revoke the token starting {key[:8]}").click()
    assert not AuthToken.objects.filter(user=lead).exists()
    assert_accessible(page)

"""The risk register in a real browser: every page passes axe-core (WCAG 2.2 AA), the heat
map's cells lead to their risks, and a review recorded in the form shows in the trend."""

from __future__ import annotations

import datetime

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.risks import services
from safeboard.risks.models import Risk

from .conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser
TODAY = datetime.date.today()


def _risk(owner, *, title, residual, inherent=(4, 5), days_ago=200, **extra) -> Risk:
    return services.risk_create(
        title=title,
        description="Children could come to harm.",
        cause="Pathways differ.",
        consequence="Harm goes unnoticed.",
        category=Risk.Category.PRACTICE,
        owner_agency=owner.agency,
        owner_person=owner,
        inherent_likelihood=inherent[0],
        inherent_impact=inherent[1],
        residual_likelihood=residual[0],
        residual_impact=residual[1],
        controls="A panel.",
        raised_on=TODAY - datetime.timedelta(days=days_ago),
        **extra,
    )


def test_the_register_pages_are_accessible_and_a_review_shows_in_the_trend(page: Page):
    manager = UserFactory(roles=[Role.BUSINESS_MANAGER])
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    owner = PersonFactory(agency=AgencyFactory(name="Shire Constabulary"))
    risk = _risk(owner, title="Exploitation is spotted late", residual=(3, 4))
    services.risk_review(
        risk=risk,
        reviewed_on=TODAY - datetime.timedelta(days=100),
        likelihood=3,
        impact=3,
        note="Panel meets weekly.",
    )
    for n, residual in enumerate([(1, 1), (2, 2), (3, 5), (5, 4), (4, 4)]):
        _risk(owner, title=f"Risk number {n}", residual=residual, inherent=(5, 5))
    services.risk_add_action(
        risk=risk,
        title="Adopt one screening tool",
        owner_agency=owner.agency,
        owner_person=owner,
        due_on=TODAY + datetime.timedelta(days=30),
    )

    sign_in(page, manager.email, TEST_PASSWORD, device)
    page.goto("/risks/")
    assert_accessible(page)

    page.get_by_role("link", name="scored likelihood 3, impact 3").click()
    expect(page.get_by_role("link", name="Exploitation is spotted late")).to_be_visible()
    expect(page.get_by_role("link", name="Risk number 1")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Inherent scores (before controls)").click()
    expect(page.locator("caption").first).to_contain_text("by inherent likelihood")
    assert_accessible(page)

    page.goto(f"/risks/{risk.pk}/")
    expect(page.get_by_role("img", name=f"Residual score of risk {risk.reference}")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Record a review").click()
    assert_accessible(page)
    page.get_by_label("Date of the review").fill((TODAY + datetime.timedelta(days=3)).isoformat())
    page.get_by_label("What has changed").fill("The screening tool is in use everywhere.")
    page.get_by_role("button", name="Record the review").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("cannot be in the future")
    assert_accessible(page)
    page.get_by_label("Date of the review").fill(TODAY.isoformat())
    page.locator("#id_likelihood_2").check()  # likelihood 2
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_text("The screening tool is in use everywhere.")).to_be_visible()
    assert_accessible(page)
    risk.refresh_from_db()
    assert (risk.residual_likelihood, risk.residual_impact) == (2, 3)

    for path in ["/risks/new/", f"/risks/{risk.pk}/change/", f"/risks/{risk.pk}/actions/new/"]:
        page.goto(path)
        assert_accessible(page)

    page.goto("/risks/new/")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)

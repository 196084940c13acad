"""The balanced scorecard and an indicator's chart in a real browser: every page passes
axe-core (WCAG 2.2 AA), the grid leads to the indicator, and the chart settings form names
its errors."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.models import Perspective, Polarity, Unit
from safeboard.scorecard.spc.services import BASELINE_OUT_OF_ORDER
from tests.scorecard.series import SHIFTED, STEADY, give_figures

from .conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def _scorecard():
    police = AgencyFactory(name="Shire Constabulary", short_name="Police")
    health = AgencyFactory(name="Shire NHS Foundation Trust", short_name="Trust")
    missing = IndicatorFactory(
        code="POL-01",
        name="Missing episodes followed up within 72 hours",
        owning_agency=police,
        unit=Unit.PERCENTAGE,
        polarity=Polarity.DOWN,
        perspective=Perspective.QUALITY,
        target=Decimal(10),
        tolerance=Decimal(1),
    )
    give_figures(missing, SHIFTED)
    for number, perspective in enumerate(Perspective.values):
        indicator = IndicatorFactory(
            code=f"HLT-0{number}",
            name=f"Health measure {number}",
            owning_agency=health,
            perspective=perspective,
            target=Decimal(8) if number % 2 else None,
        )
        give_figures(indicator, STEADY)
    return missing


def test_the_grid_and_an_indicator_chart_are_accessible(page: Page):
    manager = UserFactory(roles=[Role.BUSINESS_MANAGER])
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    missing = _scorecard()

    sign_in(page, manager.email, TEST_PASSWORD, device)
    page.goto("/scorecard/grid/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Balanced scorecard")
    expect(page.get_by_text("Concern (higher)")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Agency").click()
    expect(page.get_by_role("heading", level=2, name="Shire Constabulary")).to_be_visible()
    assert_accessible(page)

    page.get_by_text("Filter the indicators").click()
    page.get_by_label("Variation in the latest figure").select_option("concern")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    assert_accessible(page)

    page.get_by_role("link", name="POL-01 Missing episodes followed up within 72 hours").click()
    expect(
        page.get_by_role("img", name="XmR chart of POL-01 Missing episodes followed up")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Set the chart's baseline and step change").click()
    assert_accessible(page)
    page.get_by_label("Baseline starts").select_option(label="October 2023")
    page.get_by_label("Baseline ends").select_option(label="May 2023")
    page.get_by_label("Why the chart is changing").fill("The early months were unusual.")
    page.get_by_role("button", name="Save the chart settings").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(BASELINE_OUT_OF_ORDER)
    assert_accessible(page)

    page.get_by_label("Baseline ends").select_option(label="November 2023")
    page.get_by_role("button", name="Save the chart settings").click()
    expect(page.get_by_text(f"The chart of {missing.code} has been changed.")).to_be_visible()
    expect(page.get_by_text("The baseline, October 2023 to November 2023")).to_be_visible()
    assert_accessible(page)

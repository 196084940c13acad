"""A data contact's template upload shows on the scorecard as real change, and the question
the scorecard then asks is answered: in Chromium, with axe-core on every page."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.models import IndicatorQuery, Perspective, Polarity, Unit
from safeboard.scorecard.periods import Frequency, PeriodKey
from tests.scorecard.series import give_figures

from .conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser

# A year of the usual ups and downs: mean 10, limits about 4.7 to 15.3.
USUAL_YEAR = [11, 9] * 6
FAR_ABOVE_THE_LIMIT = 31


def _police_indicator():
    police = AgencyFactory(name="Shire Constabulary", short_name="Police")
    lead = UserFactory(
        person=PersonFactory(agency=police, full_name="Dana Whitlow"), roles=[Role.AGENCY_LEAD]
    )
    indicator = IndicatorFactory(
        code="POL-05",
        name="Domestic abuse notifications to schools later than the next school day",
        owning_agency=police,
        unit=Unit.COUNT,
        polarity=Polarity.DOWN,
        perspective=Perspective.TIMELINESS,
        frequency=Frequency.MONTHLY,
    )
    latest = PeriodKey.containing(Frequency.MONTHLY, timezone.localdate()).previous()
    first = latest
    for _ in USUAL_YEAR:
        first = first.previous()
    give_figures(indicator, USUAL_YEAR, start=first)
    return lead, indicator, latest


def _fill_template(path, code: str, value: int) -> None:
    workbook = load_workbook(path)
    sheet = workbook["Figures"]
    headings = [cell.value for cell in sheet[1]]
    code_column, value_column = headings.index("Indicator code"), headings.index("Value")
    for row in sheet.iter_rows(min_row=2):
        if row[code_column].value == code:
            row[value_column].value = value
    workbook.save(path)


def test_an_uploaded_figure_beyond_the_limits_opens_a_query_that_the_agency_answers(
    page: Page, tmp_path
):
    lead, indicator, latest = _police_indicator()

    sign_in(page, lead.email, TEST_PASSWORD)
    page.get_by_role("link", name="Scorecard", exact=True).click()
    page.get_by_role("link", name="Submit figures", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name=f"upload a file for {latest.label}").click()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Download the Excel template for {latest.label}").click()
    template = tmp_path / "figures.xlsx"
    download_info.value.save_as(template)
    _fill_template(template, "POL-05", FAR_ABOVE_THE_LIMIT)
    page.get_by_label("Upload a file").set_input_files(str(template))
    page.get_by_role("button", name="Upload the figures").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"Figures for {latest.label} saved: 1 new figure"
    )
    expect(page.locator(".govuk-notification-banner")).to_contain_text("opened 1 query")
    assert_accessible(page)

    page.get_by_role("link", name="Balanced scorecard").click()
    row = page.locator("tr", has_text="POL-05")
    expect(row).to_contain_text("Concern")
    expect(row).to_contain_text(str(FAR_ABOVE_THE_LIMIT))
    assert_accessible(page)

    row.get_by_role("link", name="POL-05 Domestic abuse").click()
    expect(page.get_by_role("heading", name="Queries")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=f"View the query about {latest.label}").click()
    expect(page.get_by_text("above the upper process limit")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Answer the query").click()
    assert_accessible(page)
    page.get_by_role("button", name="Send the answer").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Your agency’s explanation").fill(
        "A new recording system counted last month's backlog of notifications; "
        "the backlog is cleared and next month's figure will show it."
    )
    page.get_by_role("button", name="Send the answer").click()
    expect(page.get_by_text("A new recording system counted")).to_be_visible()
    assert_accessible(page)

    query = IndicatorQuery.objects.get()
    assert query.status == IndicatorQuery.Status.ANSWERED
    assert query.answered_by == lead and query.answered_on == datetime.date.today()

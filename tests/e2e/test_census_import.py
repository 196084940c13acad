"""The local authority's data contact imports the census and finds its figures on the
scorecard: in Chromium, with axe-core on every page. The test settings run the import's
task at once, so the progress bar is already full when the import page opens."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.census.synth import write_census
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.models import Figure, Unit
from safeboard.scorecard.periods import Frequency
from tests.census.test_census_command import census_file, details

from .conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def data_contact(transactional_db):
    council = AgencyFactory(
        name="Shire County Council", short_name="Council", type=Agency.Type.LOCAL_AUTHORITY
    )
    IndicatorFactory(
        code="CIN-00",
        name="Referrals to children's social care (census)",
        owning_agency=council,
        unit=Unit.COUNT,
        frequency=Frequency.ANNUAL,
        census_key="referrals",
    )
    IndicatorFactory(
        code="CIN-01",
        name="Re-referrals within 12 months (census)",
        owning_agency=council,
        unit=Unit.PERCENTAGE,
        frequency=Frequency.ANNUAL,
        census_key="re_referral_pct",
    )
    return UserFactory(
        person=PersonFactory(agency=council, full_name="Priya Anand"), roles=[Role.AGENCY_LEAD]
    )


def _upload(page: Page, path, population: str = "112,400") -> None:
    page.goto("/census/")
    assert_accessible(page)
    page.get_by_role("link", name="Import a census").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import the Children in Need census")
    assert_accessible(page)
    page.get_by_label("Census file").set_input_files(str(path))
    page.get_by_label("Child population (aged 0 to 17)").fill(population)
    page.get_by_role("button", name="Upload and check").click()


def test_the_data_contact_imports_the_census_and_sees_its_figures_on_the_scorecard(
    page: Page, data_contact, tmp_path
):
    census = tmp_path / "cin-2025.xml"
    write_census(census, children=60, seed=7, year=2025)

    sign_in(page, data_contact.email, TEST_PASSWORD)
    _upload(page, census)

    expect(page.get_by_role("heading", level=1)).to_have_text("Census import: cin-2025.xml")
    progress = page.get_by_role("progressbar", name="Reading the census file")
    expect(progress).to_have_attribute("value", "100")
    expect(page.locator("#census-progress-text")).to_contain_text("100% read")
    expect(page.get_by_role("status")).to_have_text("Done")
    expect(page.get_by_role("heading", name="Figures recorded for 2024-25")).to_be_visible()
    assert_accessible(page)

    referrals = Figure.objects.get(indicator__code="CIN-00")
    assert referrals.source == Figure.Source.CENSUS
    page.get_by_role("link", name=re.compile("^CIN-00 ")).click()
    figures = page.locator("#figures ~ .safeboard-table-region table").first
    expect(figures).to_contain_text("2024-25")
    expect(figures).to_contain_text("Children in Need census")
    expect(figures).to_contain_text(f"{referrals.value:,.0f}")
    assert_accessible(page)


def test_the_data_contact_leaves_out_children_whose_records_have_problems(
    page: Page, data_contact, tmp_path
):
    census = census_file(
        tmp_path,
        2025,
        {
            "CHILD-1": [details("2024-06-03")],
            "CHILD-2": [details("2024-09-10")],
            "CHILD-3": [details("2024-13-45")],
        },
    )

    sign_in(page, data_contact.email, TEST_PASSWORD)
    _upload(page, census)

    expect(page.get_by_role("status")).to_contain_text("your decision is needed")
    problems = page.get_by_role("table", name="Record problems, by child")
    expect(problems).to_contain_text("CHILD-3")
    expect(problems).to_contain_text("2024-13-45")
    assert_accessible(page)
    page.get_by_label("Leave those children out and record the figures from the rest").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("status")).to_have_text("Done")
    expect(page.get_by_text("1 child with problem records was left out")).to_be_visible()
    assert_accessible(page)
    assert Figure.objects.get(indicator__code="CIN-00").value == 2

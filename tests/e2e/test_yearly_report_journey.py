"""The yearly report from draft to the public, in a real browser, axe-core checking every page:
the business manager starts the report for the last complete year, writes the summary for
councillors and one section's narrative, and sends it to the board; the chair, at her own
desk, signs it off; it is published. Then a visitor who has not signed in starts at the
sign-in page, follows links to the published report, reads it and downloads its PDF, whose
pages carry text, not pictures of text. A draft's public address is 404 to that visitor."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.challenges.factories import ChallengeFactory
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.reports import periods, services
from safeboard.reports.factories import PartnerContributionFactory
from safeboard.reports.models import YearlyReport
from tests.reports.pdf_text import is_tagged, pdf_text

from .conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser

START = periods.last_complete_year(timezone.localdate())
END = periods.twelve_months_from(START)
SUMMARY = "Children in Shire were kept safer this year. Fewer babies were hurt."
NARRATIVE = "Every partner paid its agreed share on time."
TITLE = f"Yearly report {START.year} to {END.year}"


def make_the_years_records() -> None:
    """A few records inside the period, so the sections have figures to show."""
    council = AgencyFactory(name="Shire County Council")
    police = AgencyFactory(name="Shire Constabulary")
    PartnerContributionFactory(
        agency=council, financial_year=START.year, amount=Decimal("48000.00")
    )
    PartnerContributionFactory(agency=police, financial_year=START.year, amount=Decimal("21000"))
    raised = START + datetime.timedelta(days=40)
    ChallengeFactory(
        agency=police,
        title="Police attendance at strategy discussions",
        raised_on=raised,
        response_due_on=raised + datetime.timedelta(days=28),
        closed=True,
        closed_on=raised + datetime.timedelta(days=60),
    )


def _device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def _draft_the_report(page: Page) -> None:
    page.get_by_role("link", name="Yearly report", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Yearly reports")
    assert_accessible(page)
    page.get_by_role("link", name="Start a yearly report").click()
    assert_accessible(page)
    expect(page.get_by_label("Start of the period")).to_have_value(START.isoformat())
    expect(page.get_by_label("End of the period")).to_have_value(END.isoformat())
    page.get_by_role("button", name="Start the report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("#workflow")).to_contain_text("Not yet")
    # The figures come from the records: the contributions' section shows both partners.
    expect(page.locator("section[aria-labelledby=contributions]")).to_contain_text("£48000.00")
    expect(page.locator("section[aria-labelledby=challenges]")).to_contain_text(
        "Shire Constabulary"
    )
    assert_accessible(page)

    page.get_by_role("link", name="Write the summary for councillors").click()
    assert_accessible(page)
    page.get_by_label("Summary for councillors").fill(SUMMARY)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#summary ~ p").first).to_have_text(SUMMARY)
    assert_accessible(page)

    page.get_by_role(
        "link", name="Write the narrative for Partners' financial contributions"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Partners' financial")
    assert_accessible(page)
    page.get_by_label("What the partnership says about this section").fill(NARRATIVE)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("section[aria-labelledby=contributions]")).to_contain_text(NARRATIVE)
    assert_accessible(page)

    page.get_by_role("button", name="Send to the board for review").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("sent to the board")
    assert_accessible(page)


def _sign_it_off(page: Page, report: YearlyReport) -> None:
    page.goto(report.get_absolute_url())
    expect(page.get_by_text(SUMMARY)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Sign the report off").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("signed the report off")
    assert_accessible(page)
    page.get_by_role("button", name="Publish the report").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("published")
    assert_accessible(page)


def _read_it_as_a_visitor(page: Page) -> None:
    page.goto("/sign-in/")
    assert_accessible(page)
    page.get_by_role("link", name="Read what the partnership publishes").click()
    assert_accessible(page)
    page.get_by_role("link", name="Yearly reports").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Yearly reports")
    expect(page.get_by_role("link", name="Sign out")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name=TITLE, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text(SUMMARY)).to_be_visible()
    expect(page.locator("section[aria-labelledby=contributions]")).to_contain_text(NARRATIVE)
    expect(page.locator("section[aria-labelledby=contributions]")).to_contain_text("£21000.00")
    assert_accessible(page)

    # The PDF is served inline (for the browser's viewer), so it is fetched through the link's
    # own address, with the visitor's cookies, rather than waited for as a download.
    link = page.get_by_role("link", name="Download the report as PDF")
    response = page.request.get(link.get_attribute("href"), timeout=60_000)
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    pdf = response.body()
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert TITLE in text
    assert NARRATIVE in text
    assert is_tagged(pdf)


def test_a_yearly_report_from_draft_to_the_public(page: Page, another_desk):
    make_the_years_records()
    unit = AgencyFactory(name="Shire Partnership Business Unit")
    manager = UserFactory(person=PersonFactory(agency=unit), roles=[Role.BUSINESS_MANAGER])
    chair = UserFactory(
        person=PersonFactory(agency=unit, full_name="Ada Whitlock"), roles=[Role.CHAIR]
    )
    next_year = services.create_report(
        period_start=periods.twelve_months_from(START) + datetime.timedelta(days=1),
        period_end=periods.twelve_months_from(END + datetime.timedelta(days=1)),
        created_by=manager,
    )

    sign_in(page, manager.email, TEST_PASSWORD, device=_device(manager))
    _draft_the_report(page)
    report = YearlyReport.objects.get(period_start=START)
    assert report.status == YearlyReport.Status.BOARD_REVIEW

    chairs_page = another_desk()
    sign_in(chairs_page, chair.email, TEST_PASSWORD, device=_device(chair))
    _sign_it_off(chairs_page, report)
    report.refresh_from_db()
    assert report.status == YearlyReport.Status.PUBLISHED
    assert report.snapshot

    visitor = another_desk()
    _read_it_as_a_visitor(visitor)

    draft_page = visitor.goto(reverse("reports:public_detail", args=[next_year.pk]))
    assert draft_page.status == 404
    assert_accessible(visitor)
    draft_pdf = visitor.request.get(reverse("reports:public_pdf", args=[next_year.pk]))
    assert draft_pdf.status == 404

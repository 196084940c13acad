"""The PDF prints a long table's first rows and one row for all the others, saying where the
whole table is; the web page keeps every row, and the published snapshot is never changed."""

import copy
import datetime
from decimal import Decimal

from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from safeboard.challenges.factories import ChallengeFactory
from safeboard.partnership.factories import AgencyFactory
from safeboard.reports import pages
from safeboard.reports.factories import PartnerContributionFactory
from safeboard.reports.report_section import contribution_printed

from .conftest import published_report

AGENCIES = 14


def _fourteen_agencies_challenged_and_paying() -> None:
    for n in range(AGENCIES):
        agency = AgencyFactory(name=f"Agency {n:02d}")
        for day in range(n % 4 + 1):
            ChallengeFactory(agency=agency, raised_on=datetime.date(2024, 6, 1 + day))
        PartnerContributionFactory(agency=agency, financial_year=2024, amount=Decimal(1000 + n))


def test_the_pdf_cuts_long_tables_and_the_web_page_keeps_them(cast):
    _fourteen_agencies_challenged_and_paying()
    report = published_report(cast)
    snapshot = copy.deepcopy(report.snapshot)
    context = pages.report_context(report)

    printed = render_to_string("reports/report_pdf.html", context)
    web = Client().get(reverse("reports:public_detail", kwargs={"pk": report.pk}))

    address = f"http://127.0.0.1:8000/yearly-report/public/{report.pk}/"
    assert context["web_address"] == address
    assert "The other 4 contributions" in printed
    assert "£4006.00" in printed  # Agencies 00 to 03, the smallest four, together
    assert "All 4 other agencies" in printed  # challenges: the four that raised one each
    assert "Agency 00" not in printed  # the least challenged and the smallest contribution
    assert f'href="{address}#contributions"' in printed
    assert f'href="{address}#challenges"' in printed
    page = web.content.decode()
    assert all(f"Agency {n:02d}" in page for n in range(AGENCIES))
    assert "other contributions" not in page and "other agencies" not in page
    report.refresh_from_db()
    assert report.snapshot == snapshot


def test_a_printed_contributions_table_adds_up_to_the_same_total():
    rows = [
        {"agency": f"Agency {n}", "year": "2024 to 2025", "amount": f"{n}.50", "in_kind": ""}
        for n in range(1, 14)
    ]
    total = str(sum(Decimal(row["amount"]) for row in rows))
    figures = {"rows": rows, "total": total, "chart": [], "agencies": 13}
    printed = contribution_printed(figures)
    assert [row["agency"] for row in printed["rows"]] == [f"Agency {n}" for n in range(4, 14)]
    assert printed["others"] == {"agency": "The other 3 contributions", "amount": "7.50"}
    assert printed["total"] == total
    assert len(printed["chart"]) == 11

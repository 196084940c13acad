import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from safeboard.challenges.factories import ChallengeFactory
from safeboard.meetings.factories import AttendanceFactory
from safeboard.partnership.factories import AgencyFactory
from safeboard.reports import services
from safeboard.reports.models import PartnerContribution, ReportRecipient, YearlyReport
from tests.conftest import signed_in_client

from .conftest import END, START, published_report
from .pdf_text import is_tagged, pdf_text


def _post(user, url_name, report, data=None):
    return signed_in_client(user).post(reverse(url_name, kwargs={"pk": report.pk}), data or {})


def test_the_whole_workflow_through_the_pages(cast):
    manager, chair = cast["business_manager"], cast["chair"]
    client = signed_in_client(manager)
    response = client.post(
        reverse("reports:create"), {"period_start": "2024-04-01", "period_end": "2025-03-31"}
    )
    report = YearlyReport.objects.get()
    assert response.status_code == 302
    client.post(
        reverse("reports:narrative", kwargs={"pk": report.pk, "key": "challenges"}),
        {"text": "The board pressed agencies on strategy discussions."},
    )
    client.post(reverse("reports:summary", kwargs={"pk": report.pk}), {"plain_summary": "Hi."})
    _post(manager, "reports:send_for_review", report)
    _post(chair, "reports:sign_off", report)
    _post(manager, "reports:publish", report)
    report.refresh_from_db()
    assert report.status == YearlyReport.Status.PUBLISHED
    assert report.signed_off_by == chair
    page = Client().get(reverse("reports:public_detail", kwargs={"pk": report.pk}))
    assert page.status_code == 200
    assert "The board pressed agencies on strategy discussions." in page.content.decode()


def test_a_period_that_is_not_twelve_months_is_shown_as_an_error(cast):
    response = signed_in_client(cast["business_manager"]).post(
        reverse("reports:create"), {"period_start": "2024-04-01", "period_end": "2024-12-31"}
    )
    assert response.status_code == 400
    assert "12 months" in response.content.decode()


def test_sign_off_of_an_unreviewed_draft_is_refused_with_a_message(cast):
    manager = cast["business_manager"]
    report = services.create_report(period_start=START, period_end=END, created_by=manager)
    response = signed_in_client(cast["chair"]).post(
        reverse("reports:sign_off", kwargs={"pk": report.pk}), follow=True
    )
    assert "not reviewed" in response.content.decode()
    report.refresh_from_db()
    assert report.status == YearlyReport.Status.DRAFT


def test_the_workflow_buttons_are_forms_that_post(cast):
    manager = cast["business_manager"]
    report = services.create_report(period_start=START, period_end=END, created_by=manager)
    html = signed_in_client(manager).get(report.get_absolute_url()).content.decode()
    assert f'action="{reverse("reports:send_for_review", kwargs={"pk": report.pk})}"' in html
    assert "Sign the report off" not in html


def test_anonymous_visitors_get_404_for_a_draft(cast, client):
    report = services.create_report(
        period_start=START, period_end=END, created_by=cast["business_manager"]
    )
    for name in ("reports:public_detail", "reports:public_pdf"):
        assert client.get(reverse(name, kwargs={"pk": report.pk})).status_code == 404
    assert report.title not in client.get(reverse("reports:public_list")).content.decode()


def test_a_reader_is_refused_a_draft_but_reads_a_published_report(cast):
    reader = signed_in_client(cast["reader"])
    draft = services.create_report(
        period_start=datetime.date(2023, 4, 1),
        period_end=datetime.date(2024, 3, 31),
        created_by=cast["business_manager"],
    )
    published = published_report(cast)
    assert reader.get(draft.get_absolute_url()).status_code == 403
    assert reader.get(published.get_absolute_url()).status_code == 200
    listing = reader.get(reverse("reports:list")).content.decode()
    assert published.get_absolute_url() in listing
    assert draft.get_absolute_url() not in listing


def test_the_public_list_shows_the_latest_edition_and_its_note(cast, client):
    first = published_report(cast)
    manager = cast["business_manager"]
    correction = services.issue_correction(
        report=first, note="The attendance table left out the health trust.", issued_by=manager
    )
    services.send_for_review(report=correction, sent_by=manager)
    services.sign_off(report=correction, signed_off_by=cast["chair"])
    services.publish_report(report=correction, published_by=manager)
    html = client.get(reverse("reports:public_list")).content.decode()
    assert reverse("reports:public_detail", kwargs={"pk": correction.pk}) in html
    assert reverse("reports:public_detail", kwargs={"pk": first.pk}) not in html
    assert "left out the health trust" in html
    older = client.get(reverse("reports:public_detail", kwargs={"pk": first.pk}))
    assert "A corrected edition of this report has been published" in older.content.decode()


def test_the_pdf_is_tagged_and_holds_text(cast, client):
    ChallengeFactory(agency=cast.home_agency, raised_on=datetime.date(2024, 6, 1))
    report = published_report(cast)
    response = client.get(reverse("reports:public_pdf", kwargs={"pk": report.pk}))
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    assert is_tagged(pdf)
    text = pdf_text(pdf)
    assert "Yearly report 2024 to 2025" in text
    assert "Challenges and their outcomes" in text


def test_recipients_and_contributions_are_recorded_through_their_pages(cast):
    manager = cast["business_manager"]
    report = published_report(cast)
    client = signed_in_client(manager)
    response = client.post(
        reverse("reports:recipients", kwargs={"pk": report.pk}),
        {"recipient": "national_panel", "sent_on": report.published_at.date().isoformat()},
    )
    assert response.status_code == 302
    assert ReportRecipient.objects.get().recipient == "national_panel"
    response = client.post(
        reverse("reports:contributions"),
        {"agency": cast.home_agency.pk, "financial_year": 2024, "amount": "-5"},
    )
    assert response.status_code == 400
    client.post(
        reverse("reports:contributions"),
        {"agency": cast.home_agency.pk, "financial_year": 2024, "amount": "1200.50"},
    )
    assert PartnerContribution.objects.get().amount == Decimal("1200.50")


@pytest.mark.parametrize("agencies", [2, 8])
def test_the_report_page_query_count_does_not_grow_with_the_data(
    cast, agencies, django_assert_max_num_queries
):
    for number in range(agencies):
        agency = AgencyFactory(name=f"Agency {number}")
        ChallengeFactory(agency=agency, raised_on=datetime.date(2024, 5, 1))
        AttendanceFactory(
            meeting__starts_at=datetime.datetime(2024, 6, 1, 10, tzinfo=datetime.UTC),
            person__agency=agency,
        )
        services.record_contribution(
            agency=agency, financial_year=2024, amount=Decimal(1000), recorded_by=None
        )
    manager = cast["business_manager"]
    report = services.create_report(period_start=START, period_end=END, created_by=manager)
    client = signed_in_client(manager)
    # A few queries for each of the report's sections, however many agencies there are.
    with django_assert_max_num_queries(55):
        assert client.get(report.get_absolute_url()).status_code == 200

"""Submitting and revising figures from the outside: bad input is named and changes nothing."""

from __future__ import annotations

import html
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.scorecard import services
from safeboard.scorecard.factories import FigureFactory, IndicatorFactory, PeriodFactory
from safeboard.scorecard.forms import FiguresForm, figure_field_name
from safeboard.scorecard.models import Figure, FigureRevision
from safeboard.scorecard.periods import PeriodKey
from tests.conftest import signed_in_client

from .conftest import OCTOBER_2025, database_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicators(cast):
    home = cast.home_agency
    return [
        IndicatorFactory(code="POL-01", name="Incidents", owning_agency=home, unit="count"),
        IndicatorFactory(code="POL-03", name="Interviews", owning_agency=home, unit="percentage"),
    ]


@pytest.fixture
def lead(cast):
    return signed_in_client(cast[Role.AGENCY_LEAD])


def _period_url(name, cast, agency=None):
    agency = agency or cast.home_agency
    return reverse(f"scorecard:{name}", args=[agency.pk, OCTOBER_2025.slug])


def _text(response) -> str:
    return html.unescape(response.content.decode())


# Submitting by web form ------------------------------------------------------------------


def test_the_data_contact_sees_the_last_ended_periods(cast, indicators, lead):
    last_month = PeriodKey.containing("monthly", timezone.localdate()).previous()
    response = lead.get(reverse("scorecard:submission_periods"))
    assert response.status_code == 200
    url = reverse("scorecard:submission_form", args=[cast.home_agency.pk, last_month.slug])
    assert url in response.content.decode()
    assert "0 of 2" in _text(response)


def test_figures_submitted_by_web_form_are_saved(cast, indicators, lead):
    data = {figure_field_name(indicators[0]): "41", figure_field_name(indicators[1]): "87.5"}
    response = lead.post(_period_url("submission_form", cast), data)
    assert response.status_code == 302
    figures = dict(Figure.objects.values_list("indicator__code", "value"))
    assert figures == {"POL-01": Decimal("41"), "POL-03": Decimal("87.5")}
    assert set(Figure.objects.values_list("submitted_by", flat=True)) == {cast[Role.AGENCY_LEAD].pk}


def test_a_bad_figure_on_the_form_is_named_and_nothing_is_saved(cast, indicators, lead):
    data = {figure_field_name(indicators[0]): "41", figure_field_name(indicators[1]): "120"}
    response = lead.post(_period_url("submission_form", cast), data)
    assert response.status_code == 400
    assert "A percentage must be between 0 and 100" in _text(response)
    assert f'href="#id_{figure_field_name(indicators[1])}"' in response.content.decode()
    assert not Figure.objects.exists()


def test_changing_a_held_figure_on_the_form_needs_a_reason(cast, indicators, lead):
    services.figures_record(
        agency=cast.home_agency, period=OCTOBER_2025, values={"POL-01": 41}, source="form"
    )
    url = _period_url("submission_form", cast)
    response = lead.post(url, {figure_field_name(indicators[0]): "44"})
    assert response.status_code == 400
    assert "give a reason to revise it" in _text(response)
    response = lead.post(url, {figure_field_name(indicators[0]): "44", "reason": "Late records"})
    assert response.status_code == 302
    assert FigureRevision.objects.get().reason == "Late records"


def test_another_agencys_lead_cannot_post_figures(cast, indicators):
    client = signed_in_client(cast.other_agency_lead)
    before = database_state()
    response = client.post(
        _period_url("submission_form", cast), {figure_field_name(indicators[0]): "41"}
    )
    assert response.status_code == 403
    assert database_state() == before


def test_an_address_naming_no_period_is_not_found(cast, indicators, lead):
    url = reverse("scorecard:submission_form", args=[cast.home_agency.pk, "monthly-2025-13"])
    assert lead.get(url).status_code == 404


# Submitting by Excel template ------------------------------------------------------------


def test_the_template_downloaded_and_filled_in_uploads(cast, indicators, lead):
    download = lead.get(_period_url("template_download", cast))
    assert download["Content-Disposition"].endswith('monthly-2025-10.xlsx"')
    workbook = openpyxl.load_workbook(io.BytesIO(download.content))
    workbook["Figures"]["E2"] = 41
    workbook["Figures"]["E3"] = 87.5
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("figures.xlsx", buffer.getvalue())
    response = lead.post(_period_url("submission_upload", cast), {"file": upload})
    assert response.status_code == 302
    assert dict(Figure.objects.values_list("indicator__code", "source")) == {
        "POL-01": "excel",
        "POL-03": "excel",
    }


def test_a_bad_upload_lists_every_problem_and_saves_nothing(cast, indicators, lead):
    text = "Indicator code,Period,Value\nPOL-01,October 2025,lots\nPOL-03,October 2025,101\n"
    upload = SimpleUploadedFile("figures.csv", text.encode())
    response = lead.post(_period_url("submission_upload", cast), {"file": upload})
    assert response.status_code == 400
    page = _text(response)
    assert "The file has 2 problems" in page
    assert "POL-01: Enter a number, not \u201clots\u201d." in page
    assert "POL-03: A percentage must be between 0 and 100: 101 is not." in page
    assert 'href="#id_file"' in response.content.decode()
    assert not Figure.objects.exists()


# Revising one figure ---------------------------------------------------------------------


def test_the_data_contact_revises_a_figure_with_a_reason(cast, indicators, lead):
    figure = FigureFactory(indicator=indicators[0], value=Decimal("41"))
    url = reverse("scorecard:figure_revise", args=[figure.pk])
    response = lead.post(url, {"value": "44"})
    assert response.status_code == 400
    assert "Give a reason for revising the figure." in _text(response)
    response = lead.post(url, {"value": "44", "reason": "Late-recorded incidents"})
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.value == Decimal("44") and figure.revised_by == cast[Role.AGENCY_LEAD]


def test_another_agencys_lead_cannot_revise_a_figure(cast, indicators):
    figure = FigureFactory(indicator=indicators[0], value=Decimal("41"))
    client = signed_in_client(cast.other_agency_lead)
    url = reverse("scorecard:figure_revise", args=[figure.pk])
    response = client.post(url, {"value": "1", "reason": "Not ours to change"})
    assert response.status_code == 403
    figure.refresh_from_db()
    assert figure.value == Decimal("41") and not FigureRevision.objects.exists()


# Query counts ----------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    client.get(url)  # warm the session and content type caches
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_figures_form_does_not_grow_with_the_agencys_indicators(cast, indicators, lead):
    services.figures_record(
        agency=cast.home_agency, period=OCTOBER_2025, values={"POL-01": 4}, source="form"
    )
    url = _period_url("submission_form", cast)
    few = _queries(lead, url)
    for number in range(30):
        indicator = IndicatorFactory(code=f"POL-{number + 10}", owning_agency=cast.home_agency)
        FigureFactory(indicator=indicator, period=PeriodFactory(key=OCTOBER_2025))
    assert _queries(lead, url) == few


def test_a_figures_form_left_blank_asks_for_a_figure(cast, indicators, lead):
    response = lead.post(_period_url("submission_form", cast), {})
    assert response.status_code == 400
    assert FiguresForm.NO_FIGURES in _text(response)
    assert not Figure.objects.exists()

"""The census import pages: upload, progress, decision, results, settings, and who gets in."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.census.models import CensusImport, CensusSettings
from safeboard.census.services import NOT_XML, XML_CONTENT_EXPECTED
from safeboard.scorecard.models import Figure
from tests import test_permissions as permissions

from .access_cases import ACCESS_CASES, census_import_of, make_census_agency
from .test_import_services import synthetic_census, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def census_agency(cast):
    make_census_agency(cast.home_agency)
    return cast.home_agency


def post_upload(client, content: bytes, *, name="cin-2025.xml", population="112,400", capture):
    with capture(execute=True):
        return client.post(
            reverse("census:import_upload"),
            {"file": upload(content, name), "population": population},
        )


def test_the_data_contact_uploads_a_census_and_sees_its_figures(
    cast, census_agency, client_for, django_capture_on_commit_callbacks
):
    client = client_for(cast[Role.AGENCY_LEAD])
    response = post_upload(client, synthetic_census(), capture=django_capture_on_commit_callbacks)

    census_import = CensusImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == census_import.get_absolute_url()
    assert census_import.status == CensusImport.Status.DONE
    assert census_import.population == 112_400
    assert census_import.uploaded_by == cast[Role.AGENCY_LEAD]
    page = client.get(response["Location"]).content.decode()
    figure = Figure.objects.get(indicator__code="CIN-01")
    assert figure.source == Figure.Source.CENSUS
    assert figure.indicator.get_absolute_url() in page
    assert "Figures recorded for 2024-25" in page


def test_the_progress_partial_shows_the_percentage_read_and_keeps_polling(cast, client_for):
    make_census_agency(cast.home_agency)
    census_import = census_import_of(
        cast.home_agency, status=CensusImport.Status.CHECKING, bytes_read=50, total_bytes=200
    )
    client = client_for(cast[Role.AGENCY_LEAD])
    url = reverse("census:import_progress", kwargs={"pk": census_import.pk})

    response = client.get(url, headers={"HX-Request": "true"})

    page = response.content.decode()
    assert '<progress id="census-progress-bar"' in page
    assert 'value="25"' in page
    assert "25% read" in page
    assert f'hx-get="{url}"' in page
    assert "HX-Refresh" not in response.headers
    assert 'id="census-status" hx-swap-oob="innerHTML"' in page


def test_the_progress_partial_reloads_the_page_once_the_check_has_finished(cast, client_for):
    make_census_agency(cast.home_agency)
    census_import = census_import_of(
        cast.home_agency, status=CensusImport.Status.DONE, bytes_read=200, total_bytes=200
    )
    client = client_for(cast[Role.AGENCY_LEAD])
    url = reverse("census:import_progress", kwargs={"pk": census_import.pk})

    response = client.get(url, headers={"HX-Request": "true"})

    assert response.headers["HX-Refresh"] == "true"
    assert "100% read" in response.content.decode()
    assert "hx-get" not in response.content.decode()


def test_a_running_import_page_offers_a_refresh_link_without_javascript(cast, client_for):
    make_census_agency(cast.home_agency)
    census_import = census_import_of(cast.home_agency, status=CensusImport.Status.CHECKING)
    client = client_for(cast[Role.AGENCY_LEAD])

    page = client.get(census_import.get_absolute_url()).content.decode()

    assert "Refresh this page" in page
    assert 'role="status" aria-live="polite"' in page


def test_a_malformed_census_shows_the_line_where_it_went_wrong(
    cast, census_agency, client_for, django_capture_on_commit_callbacks
):
    client = client_for(cast[Role.AGENCY_LEAD])
    post_upload(
        client, b"<Message>\n<Header>\n</Message>\n", capture=django_capture_on_commit_callbacks
    )

    census_import = CensusImport.objects.get()
    page = client.get(census_import.get_absolute_url()).content.decode()
    assert census_import.status == CensusImport.Status.FAILED
    assert f"Line {census_import.error_line}:" in page
    assert Figure.objects.count() == 0


def test_the_upload_refuses_a_file_that_is_not_xml(cast, census_agency, client_for):
    client = client_for(cast[Role.AGENCY_LEAD])
    response = client.post(
        reverse("census:import_upload"),
        {"file": upload(b"a,b\n1,2\n", "cin.csv"), "population": "1000"},
    )
    assert response.status_code == 400
    assert NOT_XML in response.content.decode()

    response = client.post(
        reverse("census:import_upload"),
        {"file": upload(b"PK\x03\x04", "cin.xml"), "population": "1000"},
    )
    assert response.status_code == 400
    assert XML_CONTENT_EXPECTED.split(":")[0] in response.content.decode()
    assert CensusImport.objects.count() == 0


def _awaiting_decision(agency) -> CensusImport:
    return census_import_of(
        agency,
        status=CensusImport.Status.NEEDS_DECISION,
        problems=[
            {
                "child_id": "CHILD-3",
                "element": "CINreferralDate",
                "value": "2024-13-45",
                "problem": "not a date (YYYY-MM-DD)",
            }
        ],
        problem_count=1,
    )


def test_the_problems_are_listed_with_the_choice_to_continue_or_cancel(
    cast, census_agency, client_for
):
    census_import = _awaiting_decision(census_agency)
    page = client_for(cast[Role.AGENCY_LEAD]).get(census_import.get_absolute_url())

    content = page.content.decode()
    for cell in ("CHILD-3", "CINreferralDate", "2024-13-45", "not a date (YYYY-MM-DD)"):
        assert f'<td class="govuk-table__cell">{cell}</td>' in content
    assert "Leave those children out" in content
    assert "Cancel the import" in content


def test_cancelling_from_the_import_page_records_nothing(cast, census_agency, client_for):
    census_import = _awaiting_decision(census_agency)
    client = client_for(cast[Role.AGENCY_LEAD])
    url = reverse("census:import_decide", kwargs={"pk": census_import.pk})

    response = client.post(url, {"decision": "cancel"})

    census_import.refresh_from_db()
    assert response.status_code == 302
    assert census_import.status == CensusImport.Status.CANCELLED
    assert Figure.objects.count() == 0


def test_continuing_from_the_import_page_records_the_figures_of_the_rest(
    cast, census_agency, client_for, django_capture_on_commit_callbacks, tmp_path
):
    from .test_census_command import census_file, details

    content = census_file(
        tmp_path,
        2025,
        {"CHILD-1": [details("2024-06-03")], "CHILD-3": [details("2024-13-45")]},
    ).read_bytes()
    client = client_for(cast[Role.AGENCY_LEAD])
    post_upload(client, content, capture=django_capture_on_commit_callbacks)
    census_import = CensusImport.objects.get()
    assert census_import.status == CensusImport.Status.NEEDS_DECISION

    url = reverse("census:import_decide", kwargs={"pk": census_import.pk})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "continue"})

    census_import.refresh_from_db()
    assert census_import.status == CensusImport.Status.DONE
    assert census_import.children_left_out == 1


def test_choosing_nothing_asks_for_a_decision(cast, census_agency, client_for):
    census_import = _awaiting_decision(census_agency)
    url = reverse("census:import_decide", kwargs={"pk": census_import.pk})

    response = client_for(cast[Role.AGENCY_LEAD]).post(url, {})

    assert response.status_code == 400
    assert "Choose whether to leave those children out" in response.content.decode()


def test_the_data_contact_sees_only_their_own_agencys_imports(cast, census_agency, client_for):
    census_import_of(census_agency, file_name="ours.xml")
    census_import_of(cast.other_agency, file_name="theirs.xml")

    lead_page = client_for(cast[Role.AGENCY_LEAD]).get(reverse("census:import_list"))
    manager_page = client_for(cast[Role.BUSINESS_MANAGER]).get(reverse("census:import_list"))

    assert "ours.xml" in lead_page.content.decode()
    assert "theirs.xml" not in lead_page.content.decode()
    assert "theirs.xml" in manager_page.content.decode()


def test_another_agencys_lead_cannot_open_an_import(cast, census_agency, client_for):
    census_import = census_import_of(census_agency)
    client = client_for(cast.other_agency_lead)
    assert client.get(census_import.get_absolute_url()).status_code == 403


def test_a_lead_of_an_agency_without_census_indicators_cannot_upload(cast, client_for):
    response = client_for(cast[Role.AGENCY_LEAD]).get(reverse("census:import_upload"))
    assert response.status_code == 403


def test_a_reader_cannot_see_or_upload_census_imports(cast, census_agency, client_for):
    client = client_for(cast[Role.READER])
    assert client.get(reverse("census:import_list")).status_code == 403
    assert client.get(reverse("census:import_upload")).status_code == 403


def test_the_business_manager_turns_retention_on(cast, client_for):
    client = client_for(cast[Role.BUSINESS_MANAGER])
    response = client.post(reverse("census:settings"), {"retain_child_rows": "yes"})

    assert response.status_code == 302
    assert CensusSettings.load().retain_child_rows is True


@pytest.mark.parametrize("case", ACCESS_CASES, ids=lambda case: case.url_name)
def test_census_import_access_case_holds(cast, case):
    permissions.test_allowed_roles_get_in_and_every_other_role_is_refused(cast, case)
    if case.other_agency_refused:
        permissions.test_another_agencys_lead_is_refused(cast, case)

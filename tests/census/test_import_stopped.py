"""A census import whose worker died does not stay "checking" for ever: past the time-out it
is failed with a message, and whoever may decide on it can run the check again."""

from __future__ import annotations

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.census import services
from safeboard.census.models import CensusImport
from safeboard.census.services import CANNOT_RUN_AGAIN, STOPPED
from safeboard.reminders.services import send_daily_reminders

from .access_cases import make_census_agency
from .test_import_services import synthetic_census, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SAFEBOARD_CENSUS_IMPORT_TIMEOUT_MINUTES = 30


def _uploaded(cast, *, minutes_ago: int, status=CensusImport.Status.CHECKING) -> CensusImport:
    """A census uploaded by the home agency's data contact, whose check began `minutes_ago`
    and never finished (the queued check is not run: no worker picked it up)."""
    make_census_agency(cast.home_agency)
    census_import = services.census_import_upload(
        agency=cast.home_agency,
        upload=upload(synthetic_census()),
        population=112_400,
        uploaded_by=cast[Role.AGENCY_LEAD],
    )
    began = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    CensusImport.objects.filter(pk=census_import.pk).update(
        status=status, uploaded_at=began, started_at=began
    )
    census_import.refresh_from_db()
    return census_import


def _page(response) -> str:
    return html.unescape(response.content.decode())


def test_an_import_checking_past_the_time_out_shows_as_failed_with_the_reason(cast, client_for):
    census_import = _uploaded(cast, minutes_ago=31)
    client = client_for(cast[Role.AGENCY_LEAD])

    page = _page(client.get(census_import.get_absolute_url()))

    census_import.refresh_from_db()
    assert census_import.status == CensusImport.Status.FAILED
    assert census_import.error_message == STOPPED
    assert STOPPED in page
    assert "Run the check again" in page


def test_the_progress_the_page_polls_stops_once_the_check_has_timed_out(cast, client_for):
    census_import = _uploaded(cast, minutes_ago=31)
    url = reverse("census:import_progress", args=[census_import.pk])

    response = client_for(cast[Role.AGENCY_LEAD]).get(url, headers={"HX-Request": "true"})

    assert response["HX-Refresh"] == "true"
    census_import.refresh_from_db()
    assert census_import.status == CensusImport.Status.FAILED


def test_an_import_checking_within_the_time_out_is_left_running(cast, client_for):
    census_import = _uploaded(cast, minutes_ago=10)

    client_for(cast[Role.AGENCY_LEAD]).get(census_import.get_absolute_url())

    census_import.refresh_from_db()
    assert census_import.status == CensusImport.Status.CHECKING


def test_the_daily_run_fails_imports_nobody_has_looked_at(cast):
    stuck = _uploaded(cast, minutes_ago=24 * 60, status=CensusImport.Status.COMPUTING)

    send_daily_reminders()

    stuck.refresh_from_db()
    assert (stuck.status, stuck.error_message) == (CensusImport.Status.FAILED, STOPPED)


def test_running_the_check_again_queues_it_on_the_same_file_and_it_completes(
    cast, client_for, django_capture_on_commit_callbacks
):
    census_import = _uploaded(cast, minutes_ago=31)
    client = client_for(cast[Role.AGENCY_LEAD])
    client.get(census_import.get_absolute_url())  # failed as stopped

    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = client.post(reverse("census:import_rerun", args=[census_import.pk]))

    assert response.status_code == 302
    assert len(queued) == 1
    census_import.refresh_from_db()
    assert census_import.status == CensusImport.Status.DONE
    assert census_import.error_message == ""
    assert census_import.figures


def test_an_import_that_did_not_stop_cannot_be_run_again(cast, client_for):
    census_import = _uploaded(cast, minutes_ago=10)

    response = client_for(cast[Role.AGENCY_LEAD]).post(
        reverse("census:import_rerun", args=[census_import.pk]), follow=True
    )

    assert CANNOT_RUN_AGAIN in _page(response)
    census_import.refresh_from_db()
    assert census_import.status == CensusImport.Status.CHECKING


@pytest.mark.parametrize("who", ["other_agency_lead", "reader"])
def test_the_wrong_agency_or_role_cannot_run_the_check_again(
    cast, client_for, django_capture_on_commit_callbacks, who
):
    census_import = _uploaded(cast, minutes_ago=31)
    services.census_import_expire_if_stale(census_import=census_import)
    user = cast.other_agency_lead if who == "other_agency_lead" else cast[Role.READER]

    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = client_for(user).post(reverse("census:import_rerun", args=[census_import.pk]))

    assert response.status_code in (403, 404)
    assert not queued
    census_import.refresh_from_db()
    assert census_import.status == CensusImport.Status.FAILED

"""Action pages from the outside: bad input is named and changes nothing; lists export."""

from __future__ import annotations

import datetime
import html
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.actions.forms import NO_DUE_DATE
from safeboard.actions.models import Action, Evidence
from safeboard.core.uploads import NOT_ALLOWED_TYPE
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_client(cast):
    return signed_in_client(cast[Role.BUSINESS_MANAGER])


@pytest.fixture
def owned_action(cast):
    return ActionFactory(
        owner_person=cast[Role.PRACTITIONER].person, due_on=datetime.date(2027, 3, 31)
    )


def _snapshot(action: Action) -> tuple:
    action.refresh_from_db()
    return (
        action.title,
        action.due_on,
        action.status,
        action.history.count(),
        action.due_date_changes.count(),
        action.progress_updates.count(),
        action.evidence.count(),
    )


def _create_form(cast, **overrides) -> dict:
    practitioner = cast[Role.PRACTITIONER].person
    data = {
        "title": "Publish the escalation protocol",
        "description": "",
        "owner_agency": practitioner.agency_id,
        "owner_person": practitioner.pk,
        "due_on": "2027-01-31",
    }
    data.update(overrides)
    return data


def test_the_manager_adds_an_action(cast, manager_client):
    response = manager_client.post(reverse("actions:create"), _create_form(cast))
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.due_on == datetime.date(2027, 1, 31)
    assert action.created_by == cast[Role.BUSINESS_MANAGER]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"due_on": ""}, NO_DUE_DATE),
        ({"due_on": "2027-02-30"}, "Enter a valid date."),
        ({"due_on": "ongoing"}, "Enter a valid date."),
        ({"owner_agency": "999999"}, "Select a valid choice."),
        ({"title": ""}, "This field is required."),
    ],
    ids=["no-due-date", "impossible-date", "ongoing", "forged-agency", "no-title"],
)
def test_bad_input_on_a_new_action_is_named_and_nothing_is_saved(
    cast, manager_client, overrides, message
):
    response = manager_client.post(reverse("actions:create"), _create_form(cast, **overrides))
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert message in html.unescape(response.text)
    assert not Action.objects.exists()


def test_an_owner_from_another_agency_is_refused(cast, manager_client):
    outsider = cast.other_agency_lead.person
    response = manager_client.post(
        reverse("actions:create"), _create_form(cast, owner_person=outsider.pk)
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert not Action.objects.exists()


def test_moving_a_due_date_without_a_reason_changes_nothing(manager_client, owned_action):
    before = _snapshot(owned_action)
    response = manager_client.post(
        reverse("actions:move_due_date", kwargs={"pk": owned_action.pk}),
        {"new_due_on": "2027-06-30", "reason": "  "},
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert _snapshot(owned_action) == before


def test_a_wrong_type_upload_is_refused_and_nothing_is_saved(manager_client, owned_action):
    before = _snapshot(owned_action)
    program = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 this is a Windows program")
    response = manager_client.post(
        reverse("actions:evidence", kwargs={"pk": owned_action.pk}),
        {"description": "Re-audit", "evidence_dated": "2026-10-01", "file": program},
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "content does not match" in response.text or NOT_ALLOWED_TYPE[:30] in response.text
    assert _snapshot(owned_action) == before
    assert not Evidence.objects.exists()


def test_an_oversize_upload_is_refused_and_nothing_is_saved(manager_client, owned_action, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    before = _snapshot(owned_action)
    big = SimpleUploadedFile("notes.txt", b"a" * 2048)
    response = manager_client.post(
        reverse("actions:evidence", kwargs={"pk": owned_action.pk}),
        {"description": "Notes", "evidence_dated": "2026-10-01", "file": big},
    )
    assert response.status_code == 400
    assert "must be smaller than" in response.text
    assert _snapshot(owned_action) == before


def test_a_forged_post_without_csrf_token_is_refused(cast, owned_action):
    client = signed_in_client(cast[Role.PRACTITIONER])
    client.handler.enforce_csrf_checks = True
    before = _snapshot(owned_action)
    response = client.post(
        reverse("actions:progress", kwargs={"pk": owned_action.pk}),
        {"text": "Done", "written_on": "2026-11-01"},
    )
    assert response.status_code == 403
    assert _snapshot(owned_action) == before


def test_the_all_actions_list_exports_to_excel_with_the_filter_applied(cast, manager_client):
    ActionFactory(
        owner_person=cast[Role.PRACTITIONER].person,
        title="Overdue one",
        due_on=datetime.date(2020, 1, 1),
    )
    ActionFactory(
        owner_person=cast[Role.PRACTITIONER].person,
        title="Future one",
        due_on=datetime.date(2030, 1, 1),
    )
    response = manager_client.get(reverse("actions:all"), {"status": "overdue", "format": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ).active
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["Overdue one"]


def test_the_csv_export_neutralises_spreadsheet_formulas(cast, manager_client):
    ActionFactory(owner_person=cast[Role.PRACTITIONER].person, title='=HYPERLINK("x")')
    response = manager_client.get(reverse("actions:all"), {"format": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body


def test_the_filter_form_keeps_the_csrf_token_out_of_the_address(manager_client):
    page = manager_client.get(reverse("actions:all"))
    filter_form = page.text.split('method="get"', 1)[1].split("</form>", 1)[0]
    assert "csrfmiddlewaretoken" not in filter_form

"""The learning API against its own OpenAPI schema (schemathesis, bounded examples): signed
in as the business manager no call fails with a 5xx and every response matches the schema;
as another agency's lead, the same calls are refused or filtered to what that lead may see."""

from __future__ import annotations

import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import ignored_auth

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.partnership.factories import PersonFactory
from tests.conftest import signed_in_client


def _openapi() -> dict:
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


schema = schemathesis.openapi.from_dict(_openapi()).include(path_regex="^/api/learning/")
schema.app = get_wsgi_application()


def _session_cookie(user) -> dict:
    return {"sessionid": signed_in_client(user).cookies["sessionid"].value}


@pytest.fixture(autouse=True)
def _the_test_keeps_its_database_connection():
    """schemathesis calls the WSGI application itself, not through Django's test client, so
    each response's request_finished would close the test's open transaction's connection
    (on PostgreSQL; SQLite's in-memory database is never closed). Do as the test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def records(cast):
    ActionFactory(owner_person=PersonFactory(agency=cast.home_agency))
    ActionFactory(owner_person=PersonFactory(agency=cast.other_agency))
    return cast


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_matches_its_schema_for_the_business_manager(case, records):
    response = case.call(cookies=_session_cookie(records[Role.BUSINESS_MANAGER]))
    assert response.status_code < 500
    # Signed in by the session cookie above, so a call with generated credentials still
    # gets in: the check of ignored credentials does not apply here (test_permissions.py
    # proves the refusals without a session).
    case.validate_response(response, excluded_checks=[ignored_auth])


def test_another_agencys_lead_sees_only_their_agencys_actions(client_for, records):
    lead = client_for(records.other_agency_lead)
    actions = lead.get("/api/learning/actions/").json()
    assert actions and {action["owner_agency"] for action in actions} == {records.other_agency.name}
    home_action = ActionFactory(owner_person=PersonFactory(agency=records.home_agency))
    assert lead.get(f"/api/learning/actions/{home_action.pk}/").status_code == 403


def test_an_id_beyond_any_database_integer_is_not_found(client_for, records):
    manager = client_for(records[Role.BUSINESS_MANAGER])
    assert manager.get(f"/api/learning/actions/{2**64}/").status_code == 404


@pytest.mark.parametrize("status", ["", "finished"])
def test_an_unknown_status_is_refused(client_for, records, status):
    manager = client_for(records[Role.BUSINESS_MANAGER])
    response = manager.get("/api/learning/actions/", {"status": status})
    assert response.status_code == 400
    assert "status" in response.json()


def test_a_practitioner_is_refused_findings_and_themes(client_for, records):
    practitioner = client_for(records[Role.PRACTITIONER])
    assert practitioner.get("/api/learning/findings/").status_code == 403
    assert practitioner.get("/api/learning/themes/").status_code == 403


@pytest.mark.parametrize(
    "path", ["/api/learning/actions/", "/api/learning/findings/", "/api/learning/themes/"]
)
def test_the_learning_api_refuses_anonymous_callers(client, db, path):
    response = client.get(path)
    refused = response.status_code in {401, 403}
    sent_to_sign_in = response.status_code == 302 and response["Location"].startswith("/sign-in/")
    assert refused or sent_to_sign_in

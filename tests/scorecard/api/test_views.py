"""The scorecard's API from the outside: tokens, the rules of the pages, all-or-none batches."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.models import RoleAssignment
from safeboard.accounts.roles import ROLES_REQUIRING_TWO_FACTOR, Role
from safeboard.scorecard import figure_checks, services
from safeboard.scorecard.api import tokens
from safeboard.scorecard.api.auth import TOKEN_NOT_ALLOWED
from safeboard.scorecard.api.serializers import PERIOD_NOT_A_SLUG
from safeboard.scorecard.factories import FigureFactory, IndicatorFactory, PeriodFactory
from safeboard.scorecard.models import Figure, FigureRevision, IndicatorQuery, Polarity
from safeboard.scorecard.periods import Frequency, PeriodKey, last_periods
from safeboard.scorecard.spc.selectors import SpcState
from safeboard.scorecard.values import NEGATIVE, PERCENTAGE_OUT_OF_RANGE
from tests.conftest import signed_in_client

from ..conftest import OCTOBER_2025, database_state
from .conftest import data_contact, token_client

pytestmark = pytest.mark.django_db

INDICATORS = reverse("api:indicator_list")
FIGURES = reverse("api:figures_record")


def _figures_of(code: str) -> str:
    return reverse("api:indicator_figures", kwargs={"code": code})


def _submit(client, values, *, period=OCTOBER_2025.slug, **body):
    return client.post(FIGURES, {"period": period, "values": values, **body}, format="json")


def _history(indicator, values, *, last=OCTOBER_2025.previous()):
    keys = last_periods(Frequency.MONTHLY, count=len(values), ending=last.starts_on)
    for key, value in zip(keys, values, strict=True):
        FigureFactory(indicator=indicator, period=PeriodFactory(key=key), value=Decimal(value))


# Signing in with a token.


def test_a_system_with_a_token_and_no_session_submits_its_agencys_figures(
    catalogue, police_lead, police_system
):
    response = _submit(police_system, {"POL-01": 41, "pol-03": "87.5%"})

    assert response.status_code == 201, response.json()
    assert response.json() == {
        "period": "monthly-2025-10",
        "label": "October 2025",
        "created": ["POL-01", "POL-03"],
        "revised": [],
        "unchanged": [],
        "queries": [],
    }
    figure = Figure.objects.get(indicator__code="POL-03")
    assert (figure.value, figure.source, figure.submitted_by) == (
        Decimal("87.5"),
        Figure.Source.API,
        police_lead,
    )


def test_a_token_reads_the_indicators_without_a_session(police_system):
    response = police_system.get(INDICATORS)
    assert response.status_code == 200
    assert "sessionid" not in response.cookies


def test_a_wrong_token_is_refused_with_401():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = client.get(INDICATORS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_revoked_token_is_refused(police_lead, police_system):
    tokens.api_tokens_revoke_all(user=police_lead)
    assert police_system.get(INDICATORS).status_code == 401


def test_a_request_with_neither_token_nor_session_is_sent_to_sign_in():
    response = APIClient().get(INDICATORS)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", sorted(ROLES_REQUIRING_TWO_FACTOR))
def test_accounts_that_sign_in_with_a_second_factor_are_refused_a_token(catalogue, role):
    user = data_contact(catalogue.police, f"{role}@police.example.test", role)
    with pytest.raises(PermissionDenied):
        tokens.api_token_issue(user=user)
    assert tokens.api_tokens_held(user=user) == []


def test_a_token_stops_working_when_its_user_becomes_the_business_manager(
    police_lead, police_system
):
    RoleAssignment.objects.create(user=police_lead, role=Role.BUSINESS_MANAGER)
    response = police_system.get(INDICATORS)
    assert response.status_code == 401
    assert response.json()["detail"] == TOKEN_NOT_ALLOWED


def test_a_token_made_for_a_chair_some_other_way_is_refused(catalogue):
    chair = data_contact(catalogue.police, "chair@police.example.test", Role.CHAIR)
    client = APIClient()
    _, key = AuthToken.objects.create(user=chair)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get(INDICATORS).status_code == 401


def test_a_session_short_of_its_second_factor_is_sent_to_give_it(catalogue):
    manager = data_contact(catalogue.police, "bm@police.example.test", Role.BUSINESS_MANAGER)
    client = APIClient()
    client.force_login(manager)  # password only, no second factor yet
    response = client.get(INDICATORS)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    # With some other credentials in the header, the session still does not count.
    client.credentials(HTTP_AUTHORIZATION="Bearer something")
    assert client.get(INDICATORS).status_code == 401


def test_a_signed_in_session_must_send_its_csrf_token_to_submit(police_lead):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(police_lead)
    before = database_state()
    response = _submit(client, {"POL-01": 41})
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert database_state() == before


# Submitting figures.


def test_another_agencys_figures_are_refused_with_403_and_nothing_is_saved(
    catalogue, police_system
):
    before = database_state()
    response = _submit(police_system, {"HLT-01": 80}, agency=catalogue.health.pk)
    assert response.status_code == 403
    assert database_state() == before


def test_another_agencys_indicator_in_the_own_agencys_batch_is_named_and_nothing_saved(
    catalogue, police_system
):
    before = database_state()
    response = _submit(police_system, {"POL-01": 41, "HLT-01": 80})
    assert response.status_code == 400
    assert response.json() == {
        "values": {"HLT-01": [figure_checks.NOT_THE_AGENCYS_INDICATOR.format(code="HLT-01")]}
    }
    assert database_state() == before


def test_another_agencys_indicator_with_a_figure_answers_only_that_it_is_not_theirs(
    catalogue, police_system
):
    FigureFactory(
        indicator=catalogue.health_assessments,
        period=PeriodFactory(key=OCTOBER_2025),
        value=Decimal("49.5"),
    )

    response = _submit(police_system, {"HLT-01": 80})

    assert response.status_code == 400
    assert response.json() == {
        "values": {"HLT-01": [figure_checks.NOT_THE_AGENCYS_INDICATOR.format(code="HLT-01")]}
    }
    assert "49.5" not in response.content.decode()
    assert catalogue.health.name not in response.content.decode()


def test_a_bad_batch_answers_400_with_every_problem_and_saves_nothing(police_system):
    this_month = PeriodKey.containing(Frequency.MONTHLY, timezone.localdate())
    before = database_state()

    response = _submit(
        police_system,
        {"POL-01": 41, "POL-02": -3, "POL-03": 120, "NOPE-1": 1},
        period=this_month.slug,
    )

    assert response.status_code == 400
    problems = response.json()
    assert set(problems) == {"period", "values"}
    assert set(problems["values"]) == {"POL-02", "POL-03", "NOPE-1"}
    assert problems["values"]["POL-02"] == [
        figure_checks.BAD_VALUE.format(code="POL-02", problem=NEGATIVE.format(value="-3"))
    ]
    assert problems["values"]["POL-03"] == [
        figure_checks.BAD_VALUE.format(
            code="POL-03", problem=PERCENTAGE_OUT_OF_RANGE.format(value="120")
        )
    ]
    assert problems["values"]["NOPE-1"] == [figure_checks.UNKNOWN_INDICATOR.format(code="NOPE-1")]
    assert database_state() == before


def test_a_period_that_is_not_a_slug_is_named(police_system):
    response = _submit(police_system, {"POL-01": 41}, period="2025-10")
    assert response.status_code == 400
    assert response.json() == {"period": [PERIOD_NOT_A_SLUG.format(text="2025-10")]}


def test_a_batch_with_no_figures_is_refused(police_system):
    response = _submit(police_system, {})
    assert response.status_code == 400
    assert set(response.json()) == {"values"}


def test_revising_a_figure_needs_a_reason(catalogue, police_system):
    FigureFactory(indicator=catalogue.incidents, value=Decimal("40"))

    refused = _submit(police_system, {"POL-01": 42})
    assert refused.status_code == 400
    assert refused.json() == {
        "values": {
            "POL-01": [
                services.REVISION_NEEDS_REASON.format(
                    code="POL-01", current="40", period=OCTOBER_2025
                )
            ]
        }
    }
    assert Figure.objects.get(indicator=catalogue.incidents).value == Decimal("40")

    revised = _submit(
        police_system, {"POL-01": 42, "POL-02": 7}, reason="Two incidents were logged late."
    )
    assert revised.status_code == 201
    assert (revised.json()["revised"], revised.json()["created"]) == (["POL-01"], ["POL-02"])
    revision = FigureRevision.objects.get()
    assert (revision.reason, revision.new_value, revision.new_source) == (
        "Two incidents were logged late.",
        Decimal("42"),
        Figure.Source.API,
    )


def test_sending_a_figure_again_leaves_it_unchanged(catalogue, police_system):
    FigureFactory(indicator=catalogue.incidents, value=Decimal("40"))
    response = _submit(police_system, {"POL-01": "40"})
    assert response.status_code == 201
    assert response.json()["unchanged"] == ["POL-01"]
    assert FigureRevision.objects.count() == 0


def test_a_figure_beyond_the_limits_opens_a_query_and_the_answer_says_so(catalogue, police_system):
    re_referrals = IndicatorFactory(
        code="POL-20", owning_agency=catalogue.police, polarity=Polarity.DOWN
    )
    _history(re_referrals, [10, 12] * 6)  # limits around 11; lower is better

    response = _submit(police_system, {"POL-20": 40})

    assert response.status_code == 201
    query = IndicatorQuery.objects.get(indicator=re_referrals)
    opened = response.json()["queries"]
    assert opened == [
        {
            "id": query.pk,
            "indicator": "POL-20",
            "period": "monthly-2025-10",
            "trigger": "concern",
            "question": query.question,
            "response_due_on": query.response_due_on.isoformat(),
            "url": f"http://testserver{query.get_absolute_url()}",
        }
    ]


# Reading the scorecard.


def test_a_data_contact_lists_only_its_own_agencys_indicators(police_system):
    response = police_system.get(INDICATORS)
    assert [row["code"] for row in response.json()] == ["POL-01", "POL-02", "POL-03", "POL-10"]


def test_a_board_member_lists_every_agencys_indicators(catalogue):
    member = signed_in_client(
        data_contact(catalogue.health, "member@trust.example.test", Role.BOARD_MEMBER)
    )
    codes = [row["code"] for row in member.get(INDICATORS).json()]
    assert codes == ["HLT-01", "POL-01", "POL-02", "POL-03", "POL-10"]


def test_an_indicator_is_listed_with_its_definition_and_owner(catalogue, police_system):
    row = police_system.get(INDICATORS).json()[0]
    incidents = catalogue.incidents
    assert row == {
        "code": "POL-01",
        "name": incidents.name,
        "definition": incidents.definition,
        "unit": "count",
        "polarity": incidents.polarity,
        "frequency": "monthly",
        "perspective": incidents.perspective,
        "target": None,
        "owning_agency": {"id": catalogue.police.pk, "name": catalogue.police.name},
    }


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(INDICATORS).status_code == 200
    return len(queries)


def test_the_list_takes_as_many_queries_for_30_indicators_as_for_3(catalogue):
    agency = catalogue.police
    three = token_client(data_contact(agency, "three@police.example.test"))
    few = _list_queries(three)
    for number in range(27):
        IndicatorFactory(code=f"POL-{50 + number}", owning_agency=agency)
    assert _list_queries(three) == few


def test_an_indicators_figures_come_with_the_latest_chart_state(catalogue, police_system):
    _history(catalogue.incidents, [10, 12] * 6, last=OCTOBER_2025)
    figure = Figure.objects.get(indicator=catalogue.incidents, period__starts_on="2025-10-01")
    services.figure_revise(figure=figure, value=11, reason="A late record.")

    body = police_system.get(_figures_of("pol-01")).json()

    assert body["indicator"] == "POL-01"
    assert len(body["figures"]) == 12
    assert body["figures"][-1] == {
        "period": "monthly-2025-10",
        "label": "October 2025",
        "value": 11.0,
        "revision_count": 1,
        "state": SpcState.COMMON_CAUSE,
    }
    assert body["figures"][0]["period"] == "monthly-2024-11"
    spc = body["spc"]
    assert (spc["period"], spc["state"], spc["state_label"]) == (
        "monthly-2025-10",
        SpcState.COMMON_CAUSE,
        SpcState.COMMON_CAUSE.label,
    )
    assert spc["lower_limit"] < spc["mean"] < spc["upper_limit"]


def test_an_indicator_with_one_figure_has_no_chart_state_yet(catalogue, police_system):
    FigureFactory(indicator=catalogue.incidents)
    body = police_system.get(_figures_of("POL-01")).json()
    assert body["figures"][0]["state"] is None
    assert body["spc"]["state"] is None
    assert body["spc"]["mean"] is None
    assert body["spc"]["notes"]


def test_another_agencys_indicator_is_refused_and_an_unknown_one_not_found(police_system):
    assert police_system.get(_figures_of("HLT-01")).status_code == 403
    assert police_system.get(_figures_of("NOPE-1")).status_code == 404


def test_a_lead_without_a_person_submits_for_no_agency(catalogue):
    lead = UserFactory(person=None, email="orphan@example.test", roles=[Role.AGENCY_LEAD])
    before = database_state()
    assert _submit(token_client(lead), {"POL-01": 4}).status_code == 403
    assert database_state() == before


def test_a_lead_may_name_its_own_agency(catalogue, police_system):
    response = _submit(police_system, {"POL-01": 4}, agency=catalogue.police.pk)
    assert response.status_code == 201


# The API's description.


def test_the_openapi_schema_generates_without_warnings(tmp_path):
    schema = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))
    text = schema.read_text()
    assert "/api/scorecard/figures/" in text
    assert "tokenAuth" in text


def test_the_schema_is_served_to_a_token(police_system):
    response = police_system.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    assert "/api/scorecard/indicators/{code}/figures/" in response.json()["paths"]


def test_the_guide_offers_a_token_only_to_those_who_may_hold_one(cast):
    token_link = reverse("scorecard:api_token")
    lead_page = signed_in_client(cast[Role.AGENCY_LEAD]).get(reverse("api:guide"))
    chair_page = signed_in_client(cast[Role.CHAIR]).get(reverse("api:guide"))
    assert token_link in lead_page.content.decode()
    assert token_link not in chair_page.content.decode()


def test_periods_are_named_by_slug_for_other_frequencies_too(catalogue, police_system):
    quarter = PeriodKey(datetime.date(2025, 7, 1), Frequency.QUARTERLY)
    response = _submit(police_system, {"POL-10": 30}, period=quarter.slug)
    assert response.status_code == 201
    assert (response.json()["period"], response.json()["label"]) == (
        "quarterly-2025-26-q2",
        "2025-26 Q2",
    )

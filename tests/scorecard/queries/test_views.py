"""Query pages from the outside: who sees and does what, and bad input changes nothing."""

from __future__ import annotations

import datetime
import html

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.partnership.factories import AgencyFactory
from safeboard.scorecard.models import IndicatorQuery, Period
from safeboard.scorecard.queries import selectors, services
from tests.conftest import signed_in_client

from .builders import indicator, query

pytestmark = pytest.mark.django_db
Status = IndicatorQuery.Status


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _url(name: str, record) -> str:
    return reverse(f"scorecard:{name}", args=[record.pk])


def _in(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


@pytest.fixture
def home_query(cast):
    return query(indicator(cast.home_agency, code="POL-50"), question="Why the rise in October?")


def test_the_agency_lead_answers_its_query(cast, home_query):
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    response = client.post(_url("query_answer", home_query), {"explanation": "A new system."})
    assert response.status_code == 302 and response["Location"] == home_query.get_absolute_url()
    home_query.refresh_from_db()
    assert (home_query.status, home_query.explanation) == (Status.ANSWERED, "A new system.")


def test_an_empty_answer_is_named_and_nothing_changes(cast, home_query):
    client = signed_in_client(cast[Role.BOARD_MEMBER])
    response = client.post(_url("query_answer", home_query), {"explanation": " "})
    assert response.status_code == 400
    assert services.EXPLANATION_REQUIRED in _text(response)
    home_query.refresh_from_db()
    assert (home_query.status, home_query.explanation) == (Status.OPEN, "")


def test_an_answer_to_an_accepted_query_is_refused_with_a_reason(cast):
    accepted = query(indicator(cast.home_agency), status=Status.ACCEPTED)
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    response = client.post(_url("query_answer", accepted), {"explanation": "More"})
    assert response.status_code == 400
    assert "answered and the answer accepted" in _text(response)
    accepted.refresh_from_db()
    assert accepted.explanation == "Two teams merged and recording changed."


def test_another_agencys_lead_cannot_answer(cast, home_query):
    client = signed_in_client(cast.other_agency_lead)
    response = client.post(_url("query_answer", home_query), {"explanation": "Not ours"})
    assert response.status_code == 403
    home_query.refresh_from_db()
    assert home_query.status == Status.OPEN


def test_the_chair_accepts_an_answer(cast):
    answered = query(indicator(cast.home_agency), status=Status.ANSWERED)
    client = signed_in_client(cast[Role.CHAIR])
    response = client.post(
        _url("query_judge", answered), {"decision": "accept", "reason": "Clear and complete."}
    )
    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.status == Status.ACCEPTED


def test_a_challenge_without_a_new_date_is_named_and_nothing_changes(cast):
    answered = query(indicator(cast.home_agency), status=Status.ANSWERED)
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        _url("query_judge", answered), {"decision": "challenge", "reason": "Which teams?"}
    )
    assert response.status_code == 400
    assert services.NEW_DUE_DATE_REQUIRED in _text(response)
    answered.refresh_from_db()
    assert answered.status == Status.ANSWERED and answered.judgement_reason == ""


def test_a_challenge_reopens_the_query(cast):
    answered = query(indicator(cast.home_agency), status=Status.ANSWERED)
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        _url("query_judge", answered),
        {"decision": "challenge", "reason": "Which teams?", "response_due_on": _in(14)},
    )
    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.status == Status.OPEN


def test_the_agency_adds_an_action_from_the_query(cast, home_query):
    lead = cast[Role.AGENCY_LEAD]
    response = signed_in_client(lead).post(
        _url("query_add_action", home_query),
        {"title": "Audit ten re-referrals", "owner_person": lead.person.pk, "due_on": _in(30)},
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.title, action.owner_agency) == ("Audit ten re-referrals", cast.home_agency)
    page = _text(signed_in_client(lead).get(home_query.get_absolute_url()))
    assert "Audit ten re-referrals" in page


def test_the_chair_raises_a_query_from_an_indicators_page(cast, home_query):
    period = Period.objects.get()
    response = signed_in_client(cast[Role.CHAIR]).post(
        _url("query_raise", home_query.indicator),
        {"period": period.pk, "question": "Why so few in October?", "response_due_on": _in(20)},
    )
    raised = IndicatorQuery.objects.get(question="Why so few in October?")
    assert response.status_code == 302 and response["Location"] == raised.get_absolute_url()
    assert raised.opened_by == cast[Role.CHAIR]


def test_a_querys_page_shows_the_question_the_figure_and_the_way_on(cast, home_query):
    page = _text(signed_in_client(cast[Role.AGENCY_LEAD]).get(home_query.get_absolute_url()))
    assert "Why the rise in October?" in page
    assert home_query.indicator.get_absolute_url() in page
    assert "Answer the query" in page and "Judge the answer" not in page
    assert reverse("core:history", args=["scorecard.indicatorquery", home_query.pk]) in page


def test_the_history_tab_of_a_query_opens_for_its_readers(cast, home_query):
    url = reverse("core:history", args=["scorecard.indicatorquery", home_query.pk])
    assert signed_in_client(cast[Role.AGENCY_LEAD]).get(url).status_code == 200
    assert signed_in_client(cast.other_agency_lead).get(url).status_code == 403


# The list ------------------------------------------------------------------------------------


def test_an_agency_lead_lists_only_its_own_agencys_queries(cast, home_query):
    query(indicator(cast.other_agency, name="Health assessments on time"))
    page = _text(signed_in_client(cast[Role.AGENCY_LEAD]).get(reverse("scorecard:query_list")))
    assert "Queries to your agency" in page
    assert home_query.get_absolute_url() in page and "Health assessments on time" not in page


def test_the_list_filters_overdue_queries_and_exports_them(cast, home_query):
    late = query(indicator(cast.other_agency, code="HLT-50"), due_in_days=-3)
    client = signed_in_client(cast[Role.BOARD_MEMBER])
    page = _text(client.get(reverse("scorecard:query_list"), {"state": "overdue"}))
    assert late.get_absolute_url() in page and "Overdue" in page
    assert home_query.get_absolute_url() not in page
    response = client.get(reverse("scorecard:query_list"), {"state": "overdue", "format": "csv"})
    rows = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(rows) == 2 and rows[1].startswith("HLT-50,")
    assert "Overdue" in rows[1]


def test_the_list_exports_to_excel(cast, home_query):
    response = signed_in_client(cast[Role.CHAIR]).get(
        reverse("scorecard:query_list"), {"format": "xlsx"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="scorecard-queries.xlsx"'


def _fill(count: int) -> None:
    for number in range(count):
        agency = AgencyFactory(name=f"Agency {number % 4}")
        status = [Status.OPEN, Status.ANSWERED, Status.ACCEPTED][number % 3]
        query(indicator(agency), status=status, due_in_days=number % 5 - 2)


@pytest.mark.parametrize("role", [Role.BUSINESS_MANAGER, Role.AGENCY_LEAD])
def test_the_list_does_not_grow_with_the_queries(cast, role):
    client = signed_in_client(cast[role])
    url = reverse("scorecard:query_list")

    def count() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    _fill(3)
    query(indicator(cast.home_agency))
    few = count()
    _fill(27)
    for _ in range(5):
        query(indicator(cast.home_agency))
    assert count() == few


# The indicator page's section ------------------------------------------------------------------


def _section(user, indicator) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return html.unescape(
        render_to_string(
            "scorecard/includes/indicator_queries.html",
            {
                "indicator": indicator,
                "queries": selectors.queries_for_indicator(indicator),
                "user": user,
            },
            request=request,
        )
    )


def test_the_indicator_section_lists_its_queries_and_offers_the_board_a_new_one(cast):
    found = indicator(cast.home_agency)
    query(found, due_in_days=-1, question="Why did it fall?")
    for_chair = _section(cast[Role.CHAIR], found)
    assert "Why did it fall?" in for_chair and "Overdue" in for_chair
    assert reverse("scorecard:query_raise", args=[found.pk]) in for_chair
    assert "Raise a query" not in _section(cast[Role.AGENCY_LEAD], found)


def test_the_indicator_section_says_when_there_are_no_queries(cast):
    assert "No queries about this indicator." in _section(
        cast[Role.CHAIR], indicator(cast.home_agency)
    )


# The home page -------------------------------------------------------------------------------


def _home(user) -> str:
    return _text(signed_in_client(user).get(reverse("core:home")))


def test_agency_representatives_see_their_agencys_open_and_overdue_queries(cast):
    query(indicator(cast.home_agency, name="Strategy meetings in time"), due_in_days=-2)
    query(indicator(cast.other_agency, name="Health visits in time"))
    query(indicator(cast.home_agency, name="Accepted one"), status=Status.ACCEPTED)
    for role in (Role.AGENCY_LEAD, Role.BOARD_MEMBER):
        page = _home(cast[role])
        assert "Scorecard queries awaiting your agency's answer" in page
        assert "Strategy meetings in time" in page and "Overdue" in page
        assert "Health visits in time" not in page and "Accepted one" not in page
    assert "Scorecard queries awaiting" not in _home(cast[Role.PRACTITIONER])


def test_the_board_sees_answers_waiting_for_its_judgement(cast):
    query(indicator(cast.other_agency, name="Answered one"), status=Status.ANSWERED)
    query(indicator(cast.other_agency, name="Still open one"))
    for role in (Role.BUSINESS_MANAGER, Role.CHAIR):
        page = _home(cast[role])
        assert "Answers to scorecard queries waiting for judgement" in page
        assert "Answered one" in page and "Still open one" not in page
    assert "waiting for judgement" not in _home(cast[Role.AGENCY_LEAD])

"""A query's life: raised, answered (with actions), accepted or challenged and answered again."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.partnership.factories import PersonFactory
from safeboard.scorecard.factories import FigureFactory, PeriodFactory
from safeboard.scorecard.models import IndicatorQuery, Period, QueryTrigger
from safeboard.scorecard.queries import services

from ..conftest import NOVEMBER_2025, OCTOBER_2025
from .builders import indicator, query

pytestmark = pytest.mark.django_db

Status = IndicatorQuery.Status


def _today() -> datetime.date:
    return timezone.localdate()


def _in(days: int) -> datetime.date:
    return _today() + datetime.timedelta(days=days)


def _state(query: IndicatorQuery) -> tuple:
    """Everything a refused change could have touched."""
    query.refresh_from_db()
    return (
        query.status,
        query.explanation,
        query.response_due_on,
        query.judgement_reason,
        query.history.count(),
        Action.objects.count(),
    )


def _history_reasons(query: IndicatorQuery) -> list[str]:
    return list(
        query.history.order_by("history_id").values_list("history_change_reason", flat=True)
    )


@pytest.fixture
def home_indicator(cast):
    found = indicator(cast.home_agency, code="POL-40")
    FigureFactory(indicator=found, period=PeriodFactory(key=OCTOBER_2025))
    return found


def test_the_chair_raises_a_query_about_a_figure(cast, home_indicator):
    chair = cast[Role.CHAIR]
    raised = services.query_raise(
        indicator=home_indicator,
        period=Period.objects.get(starts_on=OCTOBER_2025.starts_on),
        question="  Why did referrals from schools fall in October?  ",
        response_due_on=_in(14),
        raised_by=chair,
    )
    assert (raised.trigger, raised.status, raised.agency) == (
        QueryTrigger.RAISED,
        Status.OPEN,
        cast.home_agency,
    )
    assert raised.question == "Why did referrals from schools fall in October?"
    assert (raised.opened_by, raised.opened_on) == (chair, _today())
    assert _history_reasons(raised) == ["Raised by the board"]


def test_a_query_is_raised_only_about_a_period_with_a_figure_and_a_due_date_ahead(
    home_indicator,
):
    november = PeriodFactory(key=NOVEMBER_2025)
    with pytest.raises(ValidationError) as error:
        services.query_raise(
            indicator=home_indicator,
            period=november,
            question="",
            response_due_on=_today(),
        )
    assert error.value.message_dict == {
        "period": [services.PERIOD_HAS_NO_FIGURE.format(code="POL-40", period="November 2025")],
        "question": [services.QUESTION_REQUIRED],
        "response_due_on": [services.DUE_DATE_NOT_AFTER_TODAY],
    }
    assert not IndicatorQuery.objects.exists()


def test_the_agency_answers_an_open_query(cast, home_indicator):
    lead = cast[Role.AGENCY_LEAD]
    open_query = query(home_indicator)

    services.query_answer(
        query=open_query, explanation=" A new recording system. ", answered_by=lead
    )

    open_query.refresh_from_db()
    assert open_query.status == Status.ANSWERED
    assert open_query.explanation == "A new recording system."
    assert (open_query.answered_by, open_query.answered_on) == (lead, _today())
    assert _history_reasons(open_query)[-1] == "Answered by the agency"


def test_an_answer_without_an_explanation_is_refused_and_changes_nothing(home_indicator):
    open_query = query(home_indicator)
    before = _state(open_query)
    with pytest.raises(ValidationError) as error:
        services.query_answer(query=open_query, explanation="   ")
    assert error.value.message_dict == {"explanation": [services.EXPLANATION_REQUIRED]}
    assert _state(open_query) == before


def test_an_accepted_query_cannot_be_answered_again(home_indicator):
    accepted = query(home_indicator, status=Status.ACCEPTED)
    before = _state(accepted)
    with pytest.raises(ValidationError) as error:
        services.query_answer(query=accepted, explanation="Something more")
    assert error.value.messages == [
        services.NOT_OPEN.format(status="answered and the answer accepted")
    ]
    assert _state(accepted) == before


def test_the_board_accepts_an_answer(cast, home_indicator):
    answered = query(home_indicator, status=Status.ANSWERED)
    chair = cast[Role.CHAIR]

    services.query_accept(query=answered, reason="Explained by the new system.", judged_by=chair)

    answered.refresh_from_db()
    assert answered.status == Status.ACCEPTED
    assert (answered.judgement_reason, answered.judged_by) == (
        "Explained by the new system.",
        chair,
    )
    assert _history_reasons(answered)[-1] == "Answer accepted"


def test_a_challenged_answer_opens_the_query_again_with_a_new_due_date(cast, home_indicator):
    answered = query(home_indicator, status=Status.ANSWERED)

    services.query_challenge(
        query=answered,
        reason="Which teams are affected?",
        response_due_on=_in(10),
        judged_by=cast[Role.BUSINESS_MANAGER],
    )

    answered.refresh_from_db()
    assert (answered.status, answered.response_due_on) == (Status.OPEN, _in(10))
    assert answered.judgement_reason == "Which teams are affected?"
    services.query_answer(query=answered, explanation="The two north teams.")
    answered.refresh_from_db()
    assert (answered.status, answered.explanation) == (Status.ANSWERED, "The two north teams.")


def test_a_challenge_needs_a_reason_and_a_new_due_date_after_today(home_indicator):
    answered = query(home_indicator, status=Status.ANSWERED)
    before = _state(answered)

    with pytest.raises(ValidationError) as error:
        services.query_challenge(query=answered, reason="", response_due_on=None)
    assert error.value.message_dict == {
        "reason": [services.JUDGEMENT_REASON_REQUIRED],
        "response_due_on": [services.NEW_DUE_DATE_REQUIRED],
    }
    with pytest.raises(ValidationError) as error:
        services.query_challenge(query=answered, reason="More", response_due_on=_today())
    assert error.value.message_dict == {"response_due_on": [services.DUE_DATE_NOT_AFTER_TODAY]}
    assert _state(answered) == before


def test_only_an_answer_can_be_judged(home_indicator):
    open_query = query(home_indicator)
    before = _state(open_query)
    with pytest.raises(ValidationError) as error:
        services.query_accept(query=open_query, reason="Fine")
    assert error.value.messages == [services.NOT_ANSWERED]
    assert _state(open_query) == before


def test_the_agency_adds_an_action_on_the_action_spine(cast, home_indicator):
    open_query = query(home_indicator)
    owner = cast[Role.AGENCY_LEAD].person

    action = services.query_add_action(
        query=open_query, title="Retrain the front door team", owner_person=owner, due_on=_in(60)
    )

    assert (action.owner_agency, action.owner_person) == (cast.home_agency, owner)
    assert action.source_type == ContentType.objects.get_for_model(IndicatorQuery)
    assert action.source_id == open_query.pk


def test_an_action_owned_by_another_agencys_person_is_refused(cast, home_indicator):
    open_query = query(home_indicator)
    with pytest.raises(ValidationError) as error:
        services.query_add_action(
            query=open_query,
            title="Retrain",
            owner_person=PersonFactory(agency=cast.other_agency),
            due_on=_in(60),
        )
    assert list(error.value.message_dict) == ["owner_person"]
    assert not Action.objects.exists()

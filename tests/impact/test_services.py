"""Adding and withdrawing claims: every problem is named, and no verdict can be typed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from safeboard.actions.factories import ActionFactory
from safeboard.audits.factories import AuditRoundFactory
from safeboard.impact import services
from safeboard.impact.models import Claim
from safeboard.learning.factories import CourseFactory, SessionFactory
from safeboard.partnership.factories import AgencyFactory
from safeboard.scorecard.factories import PeriodFactory
from safeboard.scorecard.models import Frequency
from safeboard.scorecard.periods import PeriodKey

from .builders import audit_rounds, indicator_fields, indicator_series, section11_cycles

pytestmark = pytest.mark.django_db

BEFORE = [10, 12, 10, 12, 10, 12]


def _errors(**kwargs) -> dict:
    kwargs.setdefault("subject", ActionFactory())
    kwargs.setdefault("by", None)
    kwargs.setdefault("statement", "It changed.")
    with pytest.raises(ValidationError) as error:
        services.claim_add(**kwargs)
    assert Claim.objects.count() == 0
    return error.value.message_dict if hasattr(error.value, "error_dict") else error.value.messages


def test_a_claim_is_attached_only_to_an_action_a_recommendation_a_challenge_or_a_priority():
    assert "not to agency" in _errors(subject=AgencyFactory(), kind="story")[0]


@pytest.mark.parametrize("field", ["verdict", "standing", "label", "supported"])
def test_no_field_accepts_a_verdict(field):
    indicator, periods = indicator_series([*BEFORE, 17])
    messages = _errors(kind="indicator", **indicator_fields(indicator, periods, 6), **{field: "x"})
    assert "computed, never typed" in messages[0]


def test_a_field_of_another_kind_is_refused():
    messages = _errors(kind="story", narrative="Told.", course=CourseFactory())
    assert messages == ["Course is not part of a story claim."]


def test_the_statement_is_needed():
    indicator, periods = indicator_series([*BEFORE, 17])
    fields = indicator_fields(indicator, periods, 6)
    assert _errors(kind="indicator", statement=" ", **fields)["statement"] == [
        services.STATEMENT_REQUIRED
    ]


def test_indicator_periods_must_be_of_its_frequency():
    indicator, periods = indicator_series([*BEFORE, 17])
    quarter = PeriodFactory(key=PeriodKey(periods[0].starts_on, Frequency.QUARTERLY))
    fields = {**indicator_fields(indicator, periods, 6), "before_first": quarter}
    [message] = _errors(kind="indicator", **fields)["before_first"]
    assert message.endswith("is reported monthly, so choose its periods.")


def test_the_before_run_must_end_before_the_after_run_starts():
    indicator, periods = indicator_series([*BEFORE, 17])
    fields = {**indicator_fields(indicator, periods, 6), "before_last": periods[6]}
    [message] = _errors(kind="indicator", **fields)["after_first"]
    assert message.startswith("The before run must end before the after run starts")


def test_a_run_must_not_end_before_it_starts():
    indicator, periods = indicator_series([*BEFORE, 17, 18])
    fields = {
        **indicator_fields(indicator, periods, 6),
        "after_last": periods[6],
        "after_first": periods[7],
    }
    assert "after_last" in _errors(kind="indicator", **fields)


def test_each_run_must_hold_figures():
    indicator, periods = indicator_series([*BEFORE, None])
    [message] = _errors(kind="indicator", **indicator_fields(indicator, periods, 6))["after_first"]
    assert "has no figures in the after run" in message


def test_rounds_must_be_of_one_tool_and_in_order():
    earlier, later = audit_rounds(1, 5, 2, 5)
    other = AuditRoundFactory()
    [message] = _errors(kind="reaudit", earlier_round=earlier, later_round=other)["later_round"]
    assert message.startswith("The two rounds must use the same audit tool")
    [message] = _errors(kind="reaudit", earlier_round=later, later_round=earlier)["later_round"]
    assert message.startswith("The earlier round")


def test_a_session_must_be_of_the_course():
    session = SessionFactory()
    errors = _errors(kind="training", course=CourseFactory(), session=session)
    assert errors["session"] == [
        services.SESSION_OF_ANOTHER_COURSE.format(course=session.course.title)
    ]


def test_cycles_in_order_and_holding_the_standard():
    earlier, later = section11_cycles([2], [3])
    fields = {"standard_code": "3.2", "earlier_cycle": later, "later_cycle": earlier}
    assert _errors(kind="section11", **fields)["later_cycle"][0].startswith("The earlier cycle")
    fields = {"standard_code": "9.9", "earlier_cycle": earlier, "later_cycle": later}
    assert (
        "Standard 9.9 is not one of the standards"
        in _errors(kind="section11", **fields)["earlier_cycle"][0]
    )


def test_a_story_needs_consent_and_who_told_it():
    errors = _errors(kind="story", narrative="Told.", told_by="", consent_recorded=False)
    assert errors["told_by"] == [services.TOLD_BY_REQUIRED]
    assert errors["consent_recorded"] == [services.CONSENT_REQUIRED]


def test_a_claim_is_added_with_its_history_and_withdrawn_with_a_reason(cast):
    manager = cast["business_manager"]
    claim = services.claim_add(
        subject=ActionFactory(),
        kind="story",
        by=manager,
        statement="A young person felt heard.",
        narrative="They said the worker came back when she said she would.",
        told_by="a young person",
        consent_recorded=True,
    )
    assert claim.recorded_by == manager
    with pytest.raises(ValidationError) as error:
        services.claim_withdraw(claim=claim, by=manager, reason=" ")
    assert error.value.message_dict["reason"] == [services.REASON_REQUIRED]
    services.claim_withdraw(claim=claim, by=manager, reason="Added to the wrong action.")
    claim.refresh_from_db()
    assert claim.is_withdrawn and claim.withdrawn_by == manager
    assert [entry.history_change_reason for entry in claim.history.order_by("history_id")] == [
        "A child's or family's story added",
        "Withdrawn: Added to the wrong action.",
    ]
    with pytest.raises(ValidationError, match="was withdrawn on"):
        services.claim_withdraw(claim=claim, by=manager, reason="Again.")

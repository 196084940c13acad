"""Stored claims judged against SafeBoard's data, read in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from safeboard.actions.factories import ActionFactory
from safeboard.impact import services
from safeboard.impact.judging import Standing
from safeboard.impact.models import Claim
from safeboard.impact.selectors import claims_for, subject_key
from safeboard.impact.verdicts import judge_all

from .builders import (
    audit_rounds,
    course_with_follow_ups,
    indicator_fields,
    indicator_series,
    section11_cycles,
)

pytestmark = pytest.mark.django_db

BEFORE = [10, 12, 10, 12, 10, 12]


def _judged(subject):
    return claims_for([subject])[subject_key(subject)]


def test_an_indicator_claim_on_its_figures_is_supported():
    action = ActionFactory()
    indicator, periods = indicator_series([*BEFORE, 17, 18, 17], unit="percentage")
    services.claim_add(
        subject=action,
        kind="indicator",
        by=None,
        statement="More children were seen in time.",
        **indicator_fields(indicator, periods, 6),
    )
    [judged] = _judged(action)
    assert judged.verdict.label == "supported: special-cause improvement"
    assert judged.verdict.details[0] == (
        "Before (April 2023 to September 2023): 6 periods with figures, mean 11.0%, "
        "process limits 5.7% to 16.3%."
    )


def test_a_revised_figure_changes_the_verdict():
    action = ActionFactory()
    indicator, periods = indicator_series([*BEFORE, 17, 18, 17])
    services.claim_add(
        subject=action,
        kind="indicator",
        by=None,
        statement="More children were seen in time.",
        **indicator_fields(indicator, periods, 6),
    )
    indicator.figures.filter(period__in=periods[6:]).update(value=9)
    assert _judged(action)[0].verdict.label == "not supported: moved the wrong way"


def test_periods_without_figures_leave_too_few_baseline_points():
    action = ActionFactory()
    indicator, periods = indicator_series([10, None, 12, None, 10, 12, 17, 18])
    services.claim_add(
        subject=action,
        kind="indicator",
        by=None,
        statement="More children were seen in time.",
        **indicator_fields(indicator, periods, 6),
    )
    assert _judged(action)[0].verdict.label == "not enough data to judge"


def test_a_reaudit_claim_compares_standard_met_per_question():
    action = ActionFactory()
    earlier, later = audit_rounds(3, 8, 7, 8)
    services.claim_add(
        subject=action,
        kind="reaudit",
        by=None,
        statement="Strategy meetings are now held in time.",
        earlier_round=earlier,
        later_round=later,
    )
    verdict = _judged(action)[0].verdict
    assert verdict.standing is Standing.SUPPORTED
    assert verdict.details[1:] == (
        "All questions asked in both rounds: 3/8 (38%) \u2192 7/8 (88%)",
        "Was a strategy meeting held within the timescale?: 3/8 (38%) \u2192 7/8 (88%)",
    )


def test_a_reaudit_of_four_cases_is_a_small_sample():
    action = ActionFactory()
    earlier, later = audit_rounds(1, 4, 4, 4)
    services.claim_add(
        subject=action,
        kind="reaudit",
        by=None,
        statement="Better.",
        earlier_round=earlier,
        later_round=later,
    )
    verdict = _judged(action)[0].verdict
    assert verdict.label == "not enough data to judge: small sample"


def test_a_training_claim_reports_the_follow_up_answers():
    action = ActionFactory()
    course, _ = course_with_follow_ups(sent=10, changed=4, partly=2, unanswered=2)
    services.claim_add(
        subject=action, kind="training", by=None, statement="Practice changed.", course=course
    )
    verdict = _judged(action)[0].verdict
    assert verdict.standing is Standing.SELF_REPORTED
    assert verdict.details == (
        "Response rate: 8 of 10 (80%).",
        "Practice changed: 4 of 8 (50%); partly: 2.",
        "Confidence (1 to 5): before 2.0, after 4.0, at follow-up 4.5.",
    )


def test_training_figures_are_those_of_the_follow_up_summary():
    from safeboard.learning.evaluation.follow_up import follow_up_summary

    action = ActionFactory()
    course, session = course_with_follow_ups(sent=7, changed=3, partly=1, unanswered=2)
    for subject_fields in ({"course": course}, {"course": course, "session": session}):
        services.claim_add(
            subject=action, kind="training", by=None, statement="Changed.", **subject_fields
        )
    summary = follow_up_summary(course=course)
    expected = (
        f"Response rate: {summary.responses} of {summary.sent} "
        f"({round(100 * summary.response_rate)}%).",
        f"Practice changed: {summary.changed} of {summary.responses} "
        f"({round(100 * summary.changed_share)}%); partly: {summary.partly}.",
        f"Confidence (1 to 5): before {summary.mean_confidence_before:.1f}, "
        f"after {summary.mean_confidence_after:.1f}, "
        f"at follow-up {summary.mean_confidence_follow_up:.1f}.",
    )
    for judged in _judged(action):
        assert judged.verdict.details == expected


def test_a_section11_claim_compares_moderated_scores():
    action = ActionFactory()
    earlier, later = section11_cycles([2, 2, 3], [3, 4, 4])
    services.claim_add(
        subject=action,
        kind="section11",
        by=None,
        statement="Safer recruitment improved.",
        standard_code="3.2",
        earlier_cycle=earlier,
        later_cycle=later,
    )
    verdict = _judged(action)[0].verdict
    assert verdict.label == "supported: the score rose"


def test_withdrawn_claims_are_not_read():
    action = ActionFactory()
    claim = services.claim_add(
        subject=action,
        kind="story",
        by=None,
        statement="A mother said she was listened to.",
        narrative="She said that for the first time she was listened to.",
        told_by="a parent",
        consent_recorded=True,
    )
    services.claim_withdraw(claim=claim, by=None, reason="Consent was withdrawn.")
    assert claims_for([action]) == {}
    assert claim.history.first().history_change_reason.startswith("Withdrawn")


def _claims_of_every_kind(copies: int) -> list:
    indicator, periods = indicator_series([*BEFORE, 17, 18, 17])
    earlier, later = audit_rounds(3, 5, 5, 5)
    course, session = course_with_follow_ups(sent=3, changed=1, partly=1, unanswered=0)
    cycle_1, cycle_2 = section11_cycles([2], [3])
    actions = []
    for _ in range(copies):
        action = ActionFactory()
        for kind, fields in (
            ("indicator", indicator_fields(indicator, periods, 6)),
            ("reaudit", {"earlier_round": earlier, "later_round": later}),
            ("training", {"course": course, "session": session}),
            (
                "section11",
                {"standard_code": "3.2", "earlier_cycle": cycle_1, "later_cycle": cycle_2},
            ),
            ("story", {"narrative": "Told.", "told_by": "a child", "consent_recorded": True}),
        ):
            services.claim_add(
                subject=action, kind=kind, by=None, statement="It changed.", **fields
            )
        actions.append(action)
    return actions


def _queries(actions) -> int:
    with CaptureQueriesContext(connection) as queries:
        claims_for(actions)
    return len(queries)


def test_reading_claims_takes_the_same_queries_for_3_subjects_as_for_30():
    few = _claims_of_every_kind(3)
    many = few + _claims_of_every_kind(27)
    assert _queries(few) == _queries(many) <= 12


def test_judge_all_keeps_the_order_of_the_claims():
    actions = _claims_of_every_kind(1)
    claims = list(Claim.objects.order_by("-pk"))
    kinds = [verdict.standing for verdict in judge_all(claims)]
    assert kinds[0] is Standing.STORY
    assert kinds[-1] is Standing.SUPPORTED
    assert len(claims_for(actions)[subject_key(actions[0])]) == 5

"""The demo's business plan, risk register and challenge log hold what the issue promised.

That the same seed builds the same registers is checked with the rest of the partnership in
test_demo_command.py, which builds into an empty database.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.challenges.models import (
    Challenge,
    ChallengeEscalation,
    ChallengeResponse,
    EscalationLevel,
)
from safeboard.demo import build
from safeboard.demo.challenges import escalation_days
from safeboard.impact.selectors import claims_for, subject_key
from safeboard.priorities.models import BusinessPlan, Priority, PriorityMeasure, PriorityReview
from safeboard.risks.models import Risk, RiskReview

TODAY = timezone.localdate()
EIGHTEEN_MONTHS = datetime.timedelta(days=549)


def actions_of(priority: Priority):
    return Action.objects.filter(
        source_type=ContentType.objects.get_for_model(Priority), source_id=priority.pk
    )


def awaiting(**filters):
    return Challenge.objects.filter(status=Challenge.Status.AWAITING_RESPONSE, **filters)


# The business plan


def test_the_demo_has_one_current_business_plan_with_three_active_priorities(demo_db):
    plan = BusinessPlan.objects.get()
    assert plan.starts_on <= TODAY <= plan.ends_on
    assert plan.title == f"Business plan {plan.starts_on.year}–{plan.ends_on.year}"
    assert plan.max_active_priorities == 4
    assert plan.priorities.filter(status=Priority.Status.ACTIVE).count() == 3


def test_each_priority_is_led_by_a_board_member_of_its_lead_agency(demo_db):
    for priority in Priority.objects.select_related("lead_person__user"):
        assert priority.lead_person.agency_id == priority.lead_agency_id
        assert Role.BOARD_MEMBER in priority.lead_person.user.roles
        assert len(priority.objective_list) >= 3


def test_each_priority_has_past_reviews_and_its_progress_and_date_come_from_the_latest(demo_db):
    for priority in Priority.objects.all():
        reviews = list(priority.reviews.order_by("reviewed_on"))
        assert 2 <= len(reviews) <= 4, priority
        assert all(review.reviewed_on < TODAY and review.reviewed_by for review in reviews)
        assert priority.progress == reviews[-1].progress
        assert priority.review_date == reviews[-1].next_review_date


def test_exactly_one_priority_review_is_overdue(demo_db):
    assert [p.is_review_overdue() for p in Priority.objects.all()].count(True) == 1


def test_each_priority_has_two_or_three_measures(demo_db):
    for priority in Priority.objects.all():
        assert 2 <= priority.measures.count() <= 3


def test_each_priority_is_delivered_by_actions_some_overdue_some_complete(demo_db):
    for priority in Priority.objects.all():
        actions = list(actions_of(priority))
        assert actions, priority
        assert any(action.status == Action.Status.COMPLETE for action in actions), priority
        assert any(action.is_overdue() for action in actions), priority


def test_a_priority_s_reviews_show_in_its_history_dated_when_they_were_held(demo_db):
    priority = Priority.objects.first()
    dates = [entry.history_date.date() for entry in priority.history.filter(history_type="~")]
    assert sorted(dates) == sorted(priority.reviews.values_list("reviewed_on", flat=True))


# The risk register


def test_the_register_has_twelve_risks_numbered_r01_to_r12(demo_db):
    references = list(Risk.objects.values_list("reference", flat=True))
    assert references == [f"R{number:02d}" for number in range(1, 13)]


def test_risks_span_every_category_and_several_owning_agencies(demo_db):
    assert set(Risk.objects.values_list("category", flat=True)) == set(Risk.Category.values)
    assert Risk.objects.values("owner_agency").distinct().count() >= 6
    for risk in Risk.objects.select_related("owner_person"):
        assert risk.owner_person.agency_id == risk.owner_agency_id


def test_most_risks_are_open_two_tolerated_and_one_closed(demo_db):
    statuses = list(Risk.objects.values_list("status", flat=True))
    assert statuses.count(Risk.Status.TOLERATED) == 2
    assert statuses.count(Risk.Status.CLOSED) == 1
    assert statuses.count(Risk.Status.OPEN) == 9


def test_every_risk_passes_its_own_rules(demo_db):
    for risk in Risk.objects.all():
        risk.full_clean()
        assert risk.inherent_score >= risk.residual_score


def test_each_risk_has_three_to_six_reviews_in_the_last_eighteen_months(demo_db):
    for risk in Risk.objects.all():
        reviews = list(risk.reviews.all())
        assert 3 <= len(reviews) <= 6, risk
        assert all(TODAY - EIGHTEEN_MONTHS <= r.reviewed_on < TODAY for r in reviews), risk
        assert all(r.score <= risk.inherent_score for r in reviews), risk


def test_open_risks_carry_the_actions_taken_to_bring_them_down(demo_db):
    from safeboard.risks.selectors import risk_actions

    mitigated = [risk for risk in Risk.objects.all() if risk_actions(risk=risk).exists()]
    assert len(mitigated) >= 4
    actions = [action for risk in mitigated for action in risk_actions(risk=risk)]
    assert {action.status for action in actions} >= {
        Action.Status.COMPLETE,
        Action.Status.IN_PROGRESS,
        Action.Status.NOT_STARTED,
    }
    assert any(action.is_overdue() for action in actions)
    for action in actions:
        created = action.history.earliest("history_date")
        assert created.history_date.date() == action.created_at.date() < TODAY


def test_a_risk_s_residual_scores_and_review_date_come_from_its_latest_review(demo_db):
    for risk in Risk.objects.all():
        latest = risk.reviews.order_by("reviewed_on").last()
        assert (risk.residual_likelihood, risk.residual_impact) == (
            latest.likelihood,
            latest.impact,
        )
        assert risk.review_date == latest.next_review_date


def test_risk_trends_improve_worsen_and_hold_steady(demo_db):
    trends = set()
    for risk in Risk.objects.all():
        scores = [review.score for review in risk.reviews.all()]
        trends.add((scores[-1] > scores[0]) - (scores[-1] < scores[0]))
    assert trends == {-1, 0, 1}


def test_a_couple_of_risk_reviews_are_overdue_and_a_couple_due_within_a_fortnight(demo_db):
    live = Risk.objects.exclude(status=Risk.Status.CLOSED)
    assert sum(risk.is_review_overdue() for risk in live) >= 2
    soon = live.filter(review_date__gte=TODAY, review_date__lte=TODAY + datetime.timedelta(14))
    assert soon.count() >= 2


def test_risks_are_linked_to_the_priorities_they_threaten(demo_db):
    for priority in Priority.objects.all():
        assert priority.risks.exists(), priority


def test_a_risk_s_history_shows_its_scores_at_each_review(demo_db):
    risk = Risk.objects.get(reference="R02")
    entries = risk.history.order_by("history_date")
    scores = [entry.residual_likelihood * entry.residual_impact for entry in entries]
    assert scores == [review.score for review in risk.reviews.all()]
    assert entries.first().history_date.date() == risk.raised_on
    assert [link.priority_id for link in entries.first().priorities.all()] == [
        priority.pk for priority in risk.priorities.all()
    ]


# The challenge log


def test_the_log_has_twenty_challenges_with_yearly_references(demo_db):
    assert Challenge.objects.count() == 20
    for challenge in Challenge.objects.all():
        assert challenge.reference.startswith(f"CH-{challenge.raised_on.year}-")
        assert len(challenge.reference) == len("CH-2026-001")


def test_challenges_are_raised_by_the_chair_or_the_business_manager(demo_db):
    raisers = Challenge.objects.values_list("raised_by__user__role_assignments__role", flat=True)
    assert set(raisers) == {Role.CHAIR, Role.BUSINESS_MANAGER}


def test_some_challenges_await_a_response_not_yet_due(demo_db):
    assert awaiting(response_due_on__gt=TODAY + datetime.timedelta(days=7)).exists()


def test_some_challenges_are_due_within_seven_days(demo_db):
    week = TODAY + datetime.timedelta(days=7)
    assert awaiting(response_due_on__gte=TODAY, response_due_on__lte=week).exists()


def test_some_challenges_are_overdue_but_not_yet_escalated(demo_db):
    assert any(challenge.is_overdue() and not challenge.is_escalated for challenge in awaiting())


@pytest.mark.parametrize(
    "level", [EscalationLevel.BOARD_MEMBER, EscalationLevel.CHAIR], ids=["board member", "chair"]
)
def test_some_unanswered_challenges_escalated_automatically(demo_db, level):
    escalated = [c for c in awaiting(escalation_level=level) if c.is_overdue() and c.is_escalated]
    assert escalated
    for challenge in escalated:
        assert challenge.escalations.filter(level=level, is_automatic=True).exists()


def test_automatic_escalations_follow_the_escalation_period(demo_db):
    """To the board member one period after the due date, to the chair one period later."""
    period = datetime.timedelta(days=escalation_days())
    automatic = ChallengeEscalation.objects.filter(is_automatic=True).select_related("challenge")
    assert automatic.exists()
    for escalation in automatic:
        due_on = escalation.challenge.response_due_on
        assert escalation.escalated_on == due_on + escalation.level * period
        assert escalation.recorded_by is None and escalation.reason


def test_still_unanswered_challenges_escalate_on_time_and_no_sooner(demo_db):
    period = datetime.timedelta(days=escalation_days())
    for challenge in awaiting(responses__isnull=True):
        levels = dict(challenge.escalations.values_list("level", "escalated_on"))
        expected = {}
        if challenge.response_due_on + period <= TODAY:
            expected[1] = challenge.response_due_on + period
        if challenge.response_due_on + 2 * period <= TODAY:
            expected[2] = challenge.response_due_on + 2 * period
        assert levels == expected, challenge
        assert challenge.escalation_level == len(expected)


def test_escalations_go_to_the_agency_s_board_member_then_the_chair(demo_db):
    for escalation in ChallengeEscalation.objects.select_related("escalated_to__user"):
        roles = escalation.escalated_to.user.roles
        if escalation.level == EscalationLevel.BOARD_MEMBER:
            assert Role.BOARD_MEMBER in roles
            assert escalation.escalated_to.agency_id == escalation.challenge.agency_id
        else:
            assert roles == {Role.CHAIR}


def test_some_responses_await_the_board_s_judgement(demo_db):
    responded = Challenge.objects.filter(status=Challenge.Status.RESPONDED)
    assert responded.exists()
    for challenge in responded:
        assert challenge.responses.last().judgement == ""


def test_a_further_challenge_awaits_a_second_response_by_a_new_date(demo_db):
    further = awaiting(responses__judgement=ChallengeResponse.Judgement.FURTHER_CHALLENGE)
    assert further.exists()
    for challenge in further:
        assert challenge.response_due_on > TODAY
        assert challenge.responses.count() == 1


def test_a_challenge_was_escalated_by_the_board_s_judgement(demo_db):
    by_board = ChallengeEscalation.objects.filter(is_automatic=False)
    assert by_board.exists()
    for escalation in by_board:
        response = escalation.challenge.responses.get(
            judgement=ChallengeResponse.Judgement.ESCALATED
        )
        assert escalation.escalated_on == response.judged_on
        assert escalation.recorded_by == response.judged_by
        assert escalation.challenge.is_escalated


def test_some_challenges_closed_with_evidence_of_impact_and_some_without(demo_db):
    closed = Challenge.objects.filter(status=Challenge.Status.CLOSED)
    with_claims = claims_for(closed)
    assert any(subject_key(challenge) in with_claims for challenge in closed)
    assert any(subject_key(challenge) not in with_claims for challenge in closed)
    for challenge in closed:
        assert challenge.outcome
        assert challenge.responses.last().judgement == ChallengeResponse.Judgement.ACCEPTED
        assert challenge.closed_on >= challenge.responses.last().judged_on


def test_every_response_is_by_a_lead_or_board_member_of_the_challenged_agency(demo_db):
    responses = ChallengeResponse.objects.select_related("challenge", "responded_by__person")
    assert responses.exists()
    for response in responses:
        assert response.responded_by.person.agency_id == response.challenge.agency_id
        assert response.responded_by.roles & {Role.AGENCY_LEAD, Role.BOARD_MEMBER}


def test_every_judgement_is_by_the_chair_or_the_business_manager(demo_db):
    for response in ChallengeResponse.objects.exclude(judgement=""):
        assert response.judged_by.roles & {Role.CHAIR, Role.BUSINESS_MANAGER}
        assert response.responded_on <= response.judged_on <= TODAY


def test_the_police_lead_has_a_challenge_to_answer(demo_db):
    police_lead = build.SHOWCASE.index("police.lead")
    email = demo_db.logins[police_lead].email
    assert awaiting(agency__people__email=email, response_due_on__gte=TODAY).exists()


def test_some_challenges_bear_on_a_priority(demo_db):
    assert Challenge.objects.filter(priority__isnull=False).count() >= 5


# History and counts


def test_register_records_made_in_bulk_still_have_history(demo_db):
    for model in (BusinessPlan, Priority, PriorityReview, PriorityMeasure, Risk, Challenge):
        created = model.history.filter(history_type="+")
        assert created.count() == model.objects.count(), model
        assert all(entry.history_date.date() <= TODAY for entry in created)
    answered = ChallengeResponse.history.filter(history_type="+")
    assert answered.count() == ChallengeResponse.objects.count()


def test_a_challenge_s_history_follows_its_life(demo_db):
    challenge = Challenge.objects.filter(status=Challenge.Status.CLOSED).first()
    entries = list(challenge.history.order_by("history_date"))
    assert entries[0].history_type == "+" and entries[0].history_date.date() == challenge.raised_on
    assert entries[0].status == Challenge.Status.AWAITING_RESPONSE
    assert entries[-1].history_change_reason == "Closed"
    assert [e.history_date for e in entries] == sorted(e.history_date for e in entries)


def test_review_records_are_dated_when_the_review_was_held(demo_db):
    for review in [*RiskReview.objects.all(), *PriorityReview.objects.all()]:
        assert timezone.localtime(review.created_at).date() == review.reviewed_on


def test_the_counts_report_the_registers(demo_db):
    counts = demo_db.counts
    assert counts["business plans"] == 1
    assert counts["priorities"] == 3
    assert counts["risks"] == 12
    assert counts["risk reviews"] == RiskReview.objects.count() >= 36
    assert counts["challenges"] == 20


def test_the_demo_scorecard_links_indicators_to_the_plan_and_its_data_contacts(demo_db):
    from safeboard.scorecard.models import Figure, Indicator

    assert Indicator.objects.count() >= 40
    assert Indicator.objects.values("owning_agency").distinct().count() >= 6
    assert Indicator.objects.filter(priorities__isnull=False).exists()
    submitted_by = Figure.objects.exclude(source="census").values_list(
        "submitted_by__person__agency", "indicator__owning_agency"
    )
    assert all(by_agency == owner for by_agency, owner in submitted_by if by_agency is not None)


def test_the_demo_scorecard_has_queries_in_every_state(demo_db):
    from safeboard.scorecard.models import IndicatorQuery

    statuses = set(IndicatorQuery.objects.values_list("status", flat=True))
    assert statuses == {"open", "answered", "accepted"}
    for query in IndicatorQuery.objects.exclude(answered_by=None).select_related("answered_by"):
        assert query.answered_by.person.agency_id == query.agency_id

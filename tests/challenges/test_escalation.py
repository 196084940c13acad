"""Unanswered challenges climb the ladder: the agency's board member, then the chair."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.challenges import services
from safeboard.challenges.escalation import DEFAULT_ESCALATION_DAYS, next_escalation_date
from safeboard.challenges.factories import ChallengeFactory, ChallengeResponseFactory
from safeboard.challenges.models import (
    Challenge,
    ChallengeEscalation,
    ChallengeResponse,
    EscalationLevel,
)
from safeboard.partnership.factories import AgencyFactory, GroupFactory, MembershipFactory
from safeboard.partnership.models import Group, Membership

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
DUE = datetime.date(2026, 3, 2)
DAYS = DEFAULT_ESCALATION_DAYS


def _challenge(**fields) -> Challenge:
    """An unsaved challenge: next_escalation_date reads only what it is given."""
    fields.setdefault("raised_on", DUE - 28 * DAY)
    fields.setdefault("response_due_on", DUE)
    return Challenge(**fields)


# next_escalation_date: a pure rule, no database


def test_an_unescalated_challenge_escalates_one_period_after_its_due_date():
    assert next_escalation_date(_challenge(), escalation_days=10) == DUE + 10 * DAY


def test_an_escalated_challenge_escalates_again_one_period_after_its_escalation():
    challenge = _challenge(escalation_level=EscalationLevel.BOARD_MEMBER)
    challenge.last_escalated_on = DUE + 10 * DAY
    assert next_escalation_date(challenge, escalation_days=10) == DUE + 20 * DAY


def test_a_new_due_date_after_a_further_challenge_restarts_the_clock():
    challenge = _challenge(
        escalation_level=EscalationLevel.BOARD_MEMBER, response_due_on=DUE + 40 * DAY
    )
    challenge.last_escalated_on = DUE + 10 * DAY
    assert next_escalation_date(challenge, escalation_days=10) == DUE + 50 * DAY


def test_a_challenge_with_the_chair_escalates_no_further():
    challenge = _challenge(escalation_level=EscalationLevel.CHAIR)
    challenge.last_escalated_on = DUE
    assert next_escalation_date(challenge, escalation_days=10) is None


@pytest.mark.parametrize("status", [Challenge.Status.RESPONDED, Challenge.Status.CLOSED])
def test_a_challenge_not_awaiting_a_response_does_not_escalate(status):
    assert next_escalation_date(_challenge(status=status), escalation_days=10) is None


def test_the_period_is_the_one_given():
    assert next_escalation_date(_challenge(), escalation_days=3) == DUE + 3 * DAY


# escalate_overdue_challenges: the daily job


@pytest.fixture
def agency_with_board(db):
    """An agency with a member on the board, and an independent chair."""
    agency = AgencyFactory()
    board = GroupFactory(name="Safeguarding children partnership board", kind=Group.Kind.BOARD)
    membership = MembershipFactory(group=board, person__agency=agency, started_on=DUE - 400 * DAY)
    chair = UserFactory(roles=[Role.CHAIR])
    return {"agency": agency, "board_member": membership.person, "chair": chair.person}


def _overdue(agency, **fields) -> Challenge:
    return ChallengeFactory(agency=agency, raised_on=DUE - 28 * DAY, response_due_on=DUE, **fields)


@pytest.mark.django_db
def test_nothing_escalates_the_day_before_the_period_ends(agency_with_board):
    challenge = _overdue(agency_with_board["agency"])
    assert services.escalate_overdue_challenges(today=DUE + (DAYS - 1) * DAY) == []
    challenge.refresh_from_db()
    assert challenge.escalation_level == EscalationLevel.NONE


@pytest.mark.django_db
def test_on_the_last_day_of_the_period_the_challenge_escalates_to_the_agencys_board_member(
    agency_with_board,
):
    challenge = _overdue(agency_with_board["agency"])
    [escalation] = services.escalate_overdue_challenges(today=DUE + DAYS * DAY)
    assert escalation.challenge == challenge
    assert escalation.level == EscalationLevel.BOARD_MEMBER
    assert escalation.escalated_to == agency_with_board["board_member"]
    assert escalation.escalated_on == DUE + DAYS * DAY
    assert escalation.is_automatic
    challenge.refresh_from_db()
    assert challenge.escalation_level == EscalationLevel.BOARD_MEMBER
    assert challenge.is_escalated


@pytest.mark.django_db
def test_the_reason_says_how_long_the_response_is_overdue(agency_with_board):
    _overdue(agency_with_board["agency"])
    [escalation] = services.escalate_overdue_challenges(today=DUE + DAYS * DAY)
    assert f"{DAYS} days overdue" in escalation.reason
    assert "2 March 2026" in escalation.reason


@pytest.mark.django_db
def test_one_period_after_the_first_escalation_it_escalates_to_the_chair(agency_with_board):
    challenge = _overdue(agency_with_board["agency"])
    first_day = DUE + DAYS * DAY
    services.escalate_overdue_challenges(today=first_day)
    assert services.escalate_overdue_challenges(today=first_day + (DAYS - 1) * DAY) == []
    [escalation] = services.escalate_overdue_challenges(today=first_day + DAYS * DAY)
    assert escalation.level == EscalationLevel.CHAIR
    assert escalation.escalated_to == agency_with_board["chair"]
    challenge.refresh_from_db()
    assert challenge.escalation_level == EscalationLevel.CHAIR
    assert services.escalate_overdue_challenges(today=first_day + 100 * DAY) == []


@pytest.mark.django_db
def test_running_the_job_twice_escalates_nothing_more(agency_with_board):
    _overdue(agency_with_board["agency"])
    day = DUE + DAYS * DAY
    assert len(services.escalate_overdue_challenges(today=day)) == 1
    assert services.escalate_overdue_challenges(today=day) == []
    assert services.escalate_overdue_challenges(today=day + DAY) == []
    assert ChallengeEscalation.objects.count() == 1


@pytest.mark.django_db
def test_a_job_that_missed_days_escalates_one_level_and_waits_a_period_for_the_next(
    agency_with_board,
):
    challenge = _overdue(agency_with_board["agency"])
    late_day = DUE + 3 * DAYS * DAY
    assert len(services.escalate_overdue_challenges(today=late_day)) == 1
    challenge.refresh_from_db()
    assert challenge.escalation_level == EscalationLevel.BOARD_MEMBER
    assert next_escalation_date(challenge, escalation_days=DAYS) == late_day + DAYS * DAY


@pytest.mark.django_db
def test_answered_and_closed_challenges_never_escalate(agency_with_board):
    agency = agency_with_board["agency"]
    _overdue(agency, status=Challenge.Status.RESPONDED)
    _overdue(agency, closed=True)
    assert services.escalate_overdue_challenges(today=DUE + 100 * DAY) == []


@pytest.mark.django_db
def test_the_escalation_period_comes_from_the_settings(agency_with_board, settings):
    settings.SAFEBOARD_CHALLENGE_ESCALATION_DAYS = 3
    _overdue(agency_with_board["agency"])
    assert services.escalate_overdue_challenges(today=DUE + 2 * DAY) == []
    assert len(services.escalate_overdue_challenges(today=DUE + 3 * DAY)) == 1


@pytest.mark.django_db
def test_after_a_further_challenge_the_clock_runs_from_the_new_due_date(agency_with_board):
    response = ChallengeResponseFactory(challenge__agency=agency_with_board["agency"])
    challenge = response.challenge
    new_due = TODAY + 14 * DAY
    services.challenge_judge(
        challenge=challenge,
        judgement=ChallengeResponse.Judgement.FURTHER_CHALLENGE,
        reason="No figures.",
        new_response_due_on=new_due,
    )
    challenge = Challenge.objects.get(pk=challenge.pk)
    assert next_escalation_date(challenge, escalation_days=DAYS) == new_due + DAYS * DAY
    assert services.escalate_overdue_challenges(today=new_due + (DAYS - 1) * DAY) == []
    assert len(services.escalate_overdue_challenges(today=new_due + DAYS * DAY)) == 1


@pytest.mark.django_db
def test_after_the_board_escalates_the_chair_waits_a_period_after_the_new_due_date(
    agency_with_board,
):
    challenge = ChallengeResponseFactory(challenge__agency=agency_with_board["agency"]).challenge
    new_due = TODAY + 28 * DAY
    services.challenge_judge(
        challenge=challenge,
        judgement=ChallengeResponse.Judgement.ESCALATED,
        reason="No plan.",
        new_response_due_on=new_due,
    )
    challenge = Challenge.objects.get(pk=challenge.pk)
    assert next_escalation_date(challenge, escalation_days=DAYS) == new_due + DAYS * DAY
    assert services.escalate_overdue_challenges(today=TODAY + 2 * DAYS * DAY) == []


# escalation_recipient


@pytest.mark.django_db
def test_level_one_goes_to_the_agencys_person_on_the_board(agency_with_board):
    challenge = _overdue(agency_with_board["agency"])
    assert services.escalation_recipient(challenge, 1) == agency_with_board["board_member"]


@pytest.mark.django_db
def test_a_board_membership_that_has_ended_or_a_subgroup_membership_does_not_count():
    agency = AgencyFactory()
    board = GroupFactory(kind=Group.Kind.BOARD)
    MembershipFactory(
        group=board, person__agency=agency, started_on=DUE - 400 * DAY, ended_on=DUE - 30 * DAY
    )
    MembershipFactory(group=GroupFactory(), person__agency=agency)
    challenge = _overdue(agency)
    assert services.escalation_recipient(challenge, 1, on=DUE) is None


@pytest.mark.django_db
def test_without_a_board_membership_level_one_goes_to_the_agencys_board_member_account():
    agency = AgencyFactory()
    member = UserFactory(person__agency=agency, roles=[Role.BOARD_MEMBER])
    UserFactory(roles=[Role.BOARD_MEMBER])  # of another agency
    challenge = _overdue(agency)
    assert services.escalation_recipient(challenge, 1) == member.person


@pytest.mark.django_db
def test_without_a_chair_account_level_two_goes_to_whoever_chairs_the_board():
    board = GroupFactory(kind=Group.Kind.BOARD)
    chair = MembershipFactory(group=board, role=Membership.Role.CHAIR).person
    challenge = _overdue(AgencyFactory())
    assert services.escalation_recipient(challenge, 2) == chair


@pytest.mark.django_db
def test_an_escalation_with_no_one_to_name_is_still_recorded():
    challenge = _overdue(AgencyFactory())
    [escalation] = services.escalate_overdue_challenges(today=DUE + DAYS * DAY)
    assert escalation.escalated_to is None
    assert escalation.challenge == challenge

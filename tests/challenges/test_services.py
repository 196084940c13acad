"""The life of a challenge through its services: each refusal is named and changes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.challenges import services
from safeboard.challenges.factories import (
    ChallengeFactory,
    ChallengeResponseFactory,
)
from safeboard.challenges.models import Challenge, ChallengeResponse, EscalationLevel
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from tests.challenges.conftest import snapshot

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
Judgement = ChallengeResponse.Judgement


def _raise(**overrides) -> Challenge:
    agency = overrides.pop("agency", None) or AgencyFactory()
    arguments = {
        "agency": agency,
        "title": "Police attendance at strategy discussions",
        "issue": "Why do the police attend fewer than two thirds of strategy discussions?",
        "evidence": "Audit of 40 strategy discussions, spring term.",
        "raised_by": PersonFactory(),
        "raised_on": TODAY - 7 * DAY,
        "response_due_on": TODAY + 21 * DAY,
    }
    arguments.update(overrides)
    return services.challenge_raise(**arguments)


# Raising


def test_references_run_in_sequence_within_the_year_of_raising():
    first = _raise(raised_on=datetime.date(2025, 3, 1), response_due_on=datetime.date(2025, 4, 1))
    second = _raise(raised_on=datetime.date(2025, 6, 1), response_due_on=datetime.date(2025, 7, 1))
    other_year = _raise(
        raised_on=datetime.date(2024, 12, 31), response_due_on=datetime.date(2025, 1, 31)
    )
    assert (first.reference, second.reference) == ("CH-2025-001", "CH-2025-002")
    assert other_year.reference == "CH-2024-001"


def test_references_keep_counting_past_999():
    ChallengeFactory(raised_on=datetime.date(2025, 1, 1), reference="CH-2025-999")
    assert services.next_challenge_reference(2025) == "CH-2025-1000"


def test_a_new_challenge_awaits_a_response_and_records_who_raised_it():
    raiser = PersonFactory()
    challenge = _raise(raised_by=raiser)
    assert challenge.status == Challenge.Status.AWAITING_RESPONSE
    assert challenge.escalation_level == EscalationLevel.NONE
    assert challenge.raised_by == raiser


def test_a_response_due_before_the_date_raised_is_refused_and_nothing_is_saved():
    with pytest.raises(ValidationError) as error:
        _raise(raised_on=TODAY - DAY, response_due_on=TODAY - 2 * DAY)
    assert error.value.message_dict["response_due_on"] == [services.RESPONSE_DUE_BEFORE_RAISED]
    assert Challenge.objects.count() == 0


def test_a_response_due_on_the_day_raised_is_allowed():
    challenge = _raise(raised_on=TODAY, response_due_on=TODAY)
    assert challenge.response_due_on == challenge.raised_on


def test_a_challenge_cannot_be_raised_in_the_future():
    with pytest.raises(ValidationError) as error:
        _raise(raised_on=TODAY + DAY, response_due_on=TODAY + 30 * DAY)
    assert error.value.message_dict["raised_on"] == [services.RAISED_IN_FUTURE]
    assert Challenge.objects.count() == 0


# The whole life of a challenge


def test_a_challenge_goes_from_raised_to_closed():
    agency = AgencyFactory()
    board_member = UserFactory(person=PersonFactory(agency=agency), roles=[Role.BOARD_MEMBER])
    lead = UserFactory(person=PersonFactory(agency=agency), roles=[Role.AGENCY_LEAD])
    manager = UserFactory(roles=[Role.BUSINESS_MANAGER])
    challenge = _raise(agency=agency)

    services.challenge_respond(
        challenge=challenge, text="We are looking into it.", responded_by=lead
    )
    assert challenge.status == Challenge.Status.RESPONDED

    services.challenge_judge(
        challenge=challenge,
        judgement=Judgement.FURTHER_CHALLENGE,
        reason="No figures given.",
        new_response_due_on=TODAY + 14 * DAY,
        judged_by=manager,
    )
    assert challenge.status == Challenge.Status.AWAITING_RESPONSE
    assert challenge.response_due_on == TODAY + 14 * DAY

    services.challenge_respond(challenge=challenge, text="Still looking.", responded_by=lead)
    services.challenge_judge(
        challenge=challenge,
        judgement=Judgement.ESCALATED,
        reason="Two responses without a plan.",
        new_response_due_on=TODAY + 28 * DAY,
        judged_by=manager,
    )
    assert challenge.escalation_level == EscalationLevel.BOARD_MEMBER
    escalation = challenge.escalations.get()
    assert escalation.escalated_to == board_member.person
    assert not escalation.is_automatic
    assert escalation.recorded_by == manager

    services.challenge_respond(
        challenge=challenge, text="A named lead now attends every one.", responded_by=board_member
    )
    services.challenge_judge(
        challenge=challenge, judgement=Judgement.ACCEPTED, reason="A clear plan.", judged_by=manager
    )
    assert challenge.status == Challenge.Status.RESPONDED

    services.challenge_close(challenge=challenge, outcome="Attendance plan agreed.")
    assert (challenge.status, challenge.closed_on) == (Challenge.Status.CLOSED, TODAY)
    rounds = list(challenge.responses.values_list("judgement", flat=True))
    assert rounds == [Judgement.FURTHER_CHALLENGE, Judgement.ESCALATED, Judgement.ACCEPTED]


# Responding


def test_a_response_to_a_closed_challenge_is_refused_and_changes_nothing():
    challenge = ChallengeFactory(closed=True)
    before = snapshot(challenge)
    with pytest.raises(ValidationError) as error:
        services.challenge_respond(challenge=challenge, text="A late answer.")
    assert error.value.messages == [services.CHALLENGE_CLOSED]
    assert snapshot(challenge) == before


def test_a_second_response_before_the_board_judges_the_first_is_refused():
    challenge = ChallengeResponseFactory().challenge
    before = snapshot(challenge)
    with pytest.raises(ValidationError) as error:
        services.challenge_respond(challenge=challenge, text="And another thing.")
    assert error.value.messages == [services.AWAITING_JUDGEMENT]
    assert snapshot(challenge) == before


def test_a_response_after_the_board_accepted_the_last_one_is_refused():
    response = ChallengeResponseFactory(judgement=Judgement.ACCEPTED, judged_on=TODAY)
    with pytest.raises(ValidationError) as error:
        services.challenge_respond(challenge=response.challenge, text="More.")
    assert error.value.messages == [services.RESPONSE_ACCEPTED]


def test_an_empty_response_is_refused():
    challenge = ChallengeFactory()
    before = snapshot(challenge)
    with pytest.raises(ValidationError) as error:
        services.challenge_respond(challenge=challenge, text="   ")
    assert error.value.message_dict["text"] == [services.RESPONSE_REQUIRED]
    assert snapshot(challenge) == before


def test_a_stale_copy_of_the_challenge_cannot_respond_twice():
    challenge = ChallengeFactory()
    stale = Challenge.objects.get(pk=challenge.pk)
    services.challenge_respond(challenge=challenge, text="First.")
    with pytest.raises(ValidationError):
        services.challenge_respond(challenge=stale, text="Second, from an old page.")
    assert challenge.responses.count() == 1


# Judging


def test_judging_with_no_response_is_refused_and_changes_nothing():
    challenge = ChallengeFactory()
    before = snapshot(challenge)
    with pytest.raises(ValidationError) as error:
        services.challenge_judge(challenge=challenge, judgement=Judgement.ACCEPTED, reason="Fine.")
    assert error.value.messages == [services.NO_RESPONSE_TO_JUDGE]
    assert snapshot(challenge) == before


def test_a_response_cannot_be_judged_twice():
    response = ChallengeResponseFactory(judgement=Judgement.ACCEPTED, judged_on=TODAY)
    with pytest.raises(ValidationError) as error:
        services.challenge_judge(
            challenge=response.challenge, judgement=Judgement.ACCEPTED, reason="Again."
        )
    assert error.value.messages == [services.NO_RESPONSE_TO_JUDGE]


@pytest.mark.parametrize("judgement", [Judgement.FURTHER_CHALLENGE, Judgement.ESCALATED])
def test_a_further_challenge_or_escalation_without_a_new_due_date_is_refused(judgement):
    challenge = ChallengeResponseFactory().challenge
    before = snapshot(challenge)
    with pytest.raises(ValidationError) as error:
        services.challenge_judge(challenge=challenge, judgement=judgement, reason="Not enough.")
    assert error.value.message_dict["new_response_due_on"] == [services.NEW_DUE_DATE_REQUIRED]
    assert snapshot(challenge) == before


@pytest.mark.parametrize("new_due", [TODAY, TODAY - DAY], ids=["today", "yesterday"])
def test_the_new_due_date_must_be_after_today(new_due):
    challenge = ChallengeResponseFactory().challenge
    before = snapshot(challenge)
    with pytest.raises(ValidationError) as error:
        services.challenge_judge(
            challenge=challenge,
            judgement=Judgement.FURTHER_CHALLENGE,
            reason="Not enough.",
            new_response_due_on=new_due,
        )
    assert error.value.message_dict["new_response_due_on"] == [
        services.NEW_DUE_DATE_NOT_AFTER_TODAY
    ]
    assert snapshot(challenge) == before


def test_a_judgement_needs_a_reason():
    challenge = ChallengeResponseFactory().challenge
    before = snapshot(challenge)
    with pytest.raises(ValidationError) as error:
        services.challenge_judge(challenge=challenge, judgement=Judgement.ACCEPTED, reason=" ")
    assert error.value.message_dict["reason"] == [services.JUDGEMENT_REASON_REQUIRED]
    assert snapshot(challenge) == before


def test_an_unknown_judgement_is_refused():
    challenge = ChallengeResponseFactory().challenge
    with pytest.raises(ValidationError) as error:
        services.challenge_judge(challenge=challenge, judgement="ignored", reason="Because.")
    assert error.value.message_dict["judgement"] == [services.JUDGEMENT_REQUIRED]


def test_the_board_escalates_to_the_chair_at_the_second_step():
    chair = UserFactory(roles=[Role.CHAIR])
    challenge = ChallengeResponseFactory(
        challenge__escalation_level=EscalationLevel.BOARD_MEMBER
    ).challenge
    services.challenge_judge(
        challenge=challenge,
        judgement=Judgement.ESCALATED,
        reason="Still no plan.",
        new_response_due_on=TODAY + 7 * DAY,
    )
    assert challenge.escalation_level == EscalationLevel.CHAIR
    assert challenge.escalations.get().escalated_to == chair.person


def test_a_challenge_at_the_chair_cannot_be_escalated_further():
    challenge = ChallengeResponseFactory(
        challenge__escalation_level=EscalationLevel.CHAIR
    ).challenge
    before = snapshot(challenge)
    with pytest.raises(ValidationError) as error:
        services.challenge_judge(
            challenge=challenge,
            judgement=Judgement.ESCALATED,
            reason="Still no plan.",
            new_response_due_on=TODAY + 7 * DAY,
        )
    assert error.value.message_dict["judgement"] == [services.ALREADY_AT_CHAIR]
    assert snapshot(challenge) == before


# Closing


def test_closing_needs_the_outcome():
    challenge = ChallengeFactory()
    before = snapshot(challenge)
    with pytest.raises(ValidationError) as error:
        services.challenge_close(challenge=challenge, outcome="  ")
    assert error.value.message_dict["outcome"] == [services.OUTCOME_REQUIRED]
    assert snapshot(challenge) == before


def test_a_challenge_cannot_be_closed_while_a_response_waits_for_judgement():
    challenge = ChallengeResponseFactory().challenge
    before = snapshot(challenge)
    with pytest.raises(ValidationError) as error:
        services.challenge_close(challenge=challenge, outcome="Done.")
    assert error.value.messages == [services.JUDGE_BEFORE_CLOSING]
    assert snapshot(challenge) == before


def test_a_closed_challenge_cannot_be_closed_again():
    challenge = ChallengeFactory(closed=True)
    with pytest.raises(ValidationError) as error:
        services.challenge_close(challenge=challenge, outcome="Again.")
    assert error.value.messages == [services.CHALLENGE_CLOSED]


@pytest.mark.parametrize(
    ("closed_on", "message"),
    [(TODAY + DAY, services.CLOSED_IN_FUTURE), (TODAY - 100 * DAY, services.CLOSED_BEFORE_RAISED)],
    ids=["future", "before-raised"],
)
def test_the_date_closed_must_be_between_the_date_raised_and_today(closed_on, message):
    challenge = ChallengeFactory()
    before = snapshot(challenge)
    with pytest.raises(ValidationError) as error:
        services.challenge_close(challenge=challenge, outcome="Done.", closed_on=closed_on)
    assert error.value.message_dict["closed_on"] == [message]
    assert snapshot(challenge) == before


# Actions


def test_an_action_added_to_a_challenge_is_on_the_action_spine_with_the_challenge_as_source():
    challenge = ChallengeFactory()
    owner = PersonFactory()
    action = services.challenge_add_action(
        challenge=challenge, title="Name a lead", owner_person=owner, due_on=TODAY + 30 * DAY
    )
    action = Action.objects.get(pk=action.pk)
    assert action.source == challenge
    assert action.owner_agency == owner.agency


def test_an_action_without_a_due_date_is_refused():
    challenge = ChallengeFactory()
    with pytest.raises(ValidationError) as error:
        services.challenge_add_action(
            challenge=challenge, title="Name a lead", owner_person=PersonFactory(), due_on=None
        )
    assert "due_on" in error.value.message_dict
    assert Action.objects.count() == 0

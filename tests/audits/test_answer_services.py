"""Answering a case and moderating it: bad input is refused by name and changes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from safeboard.audits import answer_services
from safeboard.audits.answer_services import AnswerInput, answer_field
from safeboard.audits.factories import AssignmentFactory, ModerationFactory
from safeboard.audits.models import AuditRound, Grade, Moderation
from tests.audits.conftest import answers_snapshot

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _police_answers(audit, skip=()) -> list[AnswerInput]:
    """A full set of the police's answers, less the questions skipped."""
    yes_no, grade = audit.police_only
    voice, lived = audit.everyone
    answers = [
        AnswerInput(yes_no.pk, choice="yes", text="Seen the same day."),
        AnswerInput(grade.pk, choice="good"),
        AnswerInput(voice.pk, choice="partly"),
        AnswerInput(lived.pk, text="Frightened at home; safe at school."),
    ]
    skipped = {question.pk for question in skip}
    return [answer for answer in answers if answer.question_id not in skipped]


def _submit(assignment, answers, **kwargs):
    return answer_services.assignment_save_answers(
        assignment=assignment,
        answers=answers,
        proposed_grade=kwargs.pop("proposed_grade", "good"),
        summary="Sound work.",
        submit=True,
        **kwargs,
    )


def test_a_draft_keeps_what_is_given_and_locks_nothing(audit):
    yes_no = audit.police_only[0]
    saved = answer_services.assignment_save_answers(
        assignment=audit.police, answers=[AnswerInput(yes_no.pk, choice="no")]
    )
    assert saved.started_at is not None
    assert saved.submitted_at is None
    assert list(saved.answers.values_list("choice", flat=True)) == ["no"]


def test_a_later_draft_changes_and_clears_answers(audit):
    yes_no, grade = audit.police_only
    answer_services.assignment_save_answers(
        assignment=audit.police,
        answers=[AnswerInput(yes_no.pk, choice="no"), AnswerInput(grade.pk, choice="good")],
    )
    answer_services.assignment_save_answers(
        assignment=audit.police,
        answers=[AnswerInput(yes_no.pk, choice="yes"), AnswerInput(grade.pk)],
    )
    assert list(audit.police.answers.values_list("question_id", "choice")) == [(yes_no.pk, "yes")]


def test_submitting_locks_the_answers(audit):
    submitted = _submit(audit.police, _police_answers(audit))
    assert submitted.is_submitted
    before = answers_snapshot(audit.police)
    with pytest.raises(ValidationError) as error:
        answer_services.assignment_save_answers(
            assignment=audit.police, answers=[AnswerInput(audit.police_only[0].pk, choice="no")]
        )
    assert "can no longer be changed" in error.value.messages[0]
    assert answers_snapshot(audit.police) == before


def test_a_grade_outside_the_scale_is_refused_and_nothing_is_saved(audit):
    grade = audit.police_only[1]
    before = answers_snapshot(audit.police)
    with pytest.raises(ValidationError) as error:
        answer_services.assignment_save_answers(
            assignment=audit.police,
            answers=_police_answers(audit, skip=[grade])
            + [AnswerInput(grade.pk, choice="excellent")],
        )
    assert error.value.message_dict[answer_field(grade.pk)] == [
        answer_services.NOT_A_GRADE.format(value="excellent")
    ]
    assert answers_snapshot(audit.police) == before


def test_a_yes_no_answer_off_its_scale_names_the_question(audit):
    voice = audit.everyone[0]
    with pytest.raises(ValidationError) as error:
        answer_services.assignment_save_answers(
            assignment=audit.police, answers=[AnswerInput(voice.pk, choice="good")]
        )
    assert "question 2.1" in error.value.message_dict[answer_field(voice.pk)][0]


def test_an_overall_grade_outside_the_scale_is_refused(audit):
    before = answers_snapshot(audit.police)
    with pytest.raises(ValidationError) as error:
        answer_services.assignment_save_answers(
            assignment=audit.police, answers=[], proposed_grade="brilliant"
        )
    assert "not a grade on the scale" in error.value.message_dict["proposed_grade"][0]
    assert answers_snapshot(audit.police) == before


def test_a_section_the_agency_does_not_answer_is_refused_by_name(audit):
    police_question = audit.police_only[0]
    before = answers_snapshot(audit.health)
    with pytest.raises(ValidationError) as error:
        answer_services.assignment_save_answers(
            assignment=audit.health,
            answers=[
                AnswerInput(audit.everyone[0].pk, choice="yes"),
                AnswerInput(police_question.pk, choice="yes"),
            ],
        )
    message = error.value.message_dict[answer_field(police_question.pk)][0]
    assert "\u201cThe police\u201d is not a section" in message
    assert audit.health.agency.name in message
    assert answers_snapshot(audit.health) == before


def test_a_question_from_another_tool_is_refused(audit):
    other = AssignmentFactory()
    foreign = other.case.round.tool_version.sections.first().questions.first()
    with pytest.raises(ValidationError) as error:
        answer_services.assignment_save_answers(
            assignment=audit.police, answers=[AnswerInput(foreign.pk, choice="yes")]
        )
    assert "is not in the audit tool" in error.value.messages[0]


def test_answers_after_the_round_is_closed_are_refused(audit):
    AuditRound.objects.filter(pk=audit.audit_round.pk).update(status="closed", closed_on=TODAY)
    before = answers_snapshot(audit.police)
    with pytest.raises(ValidationError) as error:
        answer_services.assignment_save_answers(
            assignment=audit.police, answers=_police_answers(audit)
        )
    assert error.value.messages == [answer_services.ROUND_CLOSED]
    assert answers_snapshot(audit.police) == before


def test_answers_before_the_round_opens_are_refused(audit):
    AuditRound.objects.filter(pk=audit.audit_round.pk).update(status="setting_up")
    with pytest.raises(ValidationError) as error:
        answer_services.assignment_save_answers(assignment=audit.police, answers=[])
    assert error.value.messages == [answer_services.ROUND_NOT_OPEN]


def test_submitting_needs_every_required_question_and_the_overall_grade(audit):
    yes_no, grade = audit.police_only
    before = answers_snapshot(audit.police)
    with pytest.raises(ValidationError) as error:
        _submit(audit.police, [AnswerInput(yes_no.pk, choice="yes")], proposed_grade="")
    errors = error.value.message_dict
    assert errors[answer_field(grade.pk)] == ["Answer question 1.2 before submitting."]
    assert errors["proposed_grade"] == [answer_services.PROPOSED_GRADE_NEEDED]
    assert answers_snapshot(audit.police) == before


def test_an_optional_question_may_be_left_blank_on_submitting(audit):
    lived = audit.everyone[1]
    lived.answer_required = False
    lived.save()
    submitted = _submit(audit.police, _police_answers(audit, skip=[lived]))
    assert submitted.is_submitted


def test_reopening_unlocks_the_answers_with_a_reason_in_the_history(audit):
    _submit(audit.police, _police_answers(audit))
    reopened = answer_services.assignment_reopen(
        assignment=audit.police, reason="The grade was entered for the wrong case."
    )
    assert not reopened.is_submitted
    assert reopened.history.first().history_change_reason.startswith("Reopened: The grade")


def test_answers_cannot_be_reopened_once_the_case_is_moderated(audit):
    _submit(audit.police, _police_answers(audit))
    ModerationFactory(case=audit.case)
    with pytest.raises(ValidationError) as error:
        answer_services.assignment_reopen(assignment=audit.police, reason="A late thought.")
    assert error.value.messages == [answer_services.REOPEN_AFTER_MODERATION]


def _health_answers(audit):
    voice, lived = audit.everyone
    return [AnswerInput(voice.pk, choice="yes"), AnswerInput(lived.pk, text="Quiet at clinic.")]


def _moderate(audit, cast, **overrides):
    details = {
        "case": audit.case,
        "agreed_grade": Grade.GOOD,
        "moderated_on": TODAY,
        "attendees": [audit.police.auditor, audit.health.auditor],
    }
    details.update(overrides)
    return answer_services.moderation_record(**details)


def test_a_case_is_moderated_only_when_every_agency_has_submitted(audit, cast):
    _submit(audit.police, _police_answers(audit))
    with pytest.raises(ValidationError) as error:
        _moderate(audit, cast)
    assert audit.health.agency.name in error.value.messages[0]
    assert not Moderation.objects.exists()


def test_agreeing_grades_need_no_disagreement_recorded(audit, cast):
    _submit(audit.police, _police_answers(audit))
    _submit(audit.health, _health_answers(audit))
    moderation = _moderate(audit, cast)
    assert moderation.agreed_grade == Grade.GOOD
    assert set(moderation.attendees.all()) == {audit.police.auditor, audit.health.auditor}


def test_differing_grades_need_the_disagreement_and_its_resolution(audit, cast):
    _submit(audit.police, _police_answers(audit))
    _submit(audit.health, _health_answers(audit), proposed_grade=Grade.REQUIRES_IMPROVEMENT)
    with pytest.raises(ValidationError) as error:
        _moderate(audit, cast)
    errors = error.value.message_dict
    assert "proposed good and requires improvement" in errors["disagreement"][0]
    assert errors["resolution"] == [answer_services.RESOLUTION_NEEDED]
    assert not Moderation.objects.exists()
    moderation = _moderate(
        audit,
        cast,
        disagreement="Health saw no plan for the baby's feeding.",
        resolution="The chronology showed the plan was followed: good.",
    )
    assert moderation.disagreement.startswith("Health saw")


def test_a_moderated_grade_outside_the_scale_is_refused(audit, cast):
    _submit(audit.police, _police_answers(audit))
    _submit(audit.health, _health_answers(audit))
    with pytest.raises(ValidationError) as error:
        _moderate(audit, cast, agreed_grade="adequate")
    assert "not a grade on the scale" in error.value.message_dict["agreed_grade"][0]
    assert not Moderation.objects.exists()


def test_a_moderation_cannot_be_dated_in_the_future(audit, cast):
    _submit(audit.police, _police_answers(audit))
    _submit(audit.health, _health_answers(audit))
    with pytest.raises(ValidationError) as error:
        _moderate(audit, cast, moderated_on=TODAY + datetime.timedelta(days=1))
    assert error.value.message_dict["moderated_on"] == [answer_services.MODERATED_IN_FUTURE]

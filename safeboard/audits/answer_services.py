"""Answering a case and moderating it: the auditor's draft and submission, then the panel's grade.

An auditor answers only the sections their agency answers, only while the round is open, and
only until they submit: submitted answers are locked (the business manager may reopen them,
with a reason, until the case is moderated). Moderation needs every agency's answers in.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from safeboard.accounts.models import User
from safeboard.core.dates import long_date
from safeboard.core.history import history_stamps, save_with_reason
from safeboard.partnership.models import Person

from . import selectors
from .models import Answer, Assignment, AuditRound, Grade, Moderation, Question, SampleCase

ROUND_NOT_OPEN = "This round is not open for answers yet."
ROUND_CLOSED = "This round is closed: answers can no longer be changed."
ALREADY_SUBMITTED = (
    "These answers were submitted on {date}: they can no longer be changed. Ask the business "
    "manager to reopen them if something is wrong."
)
NOT_IN_TOOL = "Question {question} is not in the audit tool this round uses."
SECTION_NOT_ASSIGNED = (
    "\u201c{section}\u201d is not a section {agency} answers in this audit: answer only your "
    "agency\u2019s sections."
)
NOT_A_CHOICE = (
    "Choose one of {choices} for question {number}: \u201c{value}\u201d is not one of them."
)
NOT_A_GRADE = (
    "\u201c{value}\u201d is not a grade on the scale: choose outstanding, good, requires "
    "improvement or inadequate."
)
ANSWER_NEEDED = "Answer question {number} before submitting."
PROPOSED_GRADE_NEEDED = "Give your agency\u2019s overall grade for the case before submitting."
NOT_SUBMITTED = "These answers have not been submitted, so there is nothing to reopen."
REOPEN_REASON_NEEDED = "Give the reason for reopening the answers."
REOPEN_AFTER_MODERATION = "The case has been moderated: its answers can no longer be reopened."
ANSWERS_OUTSTANDING = (
    "Every agency must submit its answers before the case is moderated. Still to come: {agencies}."
)
MODERATION_ROUND_NOT_OPEN = "Cases are moderated while the round is open for answers."
MODERATED_IN_FUTURE = "The date of the moderation cannot be in the future."
DISAGREEMENT_NEEDED = (
    "The agencies proposed {proposed} and the panel agreed {agreed}: record where the views "
    "differed."
)
RESOLUTION_NEEDED = "Record how the panel agreed the grade."
ATTENDEES_NEEDED = "Choose who attended the moderation."
# The reasons written to the histories of the assignment and its answers.
DRAFT_SAVED = "Draft saved"
ANSWERS_SUBMITTED = "Answers submitted"


@dataclass(frozen=True)
class AnswerInput:
    """What the auditor gave for one question: a choice, words, or both."""

    question_id: int
    choice: str = ""
    text: str = ""

    @property
    def is_blank(self) -> bool:
        return not self.choice and not self.text.strip()


def answer_field(question_id: int) -> str:
    """The form field (and error key) of a question's answer."""
    return f"question_{question_id}"


def _check_round_open(audit_round: AuditRound) -> None:
    if audit_round.status == AuditRound.Status.SETTING_UP:
        raise ValidationError(ROUND_NOT_OPEN)
    if audit_round.status == AuditRound.Status.CLOSED:
        raise ValidationError(ROUND_CLOSED)


def _current_round(assignment: Assignment) -> AuditRound:
    """The round as it stands now: it may have closed since the page was read."""
    return AuditRound.objects.get(pk=assignment.case.round_id)


def _choice_error(question: Question, number: str, value: str) -> str:
    if question.kind == Question.Kind.GRADE:
        return NOT_A_GRADE.format(value=value)
    labels = [label.lower() for _, label in question.choices]
    return NOT_A_CHOICE.format(
        choices=", ".join(labels[:-1]) + " or " + labels[-1], number=number, value=value
    )


def _check_answers(
    assignment: Assignment, answers: Sequence[AnswerInput], *, submit: bool
) -> dict[str, str]:
    version = assignment.case.round.tool_version
    numbered = selectors.numbered_questions(version)
    assigned = {
        question.pk
        for section in selectors.sections_answered_by(version, assignment.agency)
        for question in section.questions.all()
    }
    errors: dict[str, str] = {}
    given = set()
    for answer in answers:
        question = numbered.get(answer.question_id)
        key = answer_field(answer.question_id)
        if question is None:
            errors[key] = NOT_IN_TOOL.format(question=answer.question_id)
            continue
        if answer.question_id not in assigned:
            errors[key] = SECTION_NOT_ASSIGNED.format(
                section=question.section.title, agency=assignment.agency.name
            )
            continue
        if answer.choice and answer.choice not in {value for value, _ in question.choices}:
            errors[key] = _choice_error(question, question.number, answer.choice)
            continue
        if not answer.is_blank:
            given.add(question.pk)
    if submit:
        for question_id in sorted(assigned - given, key=lambda pk: numbered[pk].sort_key):
            question = numbered[question_id]
            if question.answer_required:
                errors.setdefault(
                    answer_field(question_id), ANSWER_NEEDED.format(number=question.number)
                )
    return errors


def _save_answers(
    assignment: Assignment, answers: Sequence[AnswerInput], *, changed_by: User | None, reason: str
) -> None:
    """Create, change and delete the answers, each change written to the answer's history."""
    existing = {answer.question_id: answer for answer in assignment.answers.all()}
    to_create, to_update, to_delete = [], [], []
    now = timezone.now()
    for given in answers:
        answer = existing.get(given.question_id)
        if given.is_blank:
            if answer is not None:
                to_delete.append(answer)
            continue
        if answer is None:
            to_create.append(
                Answer(
                    assignment=assignment,
                    question_id=given.question_id,
                    choice=given.choice,
                    text=given.text.strip(),
                )
            )
        elif (answer.choice, answer.text) != (given.choice, given.text.strip()):
            answer.choice, answer.text, answer.updated_at = given.choice, given.text.strip(), now
            to_update.append(answer)
    history = {"default_user": changed_by, "default_change_reason": reason}
    for answer in to_delete:  # one by one, so each deletion's history names who and why
        stamps = history_stamps(answer)
        stamps._history_user, stamps._change_reason = changed_by, reason
        answer.delete()
    bulk_create_with_history(to_create, Answer, default_date=now, **history)
    bulk_update_with_history(
        to_update, Answer, ["choice", "text", "updated_at"], default_date=now, **history
    )


@transaction.atomic
def assignment_save_answers(
    *,
    assignment: Assignment,
    answers: Sequence[AnswerInput],
    proposed_grade: str = "",
    summary: str = "",
    submit: bool = False,
    changed_by: User | None = None,
) -> Assignment:
    """Save the auditor's answers as a draft, or submit them (then they are locked).

    All or nothing: any answer out of place (a section the agency does not answer, a choice
    off the question's scale) refuses the whole save. Submitting needs every required
    question answered and the agency's overall grade.
    """
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    locked.case, locked.agency = assignment.case, assignment.agency
    _check_round_open(_current_round(assignment))
    if locked.is_submitted:
        submitted_on = timezone.localtime(locked.submitted_at).date()
        raise ValidationError(ALREADY_SUBMITTED.format(date=long_date(submitted_on)))
    errors = _check_answers(locked, answers, submit=submit)
    if proposed_grade and proposed_grade not in Grade.values:
        errors["proposed_grade"] = NOT_A_GRADE.format(value=proposed_grade)
    elif submit and not proposed_grade:
        errors["proposed_grade"] = PROPOSED_GRADE_NEEDED
    if errors:
        raise ValidationError(errors)
    reason = ANSWERS_SUBMITTED if submit else DRAFT_SAVED
    _save_answers(locked, answers, changed_by=changed_by, reason=reason)
    now = timezone.now()
    locked.proposed_grade, locked.summary = proposed_grade, summary.strip()
    locked.started_at = locked.started_at or now
    if submit:
        locked.submitted_at = now
    save_with_reason(locked, reason)
    return locked


@transaction.atomic
def assignment_reopen(*, assignment: Assignment, reason: str) -> Assignment:
    """Unlock submitted answers so the auditor can correct them, before moderation."""
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    _check_round_open(_current_round(assignment))
    if not locked.is_submitted:
        raise ValidationError(NOT_SUBMITTED)
    if Moderation.objects.filter(case_id=locked.case_id).exists():
        raise ValidationError(REOPEN_AFTER_MODERATION)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": REOPEN_REASON_NEEDED})
    locked.submitted_at = None
    save_with_reason(locked, f"Reopened: {reason}")
    return locked


def _proposed_grades_differ(assignments: list[Assignment], agreed_grade: str) -> bool:
    proposed = {assignment.proposed_grade for assignment in assignments}
    return len(proposed) > 1 or proposed != {agreed_grade}


@transaction.atomic
def moderation_record(
    *,
    case: SampleCase,
    agreed_grade: str,
    moderated_on: datetime.date,
    attendees: Iterable[Person],
    others_present: str = "",
    disagreement: str = "",
    resolution: str = "",
    recorded_by: User | None = None,
) -> Moderation:
    """Record (or correct) the grade the moderation panel agreed for a case.

    Where the agencies proposed different grades, or the panel agreed a grade none of them
    proposed, the disagreement and its resolution must be recorded.
    """
    audit_round = AuditRound.objects.select_for_update().get(pk=case.round_id)
    if audit_round.status != AuditRound.Status.OPEN:
        raise ValidationError(MODERATION_ROUND_NOT_OPEN)
    assignments = list(case.assignments.select_related("agency"))
    outstanding = [
        assignment.agency.name for assignment in assignments if not assignment.is_submitted
    ]
    if outstanding:
        raise ValidationError(ANSWERS_OUTSTANDING.format(agencies=", ".join(outstanding)))
    errors = {}
    if agreed_grade not in Grade.values:
        errors["agreed_grade"] = NOT_A_GRADE.format(value=agreed_grade)
    if moderated_on > timezone.localdate():
        errors["moderated_on"] = MODERATED_IN_FUTURE
    attendees = list(attendees)
    if not attendees:
        errors["attendees"] = ATTENDEES_NEEDED
    if not errors and _proposed_grades_differ(assignments, agreed_grade):
        if not disagreement.strip():
            proposed = sorted({Grade(a.proposed_grade).label.lower() for a in assignments})
            errors["disagreement"] = DISAGREEMENT_NEEDED.format(
                proposed=" and ".join(proposed), agreed=Grade(agreed_grade).label.lower()
            )
        if not resolution.strip():
            errors["resolution"] = RESOLUTION_NEEDED
    if errors:
        raise ValidationError(errors)
    moderation = Moderation.objects.filter(case=case).first() or Moderation(case=case)
    moderation.agreed_grade, moderation.moderated_on = agreed_grade, moderated_on
    moderation.others_present = others_present.strip()
    moderation.disagreement, moderation.resolution = disagreement.strip(), resolution.strip()
    moderation.recorded_by = recorded_by
    moderation.full_clean()
    moderation.save()
    moderation.attendees.set(attendees)
    return moderation

"""Running the board's self-assessment: open it, rate it, complete it, act on it; and keep
the question bank."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.actions.services import action_create
from safeboard.core.history import history_stamps, save_with_reason
from safeboard.partnership.models import Person

from .evidence_links import NotEvidence, evidence_path
from .models import Area, Question, Rating, Score, SelfAssessment

TITLE_REQUIRED = "Enter a title for the self-assessment, e.g. Board self-assessment 2026."
ALREADY_OPEN = "Another self-assessment is open: complete it before opening a new one."
NOT_OPEN = "The self-assessment is completed: its ratings can no longer change."
NO_RATINGS = "No member has rated any question yet: there is nothing to complete."
COMPLETED_BEFORE_OPENED = "The self-assessment cannot be completed before it was opened."
COMPLETED_IN_FUTURE = "The date completed cannot be in the future."
NOT_A_SCORE = "Choose a rating from 1 to 4."
QUESTION_NOT_ASKED = "This question is no longer asked."
QUESTION_TEXT_REQUIRED = "Enter the question."
ONLY_COMPLETED_ACT = "Agree improvements from a completed self-assessment's results."


@transaction.atomic
def self_assessment_open(
    *, title: str, opened_on: datetime.date, opened_by: User | None = None
) -> SelfAssessment:
    title = title.strip()
    if not title:
        raise ValidationError({"title": TITLE_REQUIRED})
    if (
        SelfAssessment.objects.select_for_update()
        .filter(status=SelfAssessment.Status.OPEN)
        .exists()
    ):
        raise ValidationError(ALREADY_OPEN)
    assessment = SelfAssessment(title=title, opened_on=opened_on, opened_by=opened_by)
    assessment.full_clean()
    assessment.save()
    return assessment


@dataclass(frozen=True)
class Answer:
    """A member's answer to one question: no score means not answered (yet)."""

    question: Question
    score: int | None
    evidence: str = ""
    comment: str = ""


@transaction.atomic
def ratings_record(
    *,
    assessment: SelfAssessment,
    rater: Person,
    answers: list[Answer],
    rated_at: datetime.datetime | None = None,
) -> list[Rating]:
    """Record a member's ratings; a question answered before is answered afresh, and one
    left without a score keeps no rating. Every problem is named by its question."""
    locked = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
    if not locked.is_open:
        raise ValidationError(NOT_OPEN)
    errors: dict[str, str] = {}
    cleaned = []
    for answer in answers:
        key = f"score_{answer.question.pk}"
        if not answer.question.is_active:
            errors[key] = QUESTION_NOT_ASKED
            continue
        if answer.score is not None and answer.score not in Score.values:
            errors[key] = NOT_A_SCORE
            continue
        try:
            path = evidence_path(answer.evidence)
        except NotEvidence as problem:
            errors[f"evidence_{answer.question.pk}"] = str(problem)
            continue
        cleaned.append((answer, path))
    if errors:
        raise ValidationError(errors)
    when = rated_at or timezone.now()
    kept = []
    for answer, path in cleaned:
        existing = Rating.objects.filter(assessment=locked, question=answer.question, rater=rater)
        if answer.score is None:
            existing.delete()
            continue
        rating = existing.first() or Rating(
            assessment=locked, question=answer.question, rater=rater
        )
        rating.score = answer.score
        rating.evidence_url = path
        rating.comment = answer.comment.strip()
        rating.rated_at = when
        rating.full_clean()
        rating.save()
        kept.append(rating)
    return kept


@transaction.atomic
def self_assessment_complete(
    *, assessment: SelfAssessment, completed_on: datetime.date, today: datetime.date | None = None
) -> SelfAssessment:
    """Close the ratings: the results are then the board's view on that day."""
    locked = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
    if not locked.is_open:
        raise ValidationError(NOT_OPEN)
    if completed_on < locked.opened_on:
        raise ValidationError({"completed_on": COMPLETED_BEFORE_OPENED})
    if completed_on > (today or timezone.localdate()):
        raise ValidationError({"completed_on": COMPLETED_IN_FUTURE})
    if not locked.ratings.exists():
        raise ValidationError(NO_RATINGS)
    locked.status = SelfAssessment.Status.COMPLETED
    locked.completed_on = completed_on
    locked.full_clean()
    save_with_reason(locked, "Completed", fields=["status", "completed_on"])
    assessment.status, assessment.completed_on = locked.status, locked.completed_on
    return assessment


@transaction.atomic
def self_assessment_add_action(
    *,
    assessment: SelfAssessment,
    title: str,
    owner_person: Person,
    due_on: datetime.date,
    description: str = "",
    created_by: User | None = None,
) -> Action:
    """An improvement the board agreed from the results, on the partnership's action plan."""
    if assessment.is_open:
        raise ValidationError(ONLY_COMPLETED_ACT)
    return action_create(
        title=title,
        description=description,
        owner_agency=owner_person.agency,
        owner_person=owner_person,
        due_on=due_on,
        source=assessment,
        created_by=created_by,
    )


@transaction.atomic
def question_save(
    *,
    area: Area,
    text: str,
    position: int = 0,
    is_active: bool = True,
    question: Question | None = None,
    changed_by: User | None = None,
) -> Question:
    """Add a question to the bank, or change one (its past ratings stay with it)."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": QUESTION_TEXT_REQUIRED})
    question = question or Question()
    question.area, question.text = area, text
    question.position, question.is_active = position, is_active
    question.full_clean()
    if changed_by is not None:
        history_stamps(question)._history_user = changed_by
    question.save()
    return question

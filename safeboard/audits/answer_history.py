"""Changes to a case's answers after they were first submitted: who, when, which question,
from what to what. Answers are locked once submitted; only a reopening by the business
manager lets them change, so this is the record of every correction made after a reopening.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Min

from .models import Answer, Assignment, Question, SampleCase

NO_ANSWER = "No answer"


@dataclass(frozen=True)
class AnswerChange:
    when: datetime.datetime
    who: str
    agency: str
    question: Question | None
    old: str
    new: str
    reason: str


def answer_shown(version) -> str:
    """An answer as the case page shows it: the choice's label, then the words."""
    if version is None or version.history_type == "-":
        return NO_ANSWER
    label = Answer(choice=version.choice).choice_label
    return " \u2013 ".join(part for part in (label, version.text) if part) or NO_ANSWER


def answer_changes(*, case: SampleCase, questions: dict[int, Question]) -> list[AnswerChange]:
    """Newest first: each change to an answer of `case` made after its agency first submitted.
    `questions` are the version's numbered questions by id (`selectors.numbered_questions`)."""
    first_submitted = dict(
        Assignment.history.filter(case_id=case.pk, submitted_at__isnull=False)
        .values("id")
        .annotate(first=Min("history_date"))
        .values_list("id", "first")
    )
    if not first_submitted:
        return []
    versions = (
        Answer.history.filter(assignment_id__in=list(first_submitted))
        .select_related("history_user__person", "assignment__agency")
        .order_by("history_date", "history_id")
    )
    previous: dict[int, object] = {}
    changes = []
    for version in versions:
        before = previous.get(version.id)
        previous[version.id] = version
        if version.history_date <= first_submitted[version.assignment_id]:
            continue
        changes.append(
            AnswerChange(
                when=version.history_date,
                who=str(version.history_user) if version.history_user else "SafeBoard",
                agency=version.assignment.agency.name,
                question=questions.get(version.question_id),
                old=answer_shown(before),
                new=answer_shown(version),
                reason=version.history_change_reason or "",
            )
        )
    return changes[::-1]

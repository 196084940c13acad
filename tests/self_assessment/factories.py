"""Self-assessments for tests, made through the services."""

from __future__ import annotations

import datetime

from safeboard.self_assessment import services
from safeboard.self_assessment.models import Question, SelfAssessment


def open_assessment(*, title: str = "Board self-assessment 2026", opened_on=None) -> SelfAssessment:
    return services.self_assessment_open(
        title=title, opened_on=opened_on or datetime.date(2026, 3, 1)
    )


def rate_all(assessment: SelfAssessment, person, score_of) -> None:
    """Rate every question in use: `score_of(question)` gives the score (or None)."""
    answers = [
        services.Answer(question=question, score=score_of(question))
        for question in Question.objects.filter(is_active=True).select_related("area")
    ]
    services.ratings_record(assessment=assessment, rater=person, answers=answers)


def completed_assessment(*, person, title: str, opened_on, completed_on, score_of):
    assessment = open_assessment(title=title, opened_on=opened_on)
    rate_all(assessment, person, score_of)
    return services.self_assessment_complete(
        assessment=assessment, completed_on=completed_on, today=completed_on
    )

"""Reads of the self-assessment: results per area, compared with the one before."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Avg, Count, Q, QuerySet

from safeboard.actions.models import Action
from safeboard.partnership.models import Person

from .models import Area, Question, Rating, SelfAssessment


def assessment_list() -> QuerySet[SelfAssessment]:
    return SelfAssessment.objects.annotate(
        rating_count=Count("ratings"), rater_count=Count("ratings__rater", distinct=True)
    ).order_by("-opened_on", "-pk")


def previous_of(assessment: SelfAssessment) -> SelfAssessment | None:
    """The completed self-assessment before this one, if any."""
    return (
        SelfAssessment.objects.filter(
            status=SelfAssessment.Status.COMPLETED, opened_on__lt=assessment.opened_on
        )
        .order_by("-opened_on", "-pk")
        .first()
    )


def latest_completed(*, on_or_before: datetime.date | None = None) -> SelfAssessment | None:
    completed = SelfAssessment.objects.filter(status=SelfAssessment.Status.COMPLETED)
    if on_or_before is not None:
        completed = completed.filter(completed_on__lte=on_or_before)
    return completed.order_by("-completed_on", "-pk").first()


def _averages(assessment: SelfAssessment | None) -> dict[int, tuple[float, int]]:
    """{area id: (average score, number of ratings)}: one query."""
    if assessment is None:
        return {}
    rows = (
        Rating.objects.filter(assessment=assessment)
        .values("question__area")
        .annotate(average=Avg("score"), count=Count("id"))
    )
    return {row["question__area"]: (float(row["average"]), row["count"]) for row in rows}


@dataclass(frozen=True)
class AreaResult:
    area: str
    average: float | None
    ratings: int
    previous: float | None

    @property
    def change(self) -> float | None:
        if self.average is None or self.previous is None:
            return None
        return round(self.average - self.previous, 2)


@dataclass(frozen=True)
class Results:
    assessment: SelfAssessment
    previous: SelfAssessment | None
    areas: list[AreaResult]

    @property
    def overall(self) -> float | None:
        return _mean([area.average for area in self.areas])

    @property
    def previous_overall(self) -> float | None:
        return _mean([area.previous for area in self.areas])

    @property
    def overall_change(self) -> float | None:
        if self.overall is None or self.previous_overall is None:
            return None
        return round(self.overall - self.previous_overall, 2)


def _mean(values: list[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return round(sum(present) / len(present), 2) if present else None


def results(*, assessment: SelfAssessment) -> Results:
    """The average rating per area (each area's mean of its members' ratings), with the
    previous completed self-assessment's: four queries."""
    previous = previous_of(assessment)
    now, before = _averages(assessment), _averages(previous)
    areas = [
        AreaResult(
            area=area.name,
            average=round(now[area.pk][0], 2) if area.pk in now else None,
            ratings=now.get(area.pk, (0, 0))[1],
            previous=round(before[area.pk][0], 2) if area.pk in before else None,
        )
        for area in Area.objects.order_by("position", "name")
        if area.pk in now or area.pk in before
    ]
    return Results(assessment, previous, areas)


def question_bank(*, active_only: bool = False) -> QuerySet[Question]:
    questions = Question.objects.select_related("area")
    return questions.filter(is_active=True) if active_only else questions


def questions_by_area(*, active_only: bool = True) -> list[tuple[Area, list[Question]]]:
    grouped: dict[Area, list[Question]] = defaultdict(list)
    for question in question_bank(active_only=active_only):
        grouped[question.area].append(question)
    return list(grouped.items())


def ratings_of(*, assessment: SelfAssessment, rater: Person) -> dict[int, Rating]:
    return {
        rating.question_id: rating
        for rating in Rating.objects.filter(assessment=assessment, rater=rater)
    }


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    average: float | None
    ratings: list[Rating]


def question_results(*, assessment: SelfAssessment) -> list[tuple[Area, list[QuestionResult]]]:
    """Every question with its members' ratings and evidence, by area: two queries."""
    by_question: dict[int, list[Rating]] = defaultdict(list)
    for rating in Rating.objects.filter(assessment=assessment).select_related("rater"):
        by_question[rating.question_id].append(rating)
    grouped: dict[Area, list[QuestionResult]] = defaultdict(list)
    asked = Q(pk__in=list(by_question)) | Q(is_active=True)
    for question in Question.objects.select_related("area").filter(asked):
        ratings = by_question.get(question.pk, [])
        average = _mean([float(rating.score) for rating in ratings])
        grouped[question.area].append(QuestionResult(question, average, ratings))
    return list(grouped.items())


def actions_from(*, assessment: SelfAssessment) -> QuerySet[Action]:
    return (
        Action.objects.filter(
            source_type__app_label="self_assessment",
            source_type__model="selfassessment",
            source_id=assessment.pk,
        )
        .select_related("owner_agency", "owner_person")
        .order_by("due_on")
    )

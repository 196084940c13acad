"""Evaluation results, per course and per session.

For each learning outcome: the mean confidence attendees gave themselves before the session
and after it, and the gain between the two. With them, the mean satisfaction and the response
rate: evaluations received for every learner marked as attended. A handful of grouped
queries, whatever the number of sessions or evaluations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, Q, QuerySet

from ..models import Booking, Course, Evaluation, OutcomeRating, Session


@dataclass(frozen=True)
class OutcomeResult:
    number: int
    text: str
    ratings: int
    mean_before: float | None
    mean_after: float | None

    @property
    def gain(self) -> float | None:
        if self.mean_before is None or self.mean_after is None:
            return None
        return self.mean_after - self.mean_before


@dataclass(frozen=True)
class SessionResult:
    session: Session
    attended: int
    responses: int
    mean_satisfaction: float | None
    mean_gain: float | None  # over every rating of every outcome

    @property
    def response_rate(self) -> float | None:
        return self.responses / self.attended if self.attended else None


@dataclass(frozen=True)
class Results:
    outcomes: list[OutcomeResult]
    attended: int
    responses: int
    mean_satisfaction: float | None
    sessions: list[SessionResult] = field(default_factory=list)

    @property
    def response_rate(self) -> float | None:
        return self.responses / self.attended if self.attended else None

    @property
    def has_responses(self) -> bool:
        return self.responses > 0


def _outcome_results(course: Course, ratings: QuerySet[OutcomeRating]) -> list[OutcomeResult]:
    by_outcome: dict[int, Mapping[str, Any]] = {
        row["outcome_id"]: row
        for row in ratings.values("outcome_id").annotate(
            count=Count("id"), before=Avg("confidence_before"), after=Avg("confidence_after")
        )
    }
    results = []
    for number, outcome in enumerate(course.outcomes.order_by("position", "id"), start=1):
        row = by_outcome.get(outcome.pk, {})
        results.append(
            OutcomeResult(
                number=number,
                text=outcome.text,
                ratings=row.get("count", 0),
                mean_before=row.get("before"),
                mean_after=row.get("after"),
            )
        )
    return results


def course_results(course: Course) -> Results:
    """The course's results over all its sessions, and each session's own line."""
    ratings = OutcomeRating.objects.filter(evaluation__booking__session__course=course)
    evaluations = Evaluation.objects.filter(booking__session__course=course)
    attended = Booking.objects.filter(
        session__course=course, attendance=Booking.Attendance.ATTENDED
    ).count()
    totals = evaluations.aggregate(responses=Count("id"), satisfaction=Avg("satisfaction"))
    return Results(
        outcomes=_outcome_results(course, ratings),
        attended=attended,
        responses=totals["responses"],
        mean_satisfaction=totals["satisfaction"],
        sessions=_session_lines(course),
    )


def _session_lines(course: Course) -> list[SessionResult]:
    """One line per session that has had anyone attend, latest first."""
    sessions = list(
        Session.objects.filter(course=course)
        .annotate(
            attended=Count("bookings", filter=Q(bookings__attendance=Booking.Attendance.ATTENDED))
        )
        .filter(attended__gt=0)
        .order_by("-starts_at", "-id")
    )
    by_session: dict[int, Mapping[str, Any]] = {
        row["booking__session_id"]: row
        for row in Evaluation.objects.filter(booking__session__course=course)
        .values("booking__session_id")
        .annotate(responses=Count("id"), satisfaction=Avg("satisfaction"))
    }
    gains = {
        row["evaluation__booking__session_id"]: row["gain"]
        for row in OutcomeRating.objects.filter(evaluation__booking__session__course=course)
        .values("evaluation__booking__session_id")
        .annotate(gain=Avg("confidence_after") - Avg("confidence_before"))
    }
    return [
        SessionResult(
            session=session,
            attended=session.attended,
            responses=by_session.get(session.pk, {}).get("responses", 0),
            mean_satisfaction=by_session.get(session.pk, {}).get("satisfaction"),
            mean_gain=gains.get(session.pk),
        )
        for session in sessions
    ]


def session_results(session: Session) -> Results:
    ratings = OutcomeRating.objects.filter(evaluation__booking__session=session)
    evaluations = Evaluation.objects.filter(booking__session=session)
    attended = session.bookings.filter(attendance=Booking.Attendance.ATTENDED).count()
    totals = evaluations.aggregate(responses=Count("id"), satisfaction=Avg("satisfaction"))
    return Results(
        outcomes=_outcome_results(session.course, ratings),
        attended=attended,
        responses=totals["responses"],
        mean_satisfaction=totals["satisfaction"],
    )

"""The three-month follow-up, aggregated: did the training change practice?

Everything here is self-reported. For a course, a session or a set of sessions: how many
follow-ups were sent and answered, how many answered that their practice changed, partly
changed or did not, and the confidence of those who answered — before and after the session
(the mean of their evaluation's outcome ratings) and at the follow-up (the optional rating
on the follow-up form). Two grouped queries, whatever the number of sessions or answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Avg, Count, Q, QuerySet
from django.utils.safestring import SafeString

from ..models import Course, FollowUp, OutcomeRating, Session
from .charts import follow_up_chart


@dataclass(frozen=True)
class FollowUpSummary:
    sent: int
    responses: int
    changed: int
    partly: int
    not_changed: int
    mean_confidence_before: float | None
    mean_confidence_after: float | None
    mean_confidence_follow_up: float | None

    @property
    def response_rate(self) -> float | None:
        return self.responses / self.sent if self.sent else None

    def _share(self, count: int) -> float | None:
        return count / self.responses if self.responses else None

    @property
    def changed_share(self) -> float | None:
        """The share of answers saying practice changed: "partly" is not counted here."""
        return self._share(self.changed)

    @property
    def partly_share(self) -> float | None:
        return self._share(self.partly)

    @property
    def not_changed_share(self) -> float | None:
        return self._share(self.not_changed)

    @property
    def has_responses(self) -> bool:
        return self.responses > 0


def _scope(
    prefix: str,
    *,
    course: Course | None,
    session: Session | None,
    sessions: Iterable[Session] | None,
) -> Q:
    """The bookings of the course, the session or the sessions given (all that are given)."""
    if course is None and session is None and sessions is None:
        raise TypeError("Give a course, a session or sessions to summarise follow-ups for.")
    scope = Q()
    if course is not None:
        scope &= Q(**{f"{prefix}session__course": course})
    if session is not None:
        scope &= Q(**{f"{prefix}session": session})
    if sessions is not None:
        scope &= Q(**{f"{prefix}session__in": sessions})
    return scope


def follow_up_summary(
    *,
    course: Course | None = None,
    session: Session | None = None,
    sessions: Iterable[Session] | None = None,
) -> FollowUpSummary:
    """The follow-up answers of a course's, a session's or several sessions' attendees."""
    if sessions is not None and not isinstance(sessions, QuerySet):
        sessions = list(sessions)  # iterated twice below
    scope = {"course": course, "session": session, "sessions": sessions}
    answered = Q(responded_at__isnull=False)
    totals = FollowUp.objects.filter(_scope("booking__", **scope)).aggregate(
        sent=Count("id"),
        responses=Count("id", filter=answered),
        changed=Count("id", filter=answered & Q(practice_changed=FollowUp.Change.YES)),
        partly=Count("id", filter=answered & Q(practice_changed=FollowUp.Change.PARTLY)),
        not_changed=Count("id", filter=answered & Q(practice_changed=FollowUp.Change.NO)),
        follow_up=Avg("confidence_follow_up", filter=answered),
    )
    confidence = (
        OutcomeRating.objects.filter(_scope("evaluation__booking__", **scope))
        .filter(evaluation__booking__follow_up__responded_at__isnull=False)
        .aggregate(before=Avg("confidence_before"), after=Avg("confidence_after"))
    )
    return FollowUpSummary(
        sent=totals["sent"],
        responses=totals["responses"],
        changed=totals["changed"],
        partly=totals["partly"],
        not_changed=totals["not_changed"],
        mean_confidence_before=confidence["before"],
        mean_confidence_after=confidence["after"],
        mean_confidence_follow_up=totals["follow_up"],
    )


def follow_up_answers(
    *,
    course: Course | None = None,
    session: Session | None = None,
    sessions: Iterable[Session] | None = None,
    limit: int = 50,
) -> list[str]:
    """What changed, in the learners' own words, latest first — without their names."""
    if sessions is not None and not isinstance(sessions, QuerySet):
        sessions = list(sessions)
    return list(
        FollowUp.objects.filter(
            _scope("booking__", course=course, session=session, sessions=sessions),
            responded_at__isnull=False,
        )
        .exclude(what_changed="")
        .order_by("-responded_at", "-id")
        .values_list("what_changed", flat=True)[:limit]
    )


@dataclass(frozen=True)
class FollowUpSection:
    """What a results page shows of the follow-up: the figures, the chart of confidence
    before, after and now (with the table of the same figures beside it), the answers."""

    summary: FollowUpSummary
    chart: SafeString | None
    answers: list[str]


def follow_up_section(
    *,
    of: str,
    chart_id: str,
    course: Course | None = None,
    session: Session | None = None,
    sessions: Iterable[Session] | None = None,
) -> FollowUpSection:
    """Three queries. `of` names what the chart is of: "Safeguarding basics"."""
    if sessions is not None and not isinstance(sessions, QuerySet):
        sessions = list(sessions)
    scope = {"course": course, "session": session, "sessions": sessions}
    summary = follow_up_summary(**scope)
    return FollowUpSection(
        summary=summary,
        chart=follow_up_chart(
            summary=summary,
            title=f"Self-reported confidence before, after and three months after {of}",
            chart_id=chart_id,
        ),
        answers=follow_up_answers(**scope) if summary.responses else [],
    )

"""The reach rule: who counts as trained on a lesson.

Training reaches a lesson only once the lesson exists, and only through the courses that
teach it. So reach counts attendance on or after the lesson's date — a review's incident (its
findings cannot be older), a briefing's sharing, a theme's first review incident or briefing —
on the courses linked to it: the courses linked to the review, or tagged with the theme. Not
every course: the basic awareness course counts only where someone linked it. The reach page
and a review's "Training it led to" both count through `Lesson`, and state the rule it
applies in one sentence.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Min, Q, QuerySet
from django.utils import timezone

from safeboard.core.dates import long_date
from safeboard.reviews.models import Briefing, Review
from safeboard.themes.models import Theme

from ..models import Booking, Course, Session


@dataclass(frozen=True)
class Lesson:
    """Attendance from `since` (when given) on the courses `linked` to a lesson."""

    linked: Q  # which courses teach it
    linked_text: str  # "a course linked to this review"
    since: datetime.date | None = None
    since_text: str = ""  # what the date is: "the date of the incident"

    @property
    def rule(self) -> str:
        if self.since is None:
            return f"Counts people who attended {self.linked_text}."
        return (
            f"Counts people who attended, on or after {long_date(self.since)} "
            f"({self.since_text}), {self.linked_text}."
        )

    def courses(self) -> QuerySet[Course]:
        return Course.objects.filter(self.linked).distinct()

    def counts_from(self, prefix: str = "") -> Q:
        """Sessions (under `prefix`, e.g. "sessions__") that started on or after the lesson's
        date, local time: attendance the day before does not count."""
        if self.since is None:
            return Q()
        midnight = timezone.make_aware(datetime.datetime.combine(self.since, datetime.time.min))
        return Q(**{f"{prefix}starts_at__gte": midnight})

    def sessions(self, within: Q | None = None) -> QuerySet[Session]:
        """The linked courses' sessions from the lesson's date, within the period if given."""
        sessions = Session.objects.filter(
            self.counts_from(), course__in=self.courses().values("pk")
        )
        return sessions.filter(within) if within is not None else sessions

    def attended(self, within: Q | None = None) -> QuerySet[Booking]:
        """The places attended that count: one a person per session."""
        return Booking.objects.filter(
            session__in=self.sessions(within).values("pk"), attendance=Booking.Attendance.ATTENDED
        )


def review_lesson(review: Review) -> Lesson:
    return Lesson(
        linked=Q(reviews=review),
        linked_text="a course linked to this review",
        since=review.incident_date,
        since_text="the date of the incident the review is about",
    )


def briefing_lesson(briefing: Briefing) -> Lesson:
    linked, about = (
        (Q(reviews=briefing.review_id), "linked to the review it is about")
        if briefing.review_id
        else (Q(themes=briefing.theme_id), "tagged with its theme")
    )
    return Lesson(
        linked=linked,
        linked_text=f"a course {about}",
        since=briefing.shared_on,
        since_text="the day the briefing was shared",
    )


def theme_lesson(theme: Theme) -> Lesson:
    """A theme's lesson exists from the first incident a review found it in, or the first
    briefing on it, whichever came first; until then it has no date to count from."""
    dates = [
        Review.objects.filter(findings__themes=theme).aggregate(first=Min("incident_date"))[
            "first"
        ],
        Briefing.objects.filter(theme=theme, shared_on__isnull=False).aggregate(
            first=Min("shared_on")
        )["first"],
    ]
    known = [day for day in dates if day is not None]
    return Lesson(
        linked=Q(themes=theme),
        linked_text="a course tagged with this theme",
        since=min(known) if known else None,
        since_text="the first incident a review found it in, or the first briefing on it",
    )

"""Reads of the catalogue: courses found by their filters, and the courses serving a priority,
with how many sessions were held and how many people attended. (The training a case review
led to is counted by the reach rule: reach/selectors.py, lesson_reach.)"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.priorities.models import Priority
from safeboard.reviews.models import Review
from safeboard.themes.models import Theme

from ..models import Booking, Course, Session

ATTENDED = Booking.Attendance.ATTENDED


@dataclass(frozen=True)
class CatalogueFilters:
    search: str = ""
    level: str = ""
    theme_id: int | None = None
    job_role_id: int | None = None
    include_withdrawn: bool = False


def course_catalogue(
    *, filters: CatalogueFilters | None = None, now: datetime.datetime | None = None
) -> QuerySet[Course]:
    """Courses, each with how many sessions are still to come and when the next one is."""
    filters = filters or CatalogueFilters()
    now = now or timezone.now()
    upcoming = Q(sessions__status=Session.Status.SCHEDULED, sessions__starts_at__gt=now)
    courses = Course.objects.all()
    if not filters.include_withdrawn:
        courses = courses.filter(is_active=True)
    if filters.level:
        courses = courses.filter(level=filters.level)
    if filters.theme_id:
        courses = courses.filter(
            pk__in=Course.themes.through.objects.filter(theme_id=filters.theme_id).values(
                "course_id"
            )
        )
    if filters.job_role_id:
        courses = courses.filter(
            pk__in=Course.job_roles.through.objects.filter(jobrole_id=filters.job_role_id).values(
                "course_id"
            )
        )
    if filters.search:
        words = filters.search.strip()
        courses = courses.filter(Q(title__icontains=words) | Q(summary__icontains=words))
    return courses.annotate(
        upcoming_count=Count("sessions", filter=upcoming),
        next_session_at=Min("sessions__starts_at", filter=upcoming),
    ).order_by("title")


def _with_reach(courses: QuerySet[Course], now: datetime.datetime) -> QuerySet[Course]:
    attended = Q(sessions__bookings__attendance=ATTENDED)
    return courses.annotate(
        sessions_held=Count(
            "sessions",
            filter=Q(sessions__status=Session.Status.SCHEDULED, sessions__starts_at__lte=now),
            distinct=True,
        ),
        attendances=Count("sessions__bookings", filter=attended),
        people_trained=Count("sessions__bookings__learner", filter=attended, distinct=True),
    ).order_by("title")


def reviews_user_may_link(user: User) -> QuerySet[Review]:
    """The case reviews the user may see, and so link a course to: every review for the
    business manager and the chair, otherwise published ones and those on whose team they are
    (reviews/rules.py)."""
    if user.has_role(Role.BUSINESS_MANAGER, Role.CHAIR):
        return Review.objects.order_by("-aware_date", "-id")
    published = Q(stage=Review.Stage.PUBLISHED, published_on__isnull=False)
    return (
        Review.objects.filter(published | Q(team__user=user))
        .distinct()
        .order_by("-aware_date", "-id")
    )


def courses_about(
    themes: Iterable[Theme] | QuerySet[Theme], *, now: datetime.datetime | None = None
) -> QuerySet[Course]:
    """The courses that teach any of `themes`, each once, with how many sessions have been
    held and how many people attended."""
    tagged = Course.objects.filter(themes__in=themes).values("pk")
    return _with_reach(Course.objects.filter(pk__in=tagged), now or timezone.now())


def courses_for_priority(
    priority: Priority, *, now: datetime.datetime | None = None
) -> QuerySet[Course]:
    return _with_reach(Course.objects.filter(priorities=priority), now or timezone.now())

"""Reads of training for its pages, the home page, a review's and a priority's pages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Min, Q, QuerySet, Sum
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.reviews.models import Review

from .models import Booking, Charge, Course, Event, Learner, Session

BOOKED = Q(bookings__status=Booking.Status.BOOKED)
WAITING = Q(bookings__status=Booking.Status.WAITING)
ATTENDED = Booking.Attendance.ATTENDED


def with_places(sessions: QuerySet[Session]) -> QuerySet[Session]:
    """Sessions with `booked`, `waiting` and `places_left` counted in the same query."""
    return sessions.annotate(
        booked=Count("bookings", filter=BOOKED),
        waiting=Count("bookings", filter=WAITING),
    ).annotate(places_left=F("capacity") - F("booked"))


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


def upcoming_sessions(*, course: Course, now: datetime.datetime | None = None) -> list[Session]:
    """The course's sessions still to come, soonest first, with the places left on each."""
    now = now or timezone.now()
    return list(
        with_places(
            course.sessions.filter(status=Session.Status.SCHEDULED, starts_at__gt=now)
        ).select_related("event")
    )


def held_sessions(*, course: Course, now: datetime.datetime | None = None) -> list[Session]:
    """Sessions that have started, latest first, with attendance marked and still to mark."""
    now = now or timezone.now()
    return list(
        course.sessions.filter(status=Session.Status.SCHEDULED, starts_at__lte=now)
        .annotate(
            booked=Count("bookings", filter=BOOKED),
            attended=Count("bookings", filter=BOOKED & Q(bookings__attendance=ATTENDED)),
            no_shows=Count(
                "bookings", filter=BOOKED & Q(bookings__attendance=Booking.Attendance.NO_SHOW)
            ),
        )
        .annotate(unmarked=F("booked") - F("attended") - F("no_shows"))
        .order_by("-starts_at", "-id")
    )


def live_bookings_by_session(*, learner: Learner | None, sessions) -> dict[int, Booking]:
    """The learner's own place or waiting-list place on each of these sessions."""
    if learner is None:
        return {}
    bookings = Booking.objects.filter(learner=learner, session__in=list(sessions)).exclude(
        status=Booking.Status.CANCELLED
    )
    return {booking.session_id: booking for booking in bookings}


def session_page(session_id: int) -> Session:
    return (
        with_places(Session.objects.filter(pk=session_id))
        .select_related("course", "event", "trainer__person")
        .get()
    )


def session_bookings(*, session: Session) -> list[Booking]:
    """Everyone booked or waiting on the session (for its trainer and the training team)."""
    return list(
        session.bookings.exclude(status=Booking.Status.CANCELLED)
        .select_related("learner__agency", "learner__job_role")
        .order_by("status", "booked_at", "id")
    )


def event_sessions(*, event: Event) -> list[Session]:
    return list(with_places(event.sessions.select_related("course")).order_by("starts_at", "id"))


def event_list() -> QuerySet[Event]:
    return Event.objects.annotate(session_count=Count("sessions")).order_by("-starts_on", "-id")


def learner_bookings(*, learner: Learner) -> QuerySet[Booking]:
    """A learner's own bookings, latest session first, with what they need to do next."""
    return (
        Booking.objects.filter(learner=learner)
        .select_related("session__course", "evaluation", "follow_up")
        .order_by("-session__starts_at", "-id")
    )


def staff_bookings(*, manager: Learner) -> QuerySet[Booking]:
    """The bookings of a line manager's staff, latest session first."""
    return (
        Booking.objects.filter(learner__manager=manager)
        .select_related("learner__job_role", "session__course", "evaluation")
        .order_by("-session__starts_at", "learner__full_name", "id")
    )


def bookable_staff(*, manager: Learner) -> QuerySet[Learner]:
    return manager.staff.filter(is_active=True).order_by("full_name", "id")


@dataclass(frozen=True)
class ChargeFilters:
    agency_id: int | None = None
    kind: str = ""
    raised_from: datetime.date | None = None
    raised_to: datetime.date | None = None


def charge_list(*, filters: ChargeFilters | None = None) -> QuerySet[Charge]:
    filters = filters or ChargeFilters()
    charges = Charge.objects.select_related(
        "agency", "booking__learner", "booking__session__course"
    )
    if filters.agency_id is not None:
        charges = charges.filter(agency_id=filters.agency_id)
    if filters.kind:
        charges = charges.filter(kind=filters.kind)
    if filters.raised_from:
        charges = charges.filter(raised_on__gte=filters.raised_from)
    if filters.raised_to:
        charges = charges.filter(raised_on__lte=filters.raised_to)
    return charges.order_by("-raised_on", "agency__name", "id")


def charge_totals(charges: QuerySet[Charge]) -> dict:
    """How many charges and how much, in all and by kind: one query."""
    totals = charges.order_by().aggregate(
        count=Count("id"),
        total=Sum("amount"),
        places=Sum("amount", filter=Q(kind=Charge.Kind.PLACE)),
        no_shows=Sum("amount", filter=Q(kind=Charge.Kind.NO_SHOW)),
    )
    return {key: value or 0 for key, value in totals.items()}


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


def reviews_user_may_link(user) -> QuerySet[Review]:
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


def courses_for_review(review, *, now: datetime.datetime | None = None) -> QuerySet[Course]:
    """The training a case review led to: the courses that teach it, with how many sessions
    have been held and how many people attended (learning/includes/review_training.html)."""
    return _with_reach(Course.objects.filter(reviews=review), now or timezone.now())


def courses_for_priority(priority, *, now: datetime.datetime | None = None) -> QuerySet[Course]:
    return _with_reach(Course.objects.filter(priorities=priority), now or timezone.now())


@dataclass(frozen=True)
class HomeTasks:
    next_places: list[Booking]  # the user's places and waiting-list places to come, soonest first
    to_evaluate: list[Booking]  # sessions they attended and have not evaluated, latest first
    to_mark: list[Session]  # sessions they train that have begun with places still unmarked


def home_tasks(*, user, now: datetime.datetime, limit: int = 5) -> HomeTasks:
    """What the home page shows about training, in one query over bookings: the user's own as
    a learner, and the unmarked places on the sessions they train (each such session gets
    `unmarked`, its count)."""
    own = Q(learner__user=user, learner__is_active=True) & (
        Q(
            status__in=[Booking.Status.BOOKED, Booking.Status.WAITING],
            session__status=Session.Status.SCHEDULED,
            session__starts_at__gt=now,
        )
        | Q(attendance=ATTENDED, evaluation__isnull=True)
    )
    unmarked = Q(
        session__trainer=user,
        session__status=Session.Status.SCHEDULED,
        session__starts_at__lte=now,
        status=Booking.Status.BOOKED,
        attendance="",
    )
    bookings = list(
        Booking.objects.filter(own | unmarked)
        .select_related("learner", "session__course")
        .order_by("session__starts_at", "id")
    )
    mine = [b for b in bookings if b.learner.user_id == user.pk]
    to_mark: dict[int, Session] = {}
    for booking in reversed(bookings):
        session = booking.session
        if session.trainer_id == user.pk and booking.attendance == "" and session.starts_at <= now:
            to_mark.setdefault(session.pk, session)
            to_mark[session.pk].unmarked = getattr(to_mark[session.pk], "unmarked", 0) + 1
    return HomeTasks(
        next_places=[b for b in mine if b.session.starts_at > now][:limit],
        to_evaluate=[
            b for b in reversed(mine) if b.attendance == ATTENDED and b.session.starts_at <= now
        ][:limit],
        to_mark=list(to_mark.values())[: limit * 2],
    )

"""Reach: how many people attended training linked to a review, a briefing, a theme or a
priority, counted by the reach rule (rule.py): from the lesson's date, on its linked courses.

The annual report quotes it ("540 practitioners from 12 agencies heard the lessons of the
Child F review"). A person counts once however many sessions they attended; each belongs to
one agency and one role, so the counts by agency and by role add up to the total. Every
figure comes from a fixed number of queries that count in the database.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.dates import a_year_before
from safeboard.priorities.models import Priority
from safeboard.reviews.models import Briefing, Review
from safeboard.themes.models import Theme

from ..models import Booking, Course, Session
from .rule import Lesson, briefing_lesson, review_lesson, theme_lesson

THEME, PRIORITY, REVIEW, BRIEFING = "theme", "priority", "review", "briefing"
SUBJECT_KINDS: dict[str, type[Theme] | type[Priority] | type[Review] | type[Briefing]] = {
    THEME: Theme,
    PRIORITY: Priority,
    REVIEW: Review,
    BRIEFING: Briefing,
}
KIND_LABELS = {THEME: "Theme", PRIORITY: "Priority", REVIEW: "Case review", BRIEFING: "Briefing"}


def _priority_lesson(priority: Priority) -> Lesson:
    return Lesson(linked=Q(priorities=priority), linked_text="a course linked to this priority")


LESSONS: dict[str, Callable] = {
    THEME: theme_lesson,
    PRIORITY: _priority_lesson,
    REVIEW: review_lesson,
    BRIEFING: briefing_lesson,
}


@dataclass(frozen=True)
class Subject:
    kind: str
    record: Theme | Priority | Review | Briefing

    @property
    def value(self) -> str:
        return subject_value(self.kind, self.record.pk)

    @property
    def label(self) -> str:
        return f"{KIND_LABELS[self.kind].lower()} {self.record}"

    def lesson(self) -> Lesson:
        return LESSONS[self.kind](self.record)

    def courses(self) -> QuerySet[Course]:
        return self.lesson().courses()


def subject_value(kind: str, pk: int) -> str:
    return f"{kind}-{pk}"


def reviews_visible_to(user: User) -> QuerySet[Review]:
    """Reviews the user may read: all for those who work on every review, otherwise the
    published ones and those whose team they are on. Unpublished reviews are confidential."""
    reviews = Review.objects.exclude(stage=Review.Stage.CLOSED)
    if user.has_perm("reviews.work_on_review"):
        return reviews
    published = Q(stage=Review.Stage.PUBLISHED, published_on__isnull=False)
    return reviews.filter(published | Q(team__user=user)).distinct()


def briefings_visible_to(user: User) -> QuerySet[Briefing]:
    """Shared briefings: on a theme, or on a review the user may read."""
    return Briefing.objects.filter(shared_on__isnull=False).filter(
        Q(review__isnull=True) | Q(review__in=reviews_visible_to(user).values("pk"))
    )


def subject_choices(user: User) -> list[tuple[str, list[tuple[str, str]]]]:
    """The themes, priorities, reviews and briefings the user may choose, grouped by kind."""
    themes = Theme.objects.filter(is_active=True)
    priorities = Priority.objects.select_related("plan").order_by("-plan__starts_on", "number")
    reviews = reviews_visible_to(user).order_by("reference")
    briefings = briefings_visible_to(user).order_by("-shared_on", "title")
    return [
        ("Themes", [(subject_value(THEME, t.pk), t.name) for t in themes]),
        ("Priorities", [(subject_value(PRIORITY, p.pk), str(p)) for p in priorities]),
        ("Case reviews", [(subject_value(REVIEW, r.pk), str(r)) for r in reviews]),
        ("Briefings", [(subject_value(BRIEFING, b.pk), b.title) for b in briefings]),
    ]


def subject_from_value(value: str) -> Subject | None:
    kind, _, pk = value.partition("-")
    model = SUBJECT_KINDS.get(kind)
    if model is None or not pk.isdigit():
        return None
    record = model.objects.filter(pk=int(pk)).first()
    return Subject(kind, record) if record is not None else None


@dataclass(frozen=True)
class Period:
    from_date: datetime.date
    to_date: datetime.date

    def session_starts(self) -> Q:
        """Sessions that started on a day within the period (local time)."""
        start = datetime.datetime.combine(self.from_date, datetime.time.min)
        end = datetime.datetime.combine(
            self.to_date + datetime.timedelta(days=1), datetime.time.min
        )
        return Q(starts_at__gte=timezone.make_aware(start), starts_at__lt=timezone.make_aware(end))


def default_period(today: datetime.date | None = None) -> Period:
    """The last 12 months up to today."""
    today = today or timezone.localdate()
    return Period(from_date=a_year_before(today) + datetime.timedelta(days=1), to_date=today)


@dataclass(frozen=True)
class ReachCell:
    agency: str
    agency_short: str
    job_role: str
    people: int
    places: int  # attended places: one person at two sessions is two places


@dataclass(frozen=True)
class ReachLine:
    name: str
    short_name: str
    people: int
    places: int


@dataclass(frozen=True)
class Reach:
    subject: Subject
    period: Period
    cells: list[ReachCell]
    sessions: int
    courses: list[Course] = field(default_factory=list)
    lesson: Lesson | None = None

    @property
    def rule(self) -> str:
        """The reach rule applied, in a sentence."""
        return self.lesson.rule if self.lesson else ""

    def counted_sessions(self) -> QuerySet[Session]:
        """The sessions whose attendance counts (a query to filter by, not read)."""
        assert self.lesson is not None
        return self.lesson.sessions(self.period.session_starts())

    @property
    def people(self) -> int:
        return sum(cell.people for cell in self.cells)

    @property
    def places(self) -> int:
        return sum(cell.places for cell in self.cells)

    @property
    def by_agency(self) -> list[ReachLine]:
        return _lines(self.cells, lambda cell: (cell.agency, cell.agency_short))

    @property
    def by_role(self) -> list[ReachLine]:
        return _lines(self.cells, lambda cell: (cell.job_role, cell.job_role))


def _lines(cells: list[ReachCell], key: Callable[[ReachCell], tuple[str, str]]) -> list[ReachLine]:
    totals: dict[tuple[str, str], list[int]] = {}
    for cell in cells:
        people_places = totals.setdefault(key(cell), [0, 0])
        people_places[0] += cell.people
        people_places[1] += cell.places
    lines = [ReachLine(name, short, p, places) for (name, short), (p, places) in totals.items()]
    return sorted(lines, key=lambda line: (-line.people, line.name))


def reach(*, subject: Subject, period: Period) -> Reach:
    """Distinct people who attended, in the period, sessions that count for the subject's
    lesson (rule.py), by agency and role. A few queries: the lesson's date, the courses, the
    counts, the sessions."""
    lesson = subject.lesson()
    courses = list(lesson.courses().order_by("title"))
    # Read from the lesson's sessions in the period (few), not from every attended place.
    attended = lesson.attended(period.session_starts())
    rows = (
        attended.values(
            "learner__agency__name",
            "learner__agency__short_name",
            "learner__job_role__name",
            "learner__job_role__position",
        )
        .annotate(people=Count("learner_id", distinct=True), places=Count("pk"))
        .order_by("learner__agency__name", "learner__job_role__position", "learner__job_role__name")
    )
    cells = [
        ReachCell(
            agency=row["learner__agency__name"],
            agency_short=row["learner__agency__short_name"] or row["learner__agency__name"],
            job_role=row["learner__job_role__name"],
            people=row["people"],
            places=row["places"],
        )
        for row in rows
    ]
    session_count = attended.aggregate(sessions=Count("session_id", distinct=True))["sessions"]
    return Reach(
        subject=subject,
        period=period,
        cells=cells,
        sessions=session_count,
        courses=courses,
        lesson=lesson,
    )


@dataclass(frozen=True)
class LessonReach:
    """The courses a lesson led to, each with the sessions held and the people trained that
    count by the rule, and the people trained across them all (each once)."""

    rule: str
    courses: list[Course]  # annotated with sessions_held and people_trained
    people: int


def lesson_reach(lesson: Lesson, *, now: datetime.datetime | None = None) -> LessonReach:
    """Two small queries, one without a course: the courses with the sessions held on each;
    each person trained on each course, once. Counted apart, each over its own index, rather
    than in one join of courses, sessions and bookings, which multiplies the rows it counts."""
    now = now or timezone.now()
    held = Q(lesson.counts_from("sessions__"), sessions__status=Session.Status.SCHEDULED)
    held &= Q(sessions__starts_at__lte=now)
    courses: list[Course] = list(
        Course.objects.filter(lesson.linked)
        .annotate(sessions_held=Count("sessions", filter=held, distinct=True))
        .order_by("title")
    )
    if not courses:
        return LessonReach(rule=lesson.rule, courses=[], people=0)
    ids = [course.pk for course in courses]
    # A person trained twice on a course is one person trained on it; the people across
    # all the courses are counted from the same pairs.
    course_learners = (
        Booking.objects.filter(
            lesson.counts_from("session__"),
            session__course__in=ids,
            attendance=Booking.Attendance.ATTENDED,
        )
        .values_list("session__course", "learner")
        .order_by()
        .distinct()
    )
    trained: Counter[int] = Counter()
    people: set[int] = set()
    for course_id, learner_id in course_learners:
        trained[course_id] += 1
        people.add(learner_id)
    for course in courses:  # as an annotation would set it, beside the courses' fields
        setattr(course, "people_trained", trained[course.pk])  # noqa: B010
    return LessonReach(rule=lesson.rule, courses=courses, people=len(people))

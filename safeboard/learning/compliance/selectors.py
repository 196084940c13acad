"""Training compliance: for each agency and role, how many staff are trained for their role,
and who is due or overdue a refresher.

A practitioner is trained for their role when they have attended every course their role
needs (the matrix in needs/), and each attendance is still current: within the course's
refresher period, or at any time for a course that needs no refresher. Every figure comes
from a fixed number of queries that count in the database, however many practitioners and
bookings there are.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from safeboard.core.dates import add_months
from safeboard.partnership.models import Agency

from ..models import Booking, Headcount, JobRole, Learner, Session, TrainingNeed

# A refresher counts as due this many days before its date, so that there is time to book.
REFRESHER_WARNING_DAYS = 90


@dataclass(frozen=True)
class Scope:
    """Whose training the compliance figures count: every agency, one agency, or one line
    manager's staff."""

    agency_id: int | None = None
    manager_id: int | None = None

    def learners(self, prefix: str = "") -> Q:
        condition = Q(**{f"{prefix}is_active": True})
        if self.agency_id is not None:
            condition &= Q(**{f"{prefix}agency_id": self.agency_id})
        if self.manager_id is not None:
            condition &= Q(**{f"{prefix}manager_id": self.manager_id})
        return condition

    @property
    def is_staff_of_a_manager(self) -> bool:
        return self.manager_id is not None


@dataclass(frozen=True)
class Needs:
    """The matrix as the compliance figures use it: each role's courses, and each course's
    refresher period turned into moments (attendance before them is out of date, or soon)."""

    today: datetime.date
    by_role: dict[int, set[int]]  # job role id → ids of the courses it needs
    refresher_months: dict[int, int]  # course id → months, for courses that need a refresher

    @classmethod
    def load(cls, today: datetime.date) -> Needs:
        by_role: dict[int, set[int]] = {}
        refresher_months = {}
        rows = TrainingNeed.objects.filter(course__is_active=True).values_list(
            "job_role_id", "course_id", "course__refresher_months"
        )
        for role_id, course_id, months in rows:
            by_role.setdefault(role_id, set()).add(course_id)
            if months:
                refresher_months[course_id] = months
        return cls(today=today, by_role=by_role, refresher_months=refresher_months)

    @property
    def courses(self) -> set[int]:
        return set().union(*self.by_role.values())

    def out_of_date_before(self, course_id: int) -> datetime.datetime | None:
        """Attendance before this moment no longer counts (None: it always counts)."""
        months = self.refresher_months.get(course_id)
        return None if months is None else _midnight(add_months(self.today, -months))

    def due_before(self, course_id: int) -> datetime.datetime | None:
        """Attendance before this moment makes a refresher due within the warning period."""
        months = self.refresher_months.get(course_id)
        if months is None:
            return None
        day = add_months(self.today, -months) + datetime.timedelta(REFRESHER_WARNING_DAYS)
        return _midnight(day)

    def current(self) -> Q:
        """On an attended place: it still counts, being within its course's refresher period
        (or of a course that needs no refresher)."""
        lasting = sorted(self.courses - self.refresher_months.keys())
        conditions = [Q(session__course_id__in=lasting)] if lasting else []
        conditions += [
            Q(
                session__course_id=course_id,
                session__starts_at__gte=self.out_of_date_before(course_id),
            )
            for course_id in sorted(self.refresher_months)
        ]
        return reduce(or_, conditions, Q(pk__in=[]))

    def places(self, lookup: str, moment, prefix: str = "") -> Q:
        """On places (or, with prefix "", sessions): the session started `lookup` (lt, gte)
        `moment(course_id)`, for the courses that need a refresher."""
        return reduce(
            or_,
            (
                Q(**{f"{prefix}course_id": c, f"{prefix}starts_at__{lookup}": moment(c)})
                for c in sorted(self.refresher_months)
            ),
            Q(pk__in=[]),
        )

    def overdue(self) -> Q:
        """On a (learner, course) group with its latest attendance as `last`: out of date."""
        return reduce(
            or_,
            (
                Q(session__course_id=c, last__lt=self.out_of_date_before(c))
                for c in sorted(self.refresher_months)
            ),
        )


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _needed_attendance(scope: Scope, needs: Needs) -> QuerySet[Booking]:
    """Attended places on courses the learner's own role needs. The matrix is small, so it is
    written into the query rather than joined for each of thousands of places."""
    needed_by_role = reduce(
        or_,
        (
            Q(learner__job_role_id=role_id, session__course_id__in=sorted(course_ids))
            for role_id, course_ids in sorted(needs.by_role.items())
        ),
        Q(pk__in=[]),
    )
    return Booking.objects.filter(
        scope.learners("learner__"),
        needed_by_role,
        attendance=Booking.Attendance.ATTENDED,
    )


def _refreshers(scope: Scope, needs: Needs, *fields: str) -> QuerySet:
    """One row per learner and needed course whose refresher is overdue or due soon, with
    `fields`, `last` (the latest attendance) and `overdue` (0 when overdue, 1 when due soon).

    Only attendance old enough to make a refresher due is read (from the few sessions that
    old), and a later attendance of the course, the refresher itself, rules it out."""
    old_sessions = Session.objects.filter(needs.places("lt", needs.due_before))
    refreshed = Booking.objects.filter(
        needs.places("gte", needs.due_before, prefix="session__"),
        learner_id=OuterRef("learner_id"),
        session__course_id=OuterRef("session__course_id"),
        status=Booking.Status.BOOKED,  # always so when attended: it steers to the learner index
        attendance=Booking.Attendance.ATTENDED,
    )
    return (
        _needed_attendance(scope, needs)
        .filter(session_id__in=old_sessions.values("pk"))
        .filter(~Exists(refreshed))
        .values("learner_id", "session__course_id", *fields)
        .annotate(last=Max("session__starts_at"))
        .annotate(
            overdue=Case(
                When(needs.overdue(), then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
    )


@dataclass(frozen=True)
class Counts:
    trained: int = 0
    refresher_due: int = 0  # people with a refresher overdue or due soon
    refresher_overdue: int = 0
    refreshers_due: int = 0  # refreshers overdue or due soon, one per person and course


def _grouped(sql: str, params: list) -> dict[tuple[int, int], list[int]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(agency, role): [int(n or 0) for n in figures] for agency, role, *figures in cursor}


def _trained(scope: Scope, needs: Needs) -> dict[tuple[int, int], list[int]]:
    """People who hold every course their role needs, by agency and role: the current needed
    courses counted per learner, then the learners who have them all."""
    per_learner = (
        _needed_attendance(scope, needs)
        .filter(needs.current())
        .values("learner_id", "learner__agency_id", "learner__job_role_id")
        .annotate(courses=Count("session__course_id", distinct=True))
        .order_by()
    )
    inner, params = per_learner.query.sql_with_params()
    q = connection.ops.quote_name
    agency, role, courses = q("learner__agency_id"), q("learner__job_role_id"), q("courses")
    every_course = " OR ".join(f"({role} = %s AND {courses} = %s)" for _ in needs.by_role)
    every_params = [n for r, c in sorted(needs.by_role.items()) for n in (r, len(c))]
    sql = (
        f"SELECT {agency}, {role}, SUM(CASE WHEN {every_course} THEN 1 ELSE 0 END) "  # noqa: S608
        f"FROM ({inner}) learners GROUP BY {agency}, {role}"
    )
    return _grouped(sql, [*every_params, *params])


def _refreshers_due(scope: Scope, needs: Needs) -> dict[tuple[int, int], list[int]]:
    """By agency and role: people with a refresher due (or overdue), people overdue, and
    refreshers due (one per person and course)."""
    pairs = _refreshers(scope, needs, "learner__agency_id", "learner__job_role_id").order_by()
    inner, params = pairs.query.sql_with_params()
    q = connection.ops.quote_name
    agency, role, learner = q("learner__agency_id"), q("learner__job_role_id"), q("learner_id")
    sql = (
        f"SELECT {agency}, {role}, COUNT(DISTINCT {learner}), "  # noqa: S608
        f"COUNT(DISTINCT CASE WHEN {q('overdue')} = 0 THEN {learner} END), COUNT(*) "
        f"FROM ({inner}) pairs GROUP BY {agency}, {role}"
    )
    return _grouped(sql, params)


def _counts(scope: Scope, needs: Needs) -> dict[tuple[int, int], Counts]:
    """Trained people and refreshers by agency and role, in two queries."""
    if not needs.by_role:
        return {}
    trained = _trained(scope, needs)
    due = _refreshers_due(scope, needs) if needs.refresher_months else {}
    return {
        cell: Counts(trained.get(cell, [0])[0], *due.get(cell, [0, 0, 0]))
        for cell in trained.keys() | due.keys()
    }


@dataclass(frozen=True)
class ComplianceRow:
    agency: Agency
    job_role: JobRole
    courses_needed: int
    headcount: int | None
    staff: int  # practitioners of the agency in the role who train with the partnership
    trained: int
    refresher_due: int  # people with a refresher overdue or due soon
    refresher_overdue: int

    @property
    def base(self) -> int | None:
        """What the percentage is of: the agency's headcount, or else the staff we know of."""
        return self.headcount if self.headcount is not None else (self.staff or None)

    @property
    def percent_trained(self) -> int | None:
        return _percent(self.trained, self.base)


def _percent(part: int, whole: int | None) -> int | None:
    return min(100, round(100 * part / whole)) if whole else None


@dataclass(frozen=True)
class Compliance:
    rows: list[ComplianceRow]
    refreshers_due: int  # how many (person, course) refreshers the names list holds


@dataclass(frozen=True)
class ComplianceTotals:
    headcount: int
    staff: int
    trained: int
    refresher_due: int
    refresher_overdue: int

    @property
    def percent_trained(self) -> int | None:
        return _percent(self.trained, self.headcount)


def figures(*, scope: Scope, today: datetime.date | None = None) -> Compliance:
    """For each agency and each role that needs training: headcount, staff, trained, and
    refreshers. Rows appear where the agency has a headcount or staff in such a role.
    Six queries, whatever the number of practitioners."""
    needs = Needs.load(today or timezone.localdate())
    counts = _counts(scope, needs)
    staff = {
        (row["agency_id"], row["job_role_id"]): row["people"]
        for row in Learner.objects.filter(scope.learners())
        .values("agency_id", "job_role_id")
        .annotate(people=Count("pk"))
        .order_by()
    }
    headcounts = {}
    if not scope.is_staff_of_a_manager:
        in_scope = Q(agency_id=scope.agency_id) if scope.agency_id is not None else Q()
        headcounts = {
            (row.agency_id, row.job_role_id): row.headcount
            for row in Headcount.objects.filter(in_scope)
        }
    cells = [cell for cell in staff.keys() | headcounts.keys() if cell[1] in needs.by_role]
    agencies = Agency.objects.in_bulk({agency for agency, _ in cells})
    roles = JobRole.objects.in_bulk({role for _, role in cells})
    rows = []
    for agency_id, role_id in cells:
        figures = counts.get((agency_id, role_id), Counts())
        rows.append(
            ComplianceRow(
                agency=agencies[agency_id],
                job_role=roles[role_id],
                courses_needed=len(needs.by_role[role_id]),
                headcount=headcounts.get((agency_id, role_id)),
                staff=staff.get((agency_id, role_id), 0),
                trained=figures.trained,
                refresher_due=figures.refresher_due,
                refresher_overdue=figures.refresher_overdue,
            )
        )
    rows.sort(key=lambda row: (row.agency.name, row.job_role.position, row.job_role.name))
    return Compliance(
        rows=rows, refreshers_due=sum(figures.refreshers_due for figures in counts.values())
    )


def totals(rows: Iterable[ComplianceRow]) -> ComplianceTotals:
    rows = list(rows)
    return ComplianceTotals(
        headcount=sum(row.base or 0 for row in rows),
        staff=sum(row.staff for row in rows),
        trained=sum(row.trained for row in rows),
        refresher_due=sum(row.refresher_due for row in rows),
        refresher_overdue=sum(row.refresher_overdue for row in rows),
    )


@dataclass(frozen=True)
class RefresherDue:
    """One person's refresher of one course, as listed by name."""

    full_name: str
    agency: str
    job_role: str
    course: str
    last_attended: datetime.date
    due_on: datetime.date
    is_overdue: bool


def refresher_list(*, scope: Scope, today: datetime.date | None = None) -> QuerySet:
    """Who is overdue or soon due a refresher, one row per person and course: overdue first,
    then by agency and name."""
    needs = Needs.load(today or timezone.localdate())
    if not needs.refresher_months:
        return Booking.objects.none().values("learner_id")
    return _refreshers(
        scope,
        needs,
        "learner__full_name",
        "learner__agency__name",
        "learner__job_role__name",
        "session__course__title",
        "session__course__refresher_months",
    ).order_by(
        "overdue",
        "learner__agency__name",
        "learner__full_name",
        "learner_id",
        "session__course__title",
    )


def refresher_entries(rows: Iterable[dict], today: datetime.date) -> list[RefresherDue]:
    """The rows of one page of `refresher_list`, with the date each refresher falls due."""
    entries = []
    for row in rows:
        last = timezone.localdate(row["last"])
        due_on = add_months(last, row["session__course__refresher_months"])
        entries.append(
            RefresherDue(
                full_name=row["learner__full_name"],
                agency=row["learner__agency__name"],
                job_role=row["learner__job_role__name"],
                course=row["session__course__title"],
                last_attended=last,
                due_on=due_on,
                is_overdue=due_on < today,
            )
        )
    return entries

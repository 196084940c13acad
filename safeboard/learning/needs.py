"""Training needs: which roles need which courses (the matrix the training team edits), and
how many staff each agency has in each role (the headcounts agencies give). What they add up
to, who is trained and who is due a refresher, is in compliance.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from safeboard.core.history import save_with_reason
from safeboard.partnership.models import Agency

from .models import Course, Headcount, JobRole, TrainingNeed

UNKNOWN_CELL = (
    "A course or role in the form no longer exists, so nothing was saved. "
    "Reload the page and tick the boxes again."
)
NEGATIVE_HEADCOUNT = "Enter a headcount of 0 or more."
HEADCOUNT_TOO_LARGE = "Enter a headcount of 100,000 or fewer."
MAX_HEADCOUNT = 100_000
NEEDS_CHANGED = "Training needs changed."
HEADCOUNT_REASON = "Headcount given for {agency}."


# ---- the matrix ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixRow:
    course: Course
    cells: list[tuple[JobRole, bool]]  # each role, and whether it needs the course


@dataclass(frozen=True)
class Matrix:
    roles: list[JobRole]
    rows: list[MatrixRow]

    @property
    def ticked(self) -> int:
        return sum(needed for row in self.rows for _, needed in row.cells)


def cell_value(job_role_id: int, course_id: int) -> str:
    """How one cell of the matrix is named in the form: role, then course."""
    return f"{job_role_id}-{course_id}"


def parse_cell(value: str) -> tuple[int, int]:
    role, _, course = value.partition("-")
    return int(role), int(course)


def needs_matrix() -> Matrix:
    """Every role against every course on offer, with the cells ticked where a role needs one."""
    roles = list(JobRole.objects.all())
    courses = list(Course.objects.filter(is_active=True).order_by("title"))
    needed = set(
        TrainingNeed.objects.filter(course__is_active=True).values_list("job_role_id", "course_id")
    )
    rows = [
        MatrixRow(course, [(role, (role.pk, course.pk) in needed) for role in roles])
        for course in courses
    ]
    return Matrix(roles=roles, rows=rows)


@dataclass(frozen=True)
class NeedsChange:
    added: int
    removed: int


def training_needs_set(*, cells: Iterable[tuple[int, int]]) -> NeedsChange:
    """Make the matrix exactly `cells` (role id, course id) for the courses on offer.

    Cells of retired courses are kept as they are: the matrix no longer shows them."""
    wanted = set(cells)
    with transaction.atomic():
        role_ids = set(JobRole.objects.values_list("pk", flat=True))
        course_ids = set(Course.objects.filter(is_active=True).values_list("pk", flat=True))
        if any(role not in role_ids or course not in course_ids for role, course in wanted):
            raise ValidationError(UNKNOWN_CELL)
        existing = {
            (need.job_role_id, need.course_id): need.pk
            for need in TrainingNeed.objects.filter(course_id__in=course_ids).select_for_update()
        }
        removed = [pk for cell, pk in existing.items() if cell not in wanted]
        TrainingNeed.objects.filter(pk__in=removed).delete()
        TrainingNeed.objects.bulk_create(
            TrainingNeed(job_role_id=role, course_id=course)
            for role, course in sorted(wanted - existing.keys())
        )
    return NeedsChange(added=len(wanted - existing.keys()), removed=len(removed))


# ---- headcounts ---------------------------------------------------------------------------


def headcounts_of(agency: Agency) -> dict[int, Headcount]:
    """The agency's headcounts by job role id."""
    return {
        headcount.job_role_id: headcount
        for headcount in Headcount.objects.filter(agency=agency).select_related("job_role")
    }


def headcounts_set(
    *, agency: Agency, counts: Mapping[int, int | None], as_of: datetime.date
) -> int:
    """Record the agency's headcount in each role (None: not known, so removed); returns how
    many changed. Unchanged figures keep their date."""
    errors = {}
    for role_id, count in counts.items():
        if count is not None and count < 0:
            errors[f"role_{role_id}"] = NEGATIVE_HEADCOUNT
        elif count is not None and count > MAX_HEADCOUNT:
            errors[f"role_{role_id}"] = HEADCOUNT_TOO_LARGE
    if errors:
        raise ValidationError(errors)
    reason = HEADCOUNT_REASON.format(agency=agency.name)
    changed = 0
    with transaction.atomic():
        role_ids = set(JobRole.objects.filter(pk__in=counts).values_list("pk", flat=True))
        current = {
            row.job_role_id: row
            for row in Headcount.objects.filter(agency=agency).select_for_update()
        }
        for role_id, count in counts.items():
            if role_id not in role_ids:
                raise ValidationError(UNKNOWN_CELL)
            row = current.get(role_id)
            if count is None:
                if row is not None:
                    row._change_reason = reason
                    row.delete()
                    changed += 1
            elif row is None:
                row = Headcount(agency=agency, job_role_id=role_id, headcount=count, as_of=as_of)
                save_with_reason(row, reason)
                changed += 1
            elif row.headcount != count:
                row.headcount, row.as_of = count, as_of
                save_with_reason(row, reason, fields=["headcount", "as_of"])
                changed += 1
    return changed

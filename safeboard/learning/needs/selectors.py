"""Reads of training needs: the matrix of roles against courses, and an agency's headcounts."""

from __future__ import annotations

from dataclasses import dataclass

from safeboard.partnership.models import Agency

from ..models import Course, Headcount, JobRole, TrainingNeed


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


def headcounts_of(agency: Agency) -> dict[int, Headcount]:
    """The agency's headcounts by job role id."""
    return {
        headcount.job_role_id: headcount
        for headcount in Headcount.objects.filter(agency=agency).select_related("job_role")
    }

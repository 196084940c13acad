"""What training adds to a priority's page: the courses that serve it, with how many
sessions were held and how many people attended."""

from __future__ import annotations

from safeboard.priorities.extensions import EvidenceSection, register_evidence_section

from .catalogue import selectors


def summarise_courses(courses: list) -> str:
    people = sum(course.attendances for course in courses)
    count = len(courses)
    return (
        f"{count} course{'s' if count != 1 else ''}, "
        f"{people} attendance{'s' if people != 1 else ''} in all."
    )


TRAINING_SECTION = EvidenceSection(
    key="training",
    heading="Training",
    template_name="learning/includes/priority_training.html",
    records=lambda priority: selectors.courses_for_priority(priority),
    view_permission="learning.view_course",
    empty_text="No courses serve this priority.",
    summarise=summarise_courses,
    order=50,
)


def register_priority_evidence() -> None:
    register_evidence_section(TRAINING_SECTION)

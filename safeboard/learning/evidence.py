"""What training adds to a priority's page (the courses that serve it) and to a theme's page (the
courses that teach it), with how many sessions were held and how many people attended."""

from __future__ import annotations

from safeboard.core.extension_points import PRIORITY, THEME, Evidence

from .catalogue import selectors


def summarise_courses(courses: list) -> str:
    people = sum(course.attendances for course in courses)
    count = len(courses)
    return (
        f"{count} course{'s' if count != 1 else ''}, "
        f"{people} attendance{'s' if people != 1 else ''} in all."
    )


TRAINING_SECTION = Evidence(
    subject=PRIORITY,
    key="training",
    heading="Training",
    template_name="learning/includes/priority_training.html",
    records=lambda priority, user: selectors.courses_for_priority(priority),
    view_permission="learning.view_course",
    empty_text="No courses serve this priority.",
    counted_as=("course", "courses"),
    summarise=summarise_courses,
    order=50,
)

COURSES_SECTION = Evidence(
    subject=THEME,
    key="training-courses",
    heading="Training courses",
    template_name="learning/includes/priority_training.html",
    records=lambda themes, user: selectors.courses_about(themes),
    view_permission="learning.view_course",
    counted_as=("course", "courses"),
    empty_text="No course teaches this theme.",
    summarise=summarise_courses,
    order=70,
)

"""Courses with and without refreshers, and attendance some months ago."""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from safeboard.learning.factories import (
    BookingFactory,
    CourseFactory,
    JobRoleFactory,
    LearnerFactory,
    SessionFactory,
)
from safeboard.learning.models import Booking, TrainingNeed


def needed(role, *, refresher_months=None, title=None):
    """A course the role needs."""
    fields = {"refresher_months": refresher_months}
    if title:
        fields["title"] = title
    course = CourseFactory(**fields)
    TrainingNeed.objects.create(job_role=role, course=course)
    return course


def days_ago_for(months: int, extra_days: int = 0) -> int:
    today = timezone.localdate()
    return (today - (today - relativedelta(months=months))).days + extra_days


def attend(learner, course, *, days_ago: int = 30, attendance=Booking.Attendance.ATTENDED):
    session = SessionFactory(course=course, days=-days_ago)
    return BookingFactory(learner=learner, session=session, attendance=attendance)


def learner(agency, role, **fields):
    return LearnerFactory(agency=agency, job_role=role, **fields)


def role(name="Social worker"):
    return JobRoleFactory(name=name)


def today() -> datetime.date:
    return timezone.localdate()

"""Records the training tests share: learners for the cast's accounts, courses, sessions."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from safeboard.accounts.roles import Role
from safeboard.learning.factories import (
    BookingFactory,
    CourseFactory,
    EvaluationFactory,
    FollowUpFactory,
    JobRoleFactory,
    LearnerFactory,
    SessionFactory,
)
from safeboard.learning.models import Booking, Learner

OUTCOMES = [
    "Recognise the signs that a child is being exploited",
    "Make a referral to the multi-agency safeguarding hub",
    "Share information lawfully with other agencies",
]


def learner_for(user, **fields) -> Learner:
    """The user's learner record (made once): they train with the partnership."""
    existing = Learner.objects.filter(user=user).first()
    if existing is not None:
        return existing
    fields.setdefault("job_role", JobRoleFactory(name="Police officer"))
    return LearnerFactory(user=user, full_name=str(user), **fields)


def practitioner(cast) -> Learner:
    """The home agency's practitioner, managed by its agency lead (who has a learner too)."""
    manager = learner_for(cast[Role.AGENCY_LEAD], job_role=JobRoleFactory(name="Team manager"))
    learner = learner_for(cast[Role.PRACTITIONER])
    if learner.manager_id != manager.pk:
        learner.manager = manager
        learner.save(update_fields=["manager"])
    return learner


def course(**fields):
    fields.setdefault("outcomes", OUTCOMES)
    return CourseFactory(**fields)


def session(days: int = 14, **fields):
    fields.setdefault("course", course())
    return SessionFactory(days=days, **fields)


def held_session(cast, days: int = -7, **fields):
    """A session held last week (by default), trained by the home agency's board member."""
    fields.setdefault("trainer", cast[Role.BOARD_MEMBER])
    return session(days=days, **fields)


def booking(learner: Learner, on=None, **fields) -> Booking:
    return BookingFactory(learner=learner, session=on or session(), **fields)


def attended(learner: Learner, on=None) -> Booking:
    return booking(learner, on=on or session(days=-7), attendance=Booking.Attendance.ATTENDED)


def evaluated(learner: Learner, on=None) -> Booking:
    place = attended(learner, on=on)
    EvaluationFactory(booking=place)
    return place


def followed_up(learner: Learner) -> Booking:
    place = attended(learner, on=session(days=-100))
    FollowUpFactory(booking=place, sent_on=timezone.localdate() - datetime.timedelta(days=10))
    return place


def priced_course(fee: str = "45.00", no_show: str = "30.00"):
    return course(fee_per_place=Decimal(fee), no_show_charge=Decimal(no_show))


def theme(name: str = "Child exploitation"):
    """A theme (made here: a transactional test elsewhere may have flushed the seeded ones)."""
    from safeboard.themes.models import Theme

    return Theme.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]

"""Factories for training; the tests and the demo partnership both use them."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from safeboard.core.factories import ModelFactory, TypographicFaker
from safeboard.partnership.factories import AgencyFactory

from .models import (
    AgencyDomain,
    Booking,
    Charge,
    Course,
    Evaluation,
    Event,
    FollowUp,
    Headcount,
    JobRole,
    Learner,
    LearningOutcome,
    OutcomeRating,
    Session,
    TrainingNeed,
)


class JobRoleFactory(ModelFactory):
    class Meta:
        model = JobRole
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Job role {n}")


class AgencyDomainFactory(ModelFactory):
    class Meta:
        model = AgencyDomain

    agency = factory.SubFactory(AgencyFactory)
    domain = factory.Sequence(lambda n: f"agency{n}.example")


class LearnerFactory(ModelFactory):
    """A practitioner who trains with the partnership; pass user= to give them an account."""

    class Meta:
        model = Learner

    full_name = TypographicFaker("name", locale="en_GB")
    email = factory.LazyAttributeSequence(
        lambda learner, n: learner.user.email if learner.user else f"learner{n}@practice.example"
    )
    agency = factory.LazyAttribute(
        lambda learner: (
            learner.user.agency if learner.user and learner.user.person_id else AgencyFactory()
        )
    )
    job_role = factory.SubFactory(JobRoleFactory, name="Social worker")
    user = None


class CourseFactory(ModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Course {n}: working together to safeguard children")
    summary = "How agencies share information and act together when a child may be at risk."
    level = Course.Level.CORE
    is_multi_agency = True
    fee_per_place = Decimal("0.00")
    no_show_charge = Decimal("0.00")

    @factory.post_generation
    def outcomes(self, create, extracted, **kwargs):
        """outcomes=["...", ...] gives the course those learning outcomes, in order."""
        if create and extracted:
            LearningOutcome.objects.bulk_create(
                LearningOutcome(course=self, text=text, position=position)
                for position, text in enumerate(extracted, start=1)
            )


class LearningOutcomeFactory(ModelFactory):
    class Meta:
        model = LearningOutcome

    course = factory.SubFactory(CourseFactory)
    text = factory.Sequence(lambda n: f"Explain step {n} of a multi-agency referral")
    position = factory.Sequence(lambda n: n + 1)


class EventFactory(ModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Learning from reviews conference {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda event: event.starts_on)


def _at(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class SessionFactory(ModelFactory):
    """A session a fortnight ahead, 09:30 to 12:30; `days` moves it (negative: held)."""

    class Meta:
        model = Session

    class Params:
        days = 14

    course = factory.SubFactory(CourseFactory)
    starts_at = factory.LazyAttribute(
        lambda session: _at(session.days, 9) + datetime.timedelta(minutes=30)
    )
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + datetime.timedelta(hours=3))
    venue = "Council offices, Committee room 2"
    capacity = 20


class BookingFactory(ModelFactory):
    class Meta:
        model = Booking

    session = factory.SubFactory(SessionFactory)
    learner = factory.SubFactory(LearnerFactory)
    status = Booking.Status.BOOKED
    booked_at = factory.LazyFunction(timezone.now)


class EvaluationFactory(ModelFactory):
    """An evaluation with a rating of every outcome of the course (before 2, after 4)."""

    class Meta:
        model = Evaluation
        skip_postgeneration_save = True

    booking = factory.SubFactory(BookingFactory, attendance=Booking.Attendance.ATTENDED)
    satisfaction = 4
    submitted_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def ratings(self, create, extracted, **kwargs):
        """ratings={outcome: (before, after)} overrides the default 2 and 4."""
        if not create:
            return
        given = extracted or {}
        OutcomeRating.objects.bulk_create(
            OutcomeRating(
                evaluation=self,
                outcome=outcome,
                confidence_before=given.get(outcome, (2, 4))[0],
                confidence_after=given.get(outcome, (2, 4))[1],
            )
            for outcome in self.booking.session.course.outcomes.all()
        )


class FollowUpFactory(ModelFactory):
    class Meta:
        model = FollowUp

    booking = factory.SubFactory(BookingFactory, attendance=Booking.Attendance.ATTENDED)
    sent_on = factory.LazyFunction(timezone.localdate)


class OutcomeRatingFactory(ModelFactory):
    """How sure a practitioner felt of one outcome, before the course and after."""

    class Meta:
        model = OutcomeRating

    evaluation = factory.SubFactory(EvaluationFactory)
    outcome = factory.SubFactory(
        LearningOutcomeFactory, course=factory.SelfAttribute("..evaluation.booking.session.course")
    )
    confidence_before = 2
    confidence_after = 4


class ChargeFactory(ModelFactory):
    """A place fee raised to the agency of the practitioner booked."""

    class Meta:
        model = Charge

    booking = factory.SubFactory(BookingFactory, attendance=Booking.Attendance.ATTENDED)
    agency = factory.SelfAttribute("booking.learner.agency")
    kind = Charge.Kind.PLACE
    amount = Decimal("40.00")
    raised_on = factory.LazyFunction(timezone.localdate)


class TrainingNeedFactory(ModelFactory):
    """A course that staff in a job role need (a tick in the needs matrix)."""

    class Meta:
        model = TrainingNeed

    job_role = factory.SubFactory(JobRoleFactory)
    course = factory.SubFactory(CourseFactory)


class HeadcountFactory(ModelFactory):
    """How many staff an agency has in a job role."""

    class Meta:
        model = Headcount

    agency = factory.SubFactory(AgencyFactory)
    job_role = factory.SubFactory(JobRoleFactory)
    headcount = 20
    as_of = factory.LazyFunction(timezone.localdate)


class CourseJobRoleFactory(ModelFactory):
    """A job role a course is meant for."""

    class Meta:
        model = Course.job_roles.through

    course = factory.SubFactory(CourseFactory)
    jobrole = factory.SubFactory(JobRoleFactory)


class CourseThemeFactory(ModelFactory):
    """A theme a course teaches (its theme= is required: themes are seeded, not made)."""

    class Meta:
        model = Course.themes.through

    course = factory.SubFactory(CourseFactory)


class CoursePriorityFactory(ModelFactory):
    """A business plan priority a course delivers."""

    class Meta:
        model = Course.priorities.through

    course = factory.SubFactory(CourseFactory)
    priority = factory.SubFactory("safeboard.priorities.factories.PriorityFactory")


class CourseReviewFactory(ModelFactory):
    """A case review whose learning a course teaches."""

    class Meta:
        model = Course.reviews.through

    course = factory.SubFactory(CourseFactory)
    review = factory.SubFactory("safeboard.reviews.factories.ReviewFactory")

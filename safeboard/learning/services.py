"""Changes to the training offer: courses and their learning outcomes, events and sessions.

Booking places is in booking.py, attendance and charges in attendance.py, evaluation and the
follow-up survey in evaluation.py. Each function here is one transaction.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.core.history import save_with_reason

from . import booking as booking_services
from . import notifications
from .models import Booking, Course, Event, LearningOutcome, Session

TITLE_TAKEN = "A course called “{title}” already exists. Give this one another title."
NO_OUTCOMES = "Enter at least one learning outcome, one on each line."
OUTCOME_TOO_LONG = "Each learning outcome must be 300 characters or fewer."
NEGATIVE_AMOUNT = "Enter an amount of £0 or more."
OUTCOME_RATED = (
    "This outcome has been rated in {count} evaluation{s}, so it cannot be removed: "
    "change its words instead, or leave it."
)
EVENT_ENDS_BEFORE_START = "The last day of the event cannot be before its first day."
SESSION_ENDS_BEFORE_START = "The session must end after it starts."
NO_VENUE = "Enter the venue, or say that the session is online."
CAPACITY_TOO_SMALL = "Enter at least 1 place."
CAPACITY_BELOW_BOOKED = (
    "{booked} places are already booked: the session cannot have fewer places than that. "
    "Cancel bookings first."
)
SESSION_OUTSIDE_EVENT = "The session must fall within the event, {starts} to {ends}."
SESSION_CANCELLED = "This session has been cancelled: it cannot be changed."
SESSION_ALREADY_STARTED = "This session has already started: it cannot be cancelled."
NO_CANCEL_REASON = "Say why the session is cancelled: everyone booked is told."
OUTCOME_MAX_LENGTH = 300


def _outcome_texts(lines: Iterable[str]) -> list[str]:
    texts = [line.strip() for line in lines if line.strip()]
    if any(len(text) > OUTCOME_MAX_LENGTH for text in texts):
        raise ValidationError({"outcomes": OUTCOME_TOO_LONG})
    return texts


def _check_title(title: str, *, course: Course | None = None) -> None:
    taken = Course.objects.filter(title__iexact=title.strip())
    if course is not None:
        taken = taken.exclude(pk=course.pk)
    if taken.exists():
        raise ValidationError({"title": TITLE_TAKEN.format(title=title.strip())})


def _check_amounts(fee_per_place: Decimal, no_show_charge: Decimal) -> None:
    errors = {}
    if fee_per_place < 0:
        errors["fee_per_place"] = NEGATIVE_AMOUNT
    if no_show_charge < 0:
        errors["no_show_charge"] = NEGATIVE_AMOUNT
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def course_create(
    *,
    title: str,
    summary: str,
    level: str,
    is_multi_agency: bool,
    outcomes: Sequence[str],
    job_roles: Iterable = (),
    themes: Iterable = (),
    reviews: Iterable = (),
    priorities: Iterable = (),
    fee_per_place: Decimal = Decimal("0"),
    no_show_charge: Decimal = Decimal("0"),
    refresher_months: int | None = None,
) -> Course:
    """A new course in the catalogue, with its learning outcomes in the order given."""
    texts = _outcome_texts(outcomes)
    if not texts:
        raise ValidationError({"outcomes": NO_OUTCOMES})
    _check_title(title)
    _check_amounts(fee_per_place, no_show_charge)
    course = Course(
        title=title.strip(),
        summary=summary.strip(),
        level=level,
        is_multi_agency=is_multi_agency,
        fee_per_place=fee_per_place,
        no_show_charge=no_show_charge,
        refresher_months=refresher_months,
    )
    course.full_clean()
    course.save()
    _link(course, job_roles=job_roles, themes=themes, reviews=reviews, priorities=priorities)
    LearningOutcome.objects.bulk_create(
        LearningOutcome(course=course, text=text, position=position)
        for position, text in enumerate(texts, start=1)
    )
    return course


def _link(course: Course, *, job_roles, themes, reviews, priorities) -> None:
    course.job_roles.set(job_roles)
    course.themes.set(themes)
    course.reviews.set(reviews)
    course.priorities.set(priorities)


@transaction.atomic
def course_update(
    *,
    course: Course,
    title: str,
    summary: str,
    level: str,
    is_multi_agency: bool,
    is_active: bool,
    job_roles: Iterable = (),
    themes: Iterable = (),
    reviews: Iterable = (),
    priorities: Iterable = (),
    fee_per_place: Decimal = Decimal("0"),
    no_show_charge: Decimal = Decimal("0"),
    refresher_months: int | None = None,
) -> Course:
    """Change what a course is. A fee changed here applies to places marked from now on:
    charges already raised keep the amount they were raised at."""
    _check_title(title, course=course)
    _check_amounts(fee_per_place, no_show_charge)
    course.title = title.strip()
    course.summary = summary.strip()
    course.level = level
    course.is_multi_agency = is_multi_agency
    course.is_active = is_active
    course.fee_per_place = fee_per_place
    course.no_show_charge = no_show_charge
    course.refresher_months = refresher_months
    course.full_clean()
    course.save()
    _link(course, job_roles=job_roles, themes=themes, reviews=reviews, priorities=priorities)
    return course


@transaction.atomic
def outcome_add(*, course: Course, text: str) -> LearningOutcome:
    """A learning outcome at the end of the course's list."""
    last = course.outcomes.order_by("-position").values_list("position", flat=True).first()
    outcome = LearningOutcome(course=course, text=text.strip(), position=(last or 0) + 1)
    outcome.full_clean()
    outcome.save()
    return outcome


@transaction.atomic
def outcome_update(*, outcome: LearningOutcome, text: str) -> LearningOutcome:
    outcome.text = text.strip()
    outcome.full_clean()
    outcome.save(update_fields=["text"])
    return outcome


@transaction.atomic
def outcome_remove(*, outcome: LearningOutcome) -> None:
    """Remove an outcome nobody has rated yet; rated ones are the evaluation's evidence."""
    from .models import OutcomeRating

    rated = OutcomeRating.objects.filter(outcome=outcome).count()
    if rated:
        raise ValidationError(OUTCOME_RATED.format(count=rated, s="" if rated == 1 else "s"))
    course = outcome.course
    outcome.delete()
    _renumber(course)


@transaction.atomic
def outcome_move(*, outcome: LearningOutcome, up: bool) -> None:
    """Swap the outcome with the one before it (up) or after it; at either end, nothing."""
    outcomes = list(outcome.course.outcomes.select_for_update().order_by("position", "id"))
    index = next(i for i, item in enumerate(outcomes) if item.pk == outcome.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(outcomes):
        outcomes[index], outcomes[other] = outcomes[other], outcomes[index]
        _save_positions(outcomes)


def _renumber(course: Course) -> None:
    _save_positions(list(course.outcomes.order_by("position", "id")))


def _save_positions(outcomes: list[LearningOutcome]) -> None:
    for position, item in enumerate(outcomes, start=1):
        item.position = position
    LearningOutcome.objects.bulk_update(outcomes, ["position"])


def _check_event_dates(starts_on: datetime.date, ends_on: datetime.date) -> None:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": EVENT_ENDS_BEFORE_START})


@transaction.atomic
def event_create(
    *, title: str, starts_on: datetime.date, ends_on: datetime.date, description: str = ""
) -> Event:
    _check_event_dates(starts_on, ends_on)
    event = Event(
        title=title.strip(), description=description.strip(), starts_on=starts_on, ends_on=ends_on
    )
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    description: str = "",
) -> Event:
    _check_event_dates(starts_on, ends_on)
    event.title = title.strip()
    event.description = description.strip()
    event.starts_on = starts_on
    event.ends_on = ends_on
    event.full_clean()
    event.save()
    return event


def _check_session(
    *,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    venue: str,
    is_online: bool,
    capacity: int,
    event: Event | None,
) -> None:
    errors = {}
    if ends_at <= starts_at:
        errors["ends_at"] = SESSION_ENDS_BEFORE_START
    if not venue.strip() and not is_online:
        errors["venue"] = NO_VENUE
    if capacity < 1:
        errors["capacity"] = CAPACITY_TOO_SMALL
    if event is not None:
        day = timezone.localtime(starts_at).date()
        if not event.starts_on <= day <= event.ends_on:
            errors["event"] = SESSION_OUTSIDE_EVENT.format(
                starts=f"{event.starts_on:%d %B %Y}", ends=f"{event.ends_on:%d %B %Y}"
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def session_create(
    *,
    course: Course,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    capacity: int,
    venue: str = "",
    is_online: bool = False,
    trainer=None,
    trainer_name: str = "",
    event: Event | None = None,
) -> Session:
    _check_session(
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue,
        is_online=is_online,
        capacity=capacity,
        event=event,
    )
    session = Session(
        course=course,
        event=event,
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue.strip(),
        is_online=is_online,
        trainer=trainer,
        trainer_name=trainer_name.strip(),
        capacity=capacity,
    )
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def session_update(
    *,
    session: Session,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    capacity: int,
    venue: str = "",
    is_online: bool = False,
    trainer=None,
    trainer_name: str = "",
    event: Event | None = None,
) -> list[Booking]:
    """Change a session; more places move the waiting list up. Returns those given a place."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status == Session.Status.CANCELLED:
        raise ValidationError(SESSION_CANCELLED)
    _check_session(
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue,
        is_online=is_online,
        capacity=capacity,
        event=event,
    )
    booked = session.bookings.filter(status=Booking.Status.BOOKED).count()
    if capacity < booked:
        raise ValidationError({"capacity": CAPACITY_BELOW_BOOKED.format(booked=booked)})
    session.starts_at = starts_at
    session.ends_at = ends_at
    session.venue = venue.strip()
    session.is_online = is_online
    session.trainer = trainer
    session.trainer_name = trainer_name.strip()
    session.capacity = capacity
    session.event = event
    session.full_clean()
    session.save()
    return booking_services.fill_free_places(session)


@transaction.atomic
def session_cancel(*, session: Session, reason: str, cancelled_by) -> list[Booking]:
    """Cancel a session that has not started, and every booking and waiting-list place on it;
    everyone who held one is told by email, with the reason. Returns their bookings."""
    session = Session.objects.select_for_update().select_related("course").get(pk=session.pk)
    if session.status == Session.Status.CANCELLED:
        raise ValidationError(SESSION_CANCELLED)
    if session.starts_at <= timezone.now():
        raise ValidationError(SESSION_ALREADY_STARTED)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": NO_CANCEL_REASON})
    session.status = Session.Status.CANCELLED
    save_with_reason(session, f"Cancelled: {reason}", fields=["status"])
    live = list(session.bookings.exclude(status=Booking.Status.CANCELLED).select_related("learner"))
    now = timezone.now()
    for booking in live:
        booking.status = Booking.Status.CANCELLED
        booking.cancelled_at = now
        save_with_reason(booking, "The session was cancelled.", fields=["status", "cancelled_at"])
    notifications.after_commit(notifications.send_session_cancelled, session, live, reason)
    return live

"""Training's part in the daily reminder run.

A source for the digest (learners with an account): sessions coming up within 7 days,
evaluations still to complete, follow-up surveys still to answer. Two daily steps, for what
the digest cannot carry: the reminder of a session to learners without an account (the digest
goes only to accounts), and the follow-up survey 90 days after a session. Both are recorded
on the booking, so a repeated run sends nothing twice.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterator

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from safeboard.core.dates import long_date
from safeboard.reminders.models import ReminderKind
from safeboard.reminders.sources import DUE_SOON_DAYS, Due

from . import notifications
from .models import Booking, FollowUp, Session

logger = logging.getLogger(__name__)

# Evaluations are chased for this long after the session; after that the follow-up survey
# asks the question that matters, and nobody is nagged about training long past.
EVALUATION_CHASED_FOR_DAYS = 60
FOLLOW_UP_AFTER_DAYS = 90
# A survey missed (the job did not run, or the system is new) is still sent this many days
# late, but no later: nobody is asked about a session they had years ago.
FOLLOW_UP_CATCH_UP_DAYS = 30
FOLLOW_UP_ANSWER_DAYS = 14


def _day_bounds(first: datetime.date, last: datetime.date) -> tuple:
    """Aware datetimes from the start of `first` to the end of `last`, in local time."""
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(last, datetime.time.max))
    return start, end


def _upcoming_places(today: datetime.date):
    start, end = _day_bounds(today, today + datetime.timedelta(days=DUE_SOON_DAYS))
    return Booking.objects.filter(
        status=Booking.Status.BOOKED,
        session__status=Session.Status.SCHEDULED,
        session__starts_at__range=(start, end),
    ).select_related("learner__user", "session__course")


def _has_account(learner) -> Q:
    return Q(**{f"{learner}user__isnull": False, f"{learner}user__is_active": True})


def training_reminders(today: datetime.date) -> Iterator[Due]:
    """What the digest reminds learners with an account of."""
    yield from _sessions_soon(today)
    yield from _evaluations_due(today)
    yield from _follow_ups_due(today)


def _sessions_soon(today: datetime.date) -> Iterator[Due]:
    for booking in _upcoming_places(today).filter(_has_account("learner__")):
        session = booking.session
        starts_at = timezone.localtime(session.starts_at)
        where = "online" if session.is_online else session.venue
        yield Due(
            ReminderKind.TRAINING_SESSION_SOON,
            booking.learner.user,
            booking,
            starts_at.date(),
            f"{session.course.title} on {long_date(starts_at.date())} at "
            f"{starts_at:%H:%M}, {where}",
        )


def _evaluations_due(today: datetime.date) -> Iterator[Due]:
    start, end = _day_bounds(today - datetime.timedelta(days=EVALUATION_CHASED_FOR_DAYS), today)
    bookings = (
        Booking.objects.filter(
            attendance=Booking.Attendance.ATTENDED,
            evaluation__isnull=True,
            session__starts_at__range=(start, end),
        )
        .filter(_has_account("learner__"))
        .select_related("learner__user", "session__course")
    )
    for booking in bookings:
        day = timezone.localtime(booking.session.starts_at).date()
        yield Due(
            ReminderKind.TRAINING_EVALUATION_DUE,
            booking.learner.user,
            booking,
            day,
            f"Evaluate {booking.session.course.title}, which you attended on {long_date(day)}: "
            "your certificate is released once you have",
            link=reverse("learning:evaluation", args=[booking.pk]),
        )


def _follow_ups_due(today: datetime.date) -> Iterator[Due]:
    follow_ups = (
        FollowUp.objects.filter(
            responded_at__isnull=True,
            sent_on__gte=today - datetime.timedelta(days=FOLLOW_UP_ANSWER_DAYS),
        )
        .filter(_has_account("booking__learner__"))
        .select_related("booking__learner__user", "booking__session__course")
    )
    for follow_up in follow_ups:
        booking = follow_up.booking
        due_on = follow_up.sent_on + datetime.timedelta(days=FOLLOW_UP_ANSWER_DAYS)
        yield Due(
            ReminderKind.TRAINING_FOLLOW_UP_DUE,
            booking.learner.user,
            booking,
            due_on,
            f"Tell us what has changed in your practice since {booking.session.course.title}",
            link=reverse("learning:follow_up", args=[booking.pk]),
        )


def remind_learners_without_accounts(*, today: datetime.date) -> int:
    """Email the reminder of a session within 7 days to learners the digest cannot reach.

    Each booking records the session start it was reminded of, set in the same transaction
    as the email is sent, so a second run that day sends nothing; a session moved to another
    start is reminded again."""
    sent = 0
    bookings = _upcoming_places(today).exclude(_has_account("learner__"))
    for booking in bookings.exclude(reminded_for=F("session__starts_at")):
        try:
            with transaction.atomic():
                claimed = (
                    Booking.objects.filter(pk=booking.pk)
                    .exclude(reminded_for=booking.session.starts_at)
                    .update(reminded_for=booking.session.starts_at)
                )
                if claimed:
                    # Raises if it cannot be sent, so the claim is undone and tried tomorrow.
                    notifications.send_session_reminder(booking, quietly=False)
        except Exception:
            logger.exception("Session reminder to %s could not be sent", booking.learner.email)
            continue
        sent += claimed
    return sent


def send_follow_up_surveys(*, today: datetime.date) -> int:
    """Create the follow-up survey of each attended session 90 days on, and email its link.

    The survey is one-to-one with the booking, so a repeated run (or two at once) finds it
    made and sends nothing more."""
    due = today - datetime.timedelta(days=FOLLOW_UP_AFTER_DAYS)
    start, end = _day_bounds(due - datetime.timedelta(days=FOLLOW_UP_CATCH_UP_DAYS), due)
    bookings = Booking.objects.filter(
        attendance=Booking.Attendance.ATTENDED,
        follow_up__isnull=True,
        session__ends_at__range=(start, end),
    ).select_related("learner", "session__course")
    sent = 0
    for booking in bookings:
        try:
            with transaction.atomic():
                follow_up = FollowUp.objects.create(booking=booking, sent_on=today)
                # Raises if it cannot be sent, so the survey is undone and tried tomorrow.
                notifications.send_follow_up(follow_up, quietly=False)
        except IntegrityError:
            continue  # another run made it
        except Exception:
            logger.exception("Follow-up survey to %s could not be sent", booking.learner.email)
            continue
        sent += 1
    return sent

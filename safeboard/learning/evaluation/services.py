"""Evaluation after a session, the follow-up survey three months on, and the certificate.

The attendee rates their confidence on each of the course's learning outcomes as it was
before the session and as it is after, from 1 to 5, with their overall satisfaction: the
gain between the two is the first evidence that training changed something. The follow-up
asks, 90 days later, whether their practice has changed. The certificate is released once
the evaluation is in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..booking import states
from ..models import RATING_MAX, RATING_MIN, Booking, Evaluation, FollowUp, OutcomeRating

NOT_RATED = "Rate your confidence before and after the session on: {outcome}"
OUT_OF_RANGE = "Rate {what} from 1 to 5."
NO_CHANGE_ANSWER = "Say whether your practice has changed: yes, partly or no."
NO_CHANGE_DETAIL = "Say what has changed in your practice."


@dataclass(frozen=True)
class Rating:
    before: int
    after: int


def before_field(outcome_id: int) -> str:
    """The form field (and error key) of one outcome's confidence before the session."""
    return f"before_{outcome_id}"


def after_field(outcome_id: int) -> str:
    return f"after_{outcome_id}"


def _in_range(value: object) -> bool:
    return (
        isinstance(value, int) and not isinstance(value, bool) and RATING_MIN <= value <= RATING_MAX
    )


@transaction.atomic
def evaluation_submit(
    *,
    booking: Booking,
    ratings: Mapping[int, Rating],
    satisfaction: int,
    comments: str = "",
) -> Evaluation:
    """Record the attendee's evaluation: a rating for every learning outcome of the course,
    each before and after from 1 to 5, and satisfaction from 1 to 5. All or nothing."""
    # Read afresh: the evaluation may have been sent since the booking was read.
    refusal = states.evaluation_refusal(
        Booking.objects.select_related("evaluation").get(pk=booking.pk)
    )
    if refusal:
        raise ValidationError(refusal)
    errors: dict[str, str] = {}
    outcomes = list(booking.session.course.outcomes.order_by("position", "id"))
    for outcome in outcomes:
        rating = ratings.get(outcome.pk)
        if rating is None:
            errors[before_field(outcome.pk)] = NOT_RATED.format(outcome=outcome.text)
            continue
        if not _in_range(rating.before):
            errors[before_field(outcome.pk)] = OUT_OF_RANGE.format(
                what=f"your confidence before the session on “{outcome.text}”"
            )
        if not _in_range(rating.after):
            errors[after_field(outcome.pk)] = OUT_OF_RANGE.format(
                what=f"your confidence after the session on “{outcome.text}”"
            )
    if not _in_range(satisfaction):
        errors["satisfaction"] = OUT_OF_RANGE.format(what="your overall satisfaction")
    if errors:
        raise ValidationError(errors)
    evaluation = Evaluation(
        booking=booking,
        satisfaction=satisfaction,
        comments=comments.strip(),
        submitted_at=timezone.now(),
    )
    evaluation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            evaluation.save()
    except IntegrityError:  # the same person submitting twice at once
        raise ValidationError(states.ALREADY_EVALUATED) from None
    rows = [
        OutcomeRating(
            evaluation=evaluation,
            outcome=outcome,
            confidence_before=ratings[outcome.pk].before,
            confidence_after=ratings[outcome.pk].after,
        )
        for outcome in outcomes
    ]
    for row in rows:
        row.full_clean(exclude=["evaluation"], validate_constraints=False)
    OutcomeRating.objects.bulk_create(rows)
    return evaluation


def certificate_context(booking: Booking) -> dict:
    """What the certificate shows: who attended what, when, and its learning outcomes."""
    session = booking.session
    return {
        "booking": booking,
        "learner": booking.learner,
        "course": session.course,
        "session": session,
        "day": timezone.localtime(session.starts_at).date(),
        "outcomes": list(session.course.outcomes.order_by("position", "id")),
    }


@transaction.atomic
def follow_up_respond(
    *,
    booking: Booking,
    practice_changed: str,
    what_changed: str = "",
    confidence: int | None = None,
) -> FollowUp:
    """The learner's answer to the follow-up survey: has their practice changed, and how; and,
    if they say, how confident they feel now, from 1 to 5."""
    follow_up = FollowUp.objects.select_for_update().filter(booking=booking).first()
    refusal = states.follow_up_refusal(follow_up)
    if refusal or follow_up is None:  # a missing follow-up is always refused
        raise ValidationError(refusal or states.NO_FOLLOW_UP)
    if practice_changed not in FollowUp.Change.values:
        raise ValidationError({"practice_changed": NO_CHANGE_ANSWER})
    what_changed = what_changed.strip()
    if practice_changed != FollowUp.Change.NO and not what_changed:
        raise ValidationError({"what_changed": NO_CHANGE_DETAIL})
    if confidence is not None and not _in_range(confidence):
        raise ValidationError(
            {"confidence": OUT_OF_RANGE.format(what="how confident you feel now")}
        )
    follow_up.confidence_follow_up = confidence
    follow_up.practice_changed = practice_changed
    follow_up.what_changed = what_changed
    follow_up.responded_at = timezone.now()
    follow_up.full_clean()
    follow_up.save()
    return follow_up

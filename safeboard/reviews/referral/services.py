"""A case from its referral to the rapid review, each change in one transaction.

The start of a case: referred for consideration under an edition of Working Together (whose
timescales it copies), then the serious incident notified and the rapid review sent, where the
edition asks for them. Which of these the case's state allows is in lifecycle.py; the decision
against the criteria is in decision/services.py, the review itself in conduct/services.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.dates import long_date
from safeboard.core.history import save_with_reason
from safeboard.core.references import next_reference
from safeboard.partnership.models import Agency

from ..frameworks.timescales import SNAPSHOT_FIELDS
from ..lifecycle import (
    notification_refusal,
    rapid_review_refusal,
    refuse,
)
from ..models import AWARE_BEFORE_INCIDENT, FrameworkEdition, RapidReview, Review

__all__ = [
    "AWARE_BEFORE_INCIDENT",
    "next_review_reference",
    "record_notification_sent",
    "rapid_review_record",
    "record_rapid_review_sent",
    "refer_case",
]

INCIDENT_IN_FUTURE = "The incident date cannot be in the future."
AWARE_IN_FUTURE = "The date the partnership became aware cannot be in the future."
PSEUDONYM_REQUIRED = 'Enter the child\u2019s pseudonym, such as "Child A".'
SUMMARY_REQUIRED = "Enter a summary of what happened."
AGENCIES_REQUIRED = "Select the agencies involved with the child."
EDITION_REQUIRED = "Select the edition of Working Together the case is considered under."
NOTIFIED_BEFORE_AWARE = (
    "The notification cannot be sent before the partnership became aware, on {date}."
)
NOTIFIED_IN_FUTURE = "The date the notification was sent cannot be in the future."
NOTIFIED_AFTER_RAPID_REVIEW = (
    "The notification must be sent before the rapid review, which was sent on {date}."
)
RAPID_REVIEW_BEFORE_NOTIFIED_ON = (
    "A rapid review cannot be sent before the notification, which was sent on {date}."
)
RAPID_REVIEW_IN_FUTURE = "The date the rapid review was sent cannot be in the future."
FACTS_REQUIRED = "Enter the facts known so far."
IMMEDIATE_ACTIONS_REQUIRED = "Enter the immediate actions taken to keep children safe."
LEARNING_REQUIRED = "Enter the learning identified so far."
NATIONAL_REVIEW_REQUIRED = "Say whether the case may be suitable for a national review."
LOCAL_REVIEW_REQUIRED = "Select the decision on a local child safeguarding practice review."
LOCAL_REVIEW_REASONS_REQUIRED = "Give the reasons for the decision on a local review."
RESPONSE_BEFORE_SENT = (
    "The Panel cannot respond before the rapid review is sent: enter the date sent."
)
RESPONSE_BEFORE_SENT_ON = "The Panel cannot respond before the rapid review was sent, on {date}."
RESPONSE_IN_FUTURE = "The date of the Panel's response cannot be in the future."
RESPONSE_DATE_REQUIRED = "Enter the date of the Panel's response."
RESPONSE_TEXT_REQUIRED = "Enter what the Panel said."

REFERENCE_PREFIX = "CR-{year}-"


def _today() -> datetime.date:
    return timezone.localdate()


def _lock(review: Review) -> Review:
    """Lock the review's row and read its current state: two people may act at once."""
    return Review.objects.select_for_update().select_related("edition").get(pk=review.pk)


def _refresh(review: Review, locked: Review, fields: Iterable[str]) -> None:
    for field in fields:
        setattr(review, field, getattr(locked, field))


def next_review_reference(year: int) -> str:
    """The next reference of the year: "CR-2026-01", "CR-2026-02"... (at least 2 digits)."""
    return next_reference(Review.objects.all(), prefix=REFERENCE_PREFIX.format(year=year), digits=2)


@transaction.atomic
def refer_case(
    *,
    edition: FrameworkEdition | None,
    child_pseudonym: str,
    age_band: str,
    agencies: Iterable[Agency],
    incident_date: datetime.date,
    aware_date: datetime.date,
    summary: str,
    referred_by: User,
) -> Review:
    """Refer a case for consideration: the review copies the edition's timescales now, so a
    later change to the framework table never moves its dates."""
    agencies = list(agencies)
    errors: dict[str, str] = {}
    today = _today()
    if edition is None:
        errors["edition"] = EDITION_REQUIRED
    if not child_pseudonym.strip():
        errors["child_pseudonym"] = PSEUDONYM_REQUIRED
    if not summary.strip():
        errors["summary"] = SUMMARY_REQUIRED
    if not agencies:
        errors["agencies"] = AGENCIES_REQUIRED
    if incident_date > today:
        errors["incident_date"] = INCIDENT_IN_FUTURE
    if aware_date > today:
        errors["aware_date"] = AWARE_IN_FUTURE
    elif aware_date < incident_date:
        errors["aware_date"] = AWARE_BEFORE_INCIDENT
    if errors:
        raise ValidationError(errors)
    review = Review(
        reference=next_review_reference(aware_date.year),
        edition=edition,
        child_pseudonym=child_pseudonym.strip(),
        age_band=age_band,
        incident_date=incident_date,
        aware_date=aware_date,
        summary=summary.strip(),
        referred_by=referred_by,
        **{field: getattr(edition, field) for field in SNAPSHOT_FIELDS},
    )
    review.full_clean()
    review.save()
    review.agencies.set(agencies)
    return review


@transaction.atomic
def record_notification_sent(*, review: Review, sent_on: datetime.date) -> None:
    """The serious incident notification (to the Panel, or to Ofsted under 2013)."""
    locked = _lock(review)
    refuse(notification_refusal(locked))
    if sent_on > _today():
        raise ValidationError({"sent_on": NOTIFIED_IN_FUTURE})
    if sent_on < locked.aware_date:
        raise ValidationError(
            {"sent_on": NOTIFIED_BEFORE_AWARE.format(date=long_date(locked.aware_date))}
        )
    rapid_review_sent_on = locked.rapid_review_sent_on
    if rapid_review_sent_on is not None and sent_on > rapid_review_sent_on:
        raise ValidationError(
            {"sent_on": NOTIFIED_AFTER_RAPID_REVIEW.format(date=long_date(rapid_review_sent_on))}
        )
    locked.notification_sent_on = sent_on
    save_with_reason(locked, "Notification sent", fields=["notification_sent_on"])
    _refresh(review, locked, ["notification_sent_on"])


@transaction.atomic
def record_rapid_review_sent(*, review: Review, sent_on: datetime.date) -> None:
    """The rapid review sent to the Panel; never before the notification (DATA.md)."""
    locked = _lock(review)
    refuse(rapid_review_refusal(locked))
    notified_on = locked.notification_sent_on
    if sent_on > _today():
        raise ValidationError({"sent_on": RAPID_REVIEW_IN_FUTURE})
    # The refusal above has made sure the notification was sent.
    if notified_on is not None and sent_on < notified_on:
        raise ValidationError(
            {"sent_on": RAPID_REVIEW_BEFORE_NOTIFIED_ON.format(date=long_date(notified_on))}
        )
    locked.rapid_review_sent_on = sent_on
    save_with_reason(locked, "Rapid review sent to the Panel", fields=["rapid_review_sent_on"])
    _refresh(review, locked, ["rapid_review_sent_on"])


def _check_sent_on(review: Review, sent_on: datetime.date | None) -> dict[str, str]:
    if sent_on is None:
        return {}
    notified_on = review.notification_sent_on
    if sent_on > _today():
        return {"sent_on": RAPID_REVIEW_IN_FUTURE}
    if notified_on is not None and sent_on < notified_on:
        return {"sent_on": RAPID_REVIEW_BEFORE_NOTIFIED_ON.format(date=long_date(notified_on))}
    return {}


def _check_response(
    sent_on: datetime.date | None, panel_response: str, panel_response_on: datetime.date | None
) -> dict[str, str]:
    if not panel_response.strip() and panel_response_on is None:
        return {}
    if not panel_response.strip():
        return {"panel_response": RESPONSE_TEXT_REQUIRED}
    if panel_response_on is None:
        return {"panel_response_on": RESPONSE_DATE_REQUIRED}
    if sent_on is None:
        return {"panel_response_on": RESPONSE_BEFORE_SENT}
    if panel_response_on > _today():
        return {"panel_response_on": RESPONSE_IN_FUTURE}
    if panel_response_on < sent_on:
        return {"panel_response_on": RESPONSE_BEFORE_SENT_ON.format(date=long_date(sent_on))}
    return {}


@transaction.atomic
def rapid_review_record(
    *,
    review: Review,
    facts: str,
    immediate_actions: str,
    learning: str,
    national_review: str,
    local_review: str,
    local_review_reasons: str,
    sent_on: datetime.date | None = None,
    panel_response: str = "",
    panel_response_on: datetime.date | None = None,
    recorded_by: User,
) -> RapidReview:
    """The partners' rapid review (DATA.md, "Case reviews: what each step records"): what is
    known, what was done to keep children safe, the learning, whether a national review may
    suit, the decision on a local review and why; then the day it went to the Panel and the
    Panel's response. Written once the notification is sent; changed as the answer comes."""
    locked = _lock(review)
    refuse(rapid_review_refusal(locked))
    required = {
        "facts": (facts, FACTS_REQUIRED),
        "immediate_actions": (immediate_actions, IMMEDIATE_ACTIONS_REQUIRED),
        "learning": (learning, LEARNING_REQUIRED),
        "local_review_reasons": (local_review_reasons, LOCAL_REVIEW_REASONS_REQUIRED),
    }
    errors = {name: message for name, (text, message) in required.items() if not text.strip()}
    if national_review not in RapidReview.NationalReview.values:
        errors["national_review"] = NATIONAL_REVIEW_REQUIRED
    if local_review not in RapidReview.LocalReview.values:
        errors["local_review"] = LOCAL_REVIEW_REQUIRED
    errors.update(_check_sent_on(locked, sent_on))
    errors.update(_check_response(sent_on, panel_response, panel_response_on))
    if errors:
        raise ValidationError(errors)
    record = RapidReview.objects.filter(review=locked).first() or RapidReview(review=locked)
    record.facts = facts.strip()
    record.immediate_actions = immediate_actions.strip()
    record.learning = learning.strip()
    record.national_review = national_review
    record.local_review = local_review
    record.local_review_reasons = local_review_reasons.strip()
    record.panel_response = panel_response.strip()
    record.panel_response_on = panel_response_on
    record.recorded_by = recorded_by
    record.full_clean()
    record.save()
    if locked.rapid_review_sent_on != sent_on:
        locked.rapid_review_sent_on = sent_on
        reason = "Rapid review sent to the Panel" if sent_on else "Rapid review not sent yet"
        save_with_reason(locked, reason, fields=["rapid_review_sent_on"])
    _refresh(review, locked, ["rapid_review_sent_on"])
    return record

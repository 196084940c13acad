"""A case from its referral to the decision against the criteria, each change in one transaction.

The life of a case: referred for consideration under an edition of Working Together (whose
timescales it copies) -> the serious incident notified and the rapid review sent, where the
edition asks for them -> the decision against each criterion, which moves the stage (no review:
closed; rapid review only: decided; a serious case, practice or learning review: in review)
-> the chair's sign-off. The review itself is in review_services.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.core.history import save_with_reason
from safeboard.core.references import next_reference
from safeboard.partnership.models import Agency, Person

from .models import (
    AWARE_BEFORE_INCIDENT,
    CriterionAnswer,
    Decision,
    FrameworkCriterion,
    FrameworkEdition,
    Review,
)
from .timescales import SNAPSHOT_FIELDS, review_due

__all__ = [
    "AWARE_BEFORE_INCIDENT",
    "criterion_field",
    "decision_record",
    "decision_sign_off",
    "next_review_reference",
    "outcomes_for",
    "record_notification_sent",
    "record_rapid_review_sent",
    "refer_case",
]

INCIDENT_IN_FUTURE = "The incident date cannot be in the future."
AWARE_IN_FUTURE = "The date the partnership became aware cannot be in the future."
PSEUDONYM_REQUIRED = 'Enter the child\u2019s pseudonym, such as "Child A".'
SUMMARY_REQUIRED = "Enter a summary of what happened."
AGENCIES_REQUIRED = "Select the agencies involved with the child."
EDITION_REQUIRED = "Select the edition of Working Together the case is considered under."

NO_NOTIFICATION = "Cases under {edition} are not notified: there is no notification to record."
NOTIFIED_BEFORE_AWARE = (
    "The notification cannot be sent before the partnership became aware, on {date}."
)
NOTIFIED_IN_FUTURE = "The date the notification was sent cannot be in the future."
NOTIFIED_AFTER_RAPID_REVIEW = (
    "The notification must be sent before the rapid review, which was sent on {date}."
)
NO_RAPID_REVIEW = "Cases under {edition} have no rapid review."
RAPID_REVIEW_BEFORE_NOTIFICATION = (
    "A rapid review cannot be sent before the notification: record the notification first."
)
RAPID_REVIEW_BEFORE_NOTIFIED_ON = (
    "A rapid review cannot be sent before the notification, which was sent on {date}."
)
RAPID_REVIEW_IN_FUTURE = "The date the rapid review was sent cannot be in the future."

OUTCOME_REQUIRED = "Select the decision."
OUTCOME_NOT_UNDER_EDITION = "{outcome} is not a decision made under {edition}."
REASONS_REQUIRED = "Give the reasons for the decision."
DECIDED_BY_REQUIRED = "Select who made the decision."
DECIDED_BEFORE_AWARE = "The decision cannot be made before the partnership became aware, on {date}."
DECIDED_IN_FUTURE = "The date of the decision cannot be in the future."
CRITERION_UNANSWERED = 'Answer criterion {code} ("{text}"): met, not met or unclear.'
CRITERION_REASON_REQUIRED = "Give the reason for the answer to criterion {code}."
DECISION_SIGNED_OFF = "The chair has signed this decision off: it can no longer be changed."
DECISION_TOO_LATE = "The review has reported: its decision can no longer be changed."
NO_DECISION = "There is no decision to sign off yet."
ALREADY_SIGNED_OFF = "The chair has already signed this decision off."
ONLY_THE_CHAIR = "Only the independent chair signs a decision off."

REFERENCE_PREFIX = "CR-{year}-"

# The decisions that start a review, and the stage each decision moves the case to.
REVIEW_OUTCOMES = frozenset(
    {Decision.Outcome.SCR, Decision.Outcome.LCSPR, Decision.Outcome.LEARNING_REVIEW}
)
STATUTORY_REVIEW_OUTCOMES = frozenset({Decision.Outcome.SCR, Decision.Outcome.LCSPR})
STAGE_AFTER = {
    Decision.Outcome.SCR: Review.Stage.IN_REVIEW,
    Decision.Outcome.LCSPR: Review.Stage.IN_REVIEW,
    Decision.Outcome.LEARNING_REVIEW: Review.Stage.IN_REVIEW,
    Decision.Outcome.RAPID_REVIEW_ONLY: Review.Stage.DECIDED,
    Decision.Outcome.NO_REVIEW: Review.Stage.CLOSED,
}
_OUTCOMES_BY_REGIME = {
    FrameworkEdition.Regime.SERIOUS_CASE_REVIEW: (
        Decision.Outcome.SCR,
        Decision.Outcome.LEARNING_REVIEW,
        Decision.Outcome.NO_REVIEW,
    ),
    FrameworkEdition.Regime.PRACTICE_REVIEW: (
        Decision.Outcome.LCSPR,
        Decision.Outcome.RAPID_REVIEW_ONLY,
        Decision.Outcome.LEARNING_REVIEW,
        Decision.Outcome.NO_REVIEW,
    ),
}


def _today() -> datetime.date:
    return timezone.localdate()


def _long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


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
    referred_by,
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
    if locked.notification_working_days is None:
        raise ValidationError(NO_NOTIFICATION.format(edition=locked.edition))
    if sent_on > _today():
        raise ValidationError({"sent_on": NOTIFIED_IN_FUTURE})
    if sent_on < locked.aware_date:
        raise ValidationError(
            {"sent_on": NOTIFIED_BEFORE_AWARE.format(date=_long_date(locked.aware_date))}
        )
    rapid_review_sent_on = locked.rapid_review_sent_on
    if rapid_review_sent_on is not None and sent_on > rapid_review_sent_on:
        raise ValidationError(
            {"sent_on": NOTIFIED_AFTER_RAPID_REVIEW.format(date=_long_date(rapid_review_sent_on))}
        )
    locked.notification_sent_on = sent_on
    save_with_reason(locked, "Notification sent", fields=["notification_sent_on"])
    _refresh(review, locked, ["notification_sent_on"])


@transaction.atomic
def record_rapid_review_sent(*, review: Review, sent_on: datetime.date) -> None:
    """The rapid review sent to the Panel; never before the notification (DATA.md)."""
    locked = _lock(review)
    if locked.rapid_review_working_days is None:
        raise ValidationError(NO_RAPID_REVIEW.format(edition=locked.edition))
    notified_on = locked.notification_sent_on
    if notified_on is None:
        raise ValidationError(RAPID_REVIEW_BEFORE_NOTIFICATION)
    if sent_on > _today():
        raise ValidationError({"sent_on": RAPID_REVIEW_IN_FUTURE})
    if sent_on < notified_on:
        raise ValidationError(
            {"sent_on": RAPID_REVIEW_BEFORE_NOTIFIED_ON.format(date=_long_date(notified_on))}
        )
    locked.rapid_review_sent_on = sent_on
    save_with_reason(locked, "Rapid review sent to the Panel", fields=["rapid_review_sent_on"])
    _refresh(review, locked, ["rapid_review_sent_on"])


def outcomes_for(edition: FrameworkEdition) -> tuple[Decision.Outcome, ...]:
    """The decisions open under an edition: serious case reviews before 2018, practice reviews
    and rapid reviews after; a learning review or no review under either."""
    return _OUTCOMES_BY_REGIME[FrameworkEdition.Regime(edition.regime)]


def criterion_field(criterion: FrameworkCriterion, part: str) -> str:
    """The name under which a criterion's answer ("answer") or reason ("reason") is given:
    the decision form's field, and the key of the service's error for it."""
    return f"criterion_{criterion.pk}_{part}"


def _shortened(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "\u2026"


def _check_answers(
    criteria: list[FrameworkCriterion], answers: Mapping[int, Mapping[str, str]]
) -> dict[str, str]:
    errors = {}
    for criterion in criteria:
        given = answers.get(criterion.pk, {})
        if given.get("answer") not in CriterionAnswer.Answer.values:
            errors[criterion_field(criterion, "answer")] = CRITERION_UNANSWERED.format(
                code=criterion.code, text=_shortened(criterion.text)
            )
        if not (given.get("reason") or "").strip():
            errors[criterion_field(criterion, "reason")] = CRITERION_REASON_REQUIRED.format(
                code=criterion.code
            )
    return errors


def _check_decision(
    review: Review,
    *,
    outcome: str,
    reasons: str,
    decided_by: Person | None,
    decided_on: datetime.date,
) -> dict[str, str]:
    errors = {}
    if not outcome:
        errors["outcome"] = OUTCOME_REQUIRED
    elif outcome not in outcomes_for(review.edition):
        errors["outcome"] = OUTCOME_NOT_UNDER_EDITION.format(
            outcome=Decision.Outcome(outcome).label, edition=review.edition
        )
    if not reasons.strip():
        errors["reasons"] = REASONS_REQUIRED
    if decided_by is None:
        errors["decided_by"] = DECIDED_BY_REQUIRED
    if decided_on > _today():
        errors["decided_on"] = DECIDED_IN_FUTURE
    elif decided_on < review.aware_date:
        errors["decided_on"] = DECIDED_BEFORE_AWARE.format(date=_long_date(review.aware_date))
    return errors


def _existing_decision(review: Review) -> Decision | None:
    return Decision.objects.select_for_update().filter(review=review).first()


@transaction.atomic
def decision_record(
    *,
    review: Review,
    outcome: str,
    reasons: str,
    decided_by: Person | None,
    decided_on: datetime.date,
    answers: Mapping[int, Mapping[str, str]],
    recorded_by,
) -> Decision:
    """The decision against every criterion of the review's edition, then the outcome.

    `answers` maps each criterion's id to {"answer": met / not_met / unclear, "reason": ...}.
    Every criterion needs both, or nothing is saved. Until the chair signs it off, recording
    again replaces the decision and its answers.
    """
    locked = _lock(review)
    decision = _existing_decision(locked)
    if decision is not None and decision.signed_off_at is not None:
        raise ValidationError(DECISION_SIGNED_OFF)
    if locked.stage in {Review.Stage.REPORTED, Review.Stage.PUBLISHED}:
        raise ValidationError(DECISION_TOO_LATE)
    criteria = list(locked.edition.criteria.order_by("position", "id"))
    errors = _check_decision(
        locked, outcome=outcome, reasons=reasons, decided_by=decided_by, decided_on=decided_on
    )
    errors.update(_check_answers(criteria, answers))
    if errors:
        raise ValidationError(errors)

    decision = decision or Decision(review=locked)
    decision.outcome = outcome
    decision.reasons = reasons.strip()
    decision.decided_by = decided_by
    decision.decided_on = decided_on
    decision.recorded_by = recorded_by
    decision.full_clean()
    decision.save()
    decision.answers.all().delete()
    CriterionAnswer.objects.bulk_create(
        CriterionAnswer(
            decision=decision,
            criterion=criterion,
            criterion_text=criterion.text,
            answer=answers[criterion.pk]["answer"],
            reason=answers[criterion.pk]["reason"].strip(),
        )
        for criterion in criteria
    )
    _move_stage(locked, decision)
    _refresh(review, locked, ["stage", "started_on", "due_on"])
    return decision


def _move_stage(review: Review, decision: Decision) -> None:
    review.stage = STAGE_AFTER[Decision.Outcome(decision.outcome)]
    if decision.outcome in REVIEW_OUTCOMES:
        review.started_on = review.started_on or decision.decided_on
        if decision.outcome in STATUTORY_REVIEW_OUTCOMES:
            review.due_on = review_due(review.started_on, review.review_months)
    else:
        review.started_on = review.due_on = None
    save_with_reason(
        review,
        f"Decision: {decision.get_outcome_display()}",
        fields=["stage", "started_on", "due_on"],
    )


@transaction.atomic
def decision_sign_off(*, decision: Decision, signed_off_by) -> None:
    """The independent chair signs the decision off; after that it cannot change."""
    locked = Decision.objects.select_for_update().filter(pk=decision.pk).first()
    if locked is None:
        raise ValidationError(NO_DECISION)
    if locked.signed_off_at is not None:
        raise ValidationError(ALREADY_SIGNED_OFF)
    if not signed_off_by.has_role(Role.CHAIR):
        raise ValidationError(ONLY_THE_CHAIR)
    locked.signed_off_by = signed_off_by
    locked.signed_off_at = timezone.now()
    save_with_reason(locked, "Signed off by the chair", fields=["signed_off_by", "signed_off_at"])
    decision.signed_off_by = locked.signed_off_by
    decision.signed_off_at = locked.signed_off_at

"""Changes to the framework table: an edition's timescales and its criteria.

Partnerships' procedures differ, so the table is editable. A change applies to cases referred
from then on: a review copies the timescales at referral, and each answer the wording of its
criterion, so nothing already running moves. Every change is kept in the edition's history.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from safeboard.core.history import history_stamps, save_with_reason

from ..models import CriterionAnswer, FrameworkCriterion, FrameworkEdition, RapidReviewBasis

REASON_REQUIRED = "Give the reason for the change: it is kept in the edition\u2019s history."
RAPID_REVIEW_NEEDS_NOTIFICATION = (
    "A rapid review follows a notification: give the notification\u2019s working days too."
)
BASIS_NEEDS_NOTIFICATION = (
    "The rapid review can only count from the notification if there is one: give the "
    "notification\u2019s working days."
)
DAYS_OUT_OF_RANGE = "Enter a number of working days from 1 to {most}."
MONTHS_OUT_OF_RANGE = "Enter a number of months from 1 to {most}."
CODE_REQUIRED = "Enter a short code for the criterion, such as C1."
CODE_TAKEN = "{edition} already has a criterion {code}."
TEXT_REQUIRED = "Enter the criterion."
CRITERION_ANSWERED = (
    "Criterion {code} has been answered in a decision, so it stays in the table. Change its "
    "wording instead: decisions keep the words they answered."
)

MOST_WORKING_DAYS = 120
MOST_MONTHS = 36
TIMESCALE_FIELDS = (
    "notification_body",
    "notification_working_days",
    "rapid_review_working_days",
    "rapid_review_basis",
    "decision_working_days",
    "review_months",
    "guidance",
    "is_current",
)


def _check_timescales(values: dict) -> dict[str, str]:
    errors = {}
    for field in (
        "notification_working_days",
        "rapid_review_working_days",
        "decision_working_days",
    ):
        days = values[field]
        if days is not None and not 1 <= days <= MOST_WORKING_DAYS:
            errors[field] = DAYS_OUT_OF_RANGE.format(most=MOST_WORKING_DAYS)
    if not 1 <= values["review_months"] <= MOST_MONTHS:
        errors["review_months"] = MONTHS_OUT_OF_RANGE.format(most=MOST_MONTHS)
    if values["notification_working_days"] is None:
        if values["rapid_review_working_days"] is not None:
            errors.setdefault("notification_working_days", RAPID_REVIEW_NEEDS_NOTIFICATION)
        elif values["rapid_review_basis"] == RapidReviewBasis.NOTIFIED:
            errors.setdefault("rapid_review_basis", BASIS_NEEDS_NOTIFICATION)
    return errors


@transaction.atomic
def edition_update(
    *,
    edition: FrameworkEdition,
    notification_body: str,
    notification_working_days: int | None,
    rapid_review_working_days: int | None,
    rapid_review_basis: str,
    decision_working_days: int | None,
    review_months: int,
    guidance: str,
    is_current: bool,
    reason: str,
) -> None:
    """Change an edition's timescales; only cases referred afterwards count with them."""
    values = {
        "notification_body": notification_body.strip(),
        "notification_working_days": notification_working_days,
        "rapid_review_working_days": rapid_review_working_days,
        "rapid_review_basis": rapid_review_basis,
        "decision_working_days": decision_working_days,
        "review_months": review_months,
        "guidance": guidance.strip(),
        "is_current": is_current,
    }
    errors = _check_timescales(values)
    if not reason.strip():
        errors["reason"] = REASON_REQUIRED
    if errors:
        raise ValidationError(errors)
    locked = FrameworkEdition.objects.select_for_update().get(pk=edition.pk)
    for field, value in values.items():
        setattr(locked, field, value)
    locked.full_clean()
    if is_current:
        # One edition is offered first for new referrals.
        for other in FrameworkEdition.objects.filter(is_current=True).exclude(pk=locked.pk):
            other.is_current = False
            save_with_reason(other, f"{locked} is now the current edition", fields=["is_current"])
    save_with_reason(locked, reason.strip(), fields=list(TIMESCALE_FIELDS))
    for field, value in values.items():
        setattr(edition, field, value)


def _check_criterion(
    edition: FrameworkEdition, *, code: str, text: str, exclude_pk: int | None = None
) -> dict[str, str]:
    errors = {}
    namesakes = FrameworkCriterion.objects.filter(edition=edition, code__iexact=code)
    if exclude_pk is not None:
        namesakes = namesakes.exclude(pk=exclude_pk)
    if not code:
        errors["code"] = CODE_REQUIRED
    elif namesakes.exists():
        errors["code"] = CODE_TAKEN.format(edition=edition, code=code)
    if not text:
        errors["text"] = TEXT_REQUIRED
    return errors


@transaction.atomic
def criterion_add(
    *, edition: FrameworkEdition, code: str, kind: str, text: str
) -> FrameworkCriterion:
    code, text = code.strip(), text.strip()
    errors = _check_criterion(edition, code=code, text=text)
    if errors:
        raise ValidationError(errors)
    last = edition.criteria.aggregate(last=Max("position"))["last"] or 0
    criterion = FrameworkCriterion(
        edition=edition, code=code, kind=kind, text=text, position=last + 1
    )
    criterion.full_clean()
    save_with_reason(criterion, f"Criterion {code} added")
    return criterion


@transaction.atomic
def criterion_update(
    *, criterion: FrameworkCriterion, code: str, kind: str, text: str, position: int
) -> None:
    code, text = code.strip(), text.strip()
    errors = _check_criterion(criterion.edition, code=code, text=text, exclude_pk=criterion.pk)
    if errors:
        raise ValidationError(errors)
    criterion.code, criterion.kind, criterion.text, criterion.position = code, kind, text, position
    criterion.full_clean()
    save_with_reason(criterion, f"Criterion {code} changed")


@transaction.atomic
def criterion_remove(*, criterion: FrameworkCriterion) -> None:
    """Only a criterion no decision has answered: answers point at their criterion."""
    if CriterionAnswer.objects.filter(criterion=criterion).exists():
        raise ValidationError(CRITERION_ANSWERED.format(code=criterion.code))
    history_stamps(criterion)._change_reason = f"Criterion {criterion.code} removed"
    criterion.delete()

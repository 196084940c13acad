"""Every change to the risk register goes through these functions, each in one transaction.

A risk's residual scores move only by a review, so that its trend is the list of its reviews:
creating a risk records its first review point, and each review updates the risk with it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions import services as action_services
from safeboard.actions.models import Action
from safeboard.core.dates import add_months, long_date
from safeboard.core.history import save_with_reason
from safeboard.partnership.models import Agency, Person
from safeboard.priorities.models import Priority

from .models import RESIDUAL_ABOVE_INHERENT, Risk, RiskReview

OWNER_NOT_IN_AGENCY = "The risk owner must work for the owning agency."
SCORE_OUT_OF_RANGE = "{label} must be a whole number from 1 (lowest) to 5 (highest)."
RAISED_IN_FUTURE = "The date the risk was raised cannot be in the future."
REVIEW_DATE_NOT_AFTER_RAISED = "The first review must be due after the date the risk was raised."
REVIEW_IN_FUTURE = "The date of the review cannot be in the future."
REVIEW_BEFORE_PREVIOUS = "The date of the review cannot be before the last review, on {date}."
NEXT_REVIEW_NOT_AFTER_REVIEW = "The next review must be due after the date of this review."
REVIEW_OF_CLOSED_RISK = "This risk is closed. Reopen it before recording a review."
FIRST_REVIEW_NOTE = "Risk added to the register."

REFERENCE_PATTERN = re.compile(r"^R(\d+)$")
REFERENCE_ATTEMPTS = 3


SCORE_LABELS = {
    "inherent_likelihood": "Inherent likelihood",
    "inherent_impact": "Inherent impact",
    "residual_likelihood": "Residual likelihood",
    "residual_impact": "Residual impact",
    # A review scores the residual risk.
    "likelihood": "Residual likelihood",
    "impact": "Residual impact",
}


def score_error(field: str) -> str:
    return SCORE_OUT_OF_RANGE.format(label=SCORE_LABELS[field])


def _check_scores(**scores: object) -> None:
    """Each likelihood and impact is a whole number from 1 to 5; each error names its field."""
    errors = {
        field: score_error(field)
        for field, value in scores.items()
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5
    }
    if errors:
        raise ValidationError(errors)


def _check_owner(owner_agency: Agency, owner_person: Person) -> None:
    if owner_person.agency_id != owner_agency.pk:
        raise ValidationError({"owner_person": OWNER_NOT_IN_AGENCY})


def next_reference() -> str:
    """The next free reference: R01, R02... (R100 follows R99)."""
    numbers = [
        int(match.group(1))
        for reference in Risk.objects.values_list("reference", flat=True)
        if (match := REFERENCE_PATTERN.match(reference))
    ]
    return f"R{max(numbers, default=0) + 1:02d}"


def next_review_due(*, reviewed_on: datetime.date, interval_months: int) -> datetime.date:
    return add_months(reviewed_on, interval_months)


@transaction.atomic
def risk_create(
    *,
    title: str,
    description: str,
    cause: str,
    consequence: str,
    category: str,
    owner_agency: Agency,
    owner_person: Person,
    inherent_likelihood: int,
    inherent_impact: int,
    residual_likelihood: int,
    residual_impact: int,
    controls: str,
    raised_on: datetime.date | None = None,
    review_interval_months: int = 3,
    review_date: datetime.date | None = None,
    priorities: Iterable[Priority] = (),
    created_by: User | None = None,
) -> Risk:
    """Add a risk to the register with a new reference, and record its first review point."""
    _check_scores(
        inherent_likelihood=inherent_likelihood,
        inherent_impact=inherent_impact,
        residual_likelihood=residual_likelihood,
        residual_impact=residual_impact,
    )
    _check_owner(owner_agency, owner_person)
    today = timezone.localdate()
    raised_on = raised_on or today
    if raised_on > today:
        raise ValidationError({"raised_on": RAISED_IN_FUTURE})
    review_date = review_date or next_review_due(
        reviewed_on=raised_on, interval_months=review_interval_months
    )
    if review_date <= raised_on:
        raise ValidationError({"review_date": REVIEW_DATE_NOT_AFTER_RAISED})
    risk = Risk(
        title=title,
        description=description,
        cause=cause,
        consequence=consequence,
        category=category,
        owner_agency=owner_agency,
        owner_person=owner_person,
        inherent_likelihood=inherent_likelihood,
        inherent_impact=inherent_impact,
        residual_likelihood=residual_likelihood,
        residual_impact=residual_impact,
        controls=controls,
        raised_on=raised_on,
        review_date=review_date,
        review_interval_months=review_interval_months,
    )
    _save_with_new_reference(risk)
    risk.priorities.set(priorities)
    review = RiskReview(
        risk=risk,
        reviewed_on=raised_on,
        reviewed_by=created_by,
        likelihood=residual_likelihood,
        impact=residual_impact,
        note=FIRST_REVIEW_NOTE,
        next_review_date=review_date,
    )
    review.full_clean()
    review.save()
    return risk


def _save_with_new_reference(risk: Risk) -> None:
    """Save under the next reference; if another request took it meanwhile, take the next."""
    for attempt in range(REFERENCE_ATTEMPTS):
        risk.reference = next_reference()
        risk.full_clean()
        try:
            with transaction.atomic():
                risk.save()
        except IntegrityError:
            if attempt == REFERENCE_ATTEMPTS - 1:
                raise
        else:
            return


@transaction.atomic
def risk_update(
    *,
    risk: Risk,
    title: str,
    description: str,
    cause: str,
    consequence: str,
    category: str,
    owner_agency: Agency,
    owner_person: Person,
    inherent_likelihood: int,
    inherent_impact: int,
    controls: str,
    status: str,
    review_interval_months: int,
    priorities: Iterable[Priority] | None = None,
) -> Risk:
    """Change what a risk is and who owns it; priorities=None leaves its priorities alone.

    Residual scores and the review date move only by a review (risk_review)."""
    _check_scores(inherent_likelihood=inherent_likelihood, inherent_impact=inherent_impact)
    _check_owner(owner_agency, owner_person)
    risk.title = title
    risk.description = description
    risk.cause = cause
    risk.consequence = consequence
    risk.category = category
    risk.owner_agency = owner_agency
    risk.owner_person = owner_person
    risk.inherent_likelihood = inherent_likelihood
    risk.inherent_impact = inherent_impact
    risk.controls = controls
    risk.status = status
    risk.review_interval_months = review_interval_months
    try:
        risk.full_clean()
    except ValidationError as error:
        raise _residual_error_on_inherent(error)
    risk.save()
    if priorities is not None:
        risk.priorities.set(priorities)
    return risk


def _residual_error_on_inherent(error: ValidationError) -> ValidationError:
    """When an edit lowers the inherent score under the residual, name the inherent field:
    the residual scores are not on the edit form."""
    if RESIDUAL_ABOVE_INHERENT not in error.message_dict.get("residual_impact", []):
        return error
    messages = {k: v for k, v in error.message_dict.items() if k != "residual_impact"}
    messages.setdefault("inherent_impact", []).append(
        f"{RESIDUAL_ABOVE_INHERENT} Record a review to lower the residual score first."
    )
    return ValidationError(messages)


@transaction.atomic
def risk_review(
    *,
    risk: Risk,
    reviewed_on: datetime.date,
    likelihood: int,
    impact: int,
    note: str,
    next_review_date: datetime.date | None = None,
    reviewed_by: User | None = None,
) -> RiskReview:
    """Record a review: its residual scores and next review date become the risk's own."""
    _check_scores(likelihood=likelihood, impact=impact)
    if risk.status == Risk.Status.CLOSED:
        raise ValidationError(REVIEW_OF_CLOSED_RISK)
    if reviewed_on > timezone.localdate():
        raise ValidationError({"reviewed_on": REVIEW_IN_FUTURE})
    last = risk.reviews.order_by("-reviewed_on").values_list("reviewed_on", flat=True).first()
    if last is not None and reviewed_on < last:
        raise ValidationError({"reviewed_on": REVIEW_BEFORE_PREVIOUS.format(date=long_date(last))})
    if likelihood * impact > risk.inherent_score:
        raise ValidationError({"impact": RESIDUAL_ABOVE_INHERENT})
    next_review_date = next_review_date or next_review_due(
        reviewed_on=reviewed_on, interval_months=risk.review_interval_months
    )
    if next_review_date <= reviewed_on:
        raise ValidationError({"next_review_date": NEXT_REVIEW_NOT_AFTER_REVIEW})
    review = RiskReview(
        risk=risk,
        reviewed_on=reviewed_on,
        reviewed_by=reviewed_by,
        likelihood=likelihood,
        impact=impact,
        note=note.strip(),
        next_review_date=next_review_date,
    )
    review.full_clean()
    review.save()
    risk.residual_likelihood = likelihood
    risk.residual_impact = impact
    risk.review_date = next_review_date
    risk.full_clean()
    save_with_reason(
        risk,
        f"Reviewed on {long_date(reviewed_on)}: {review.note}",
        fields=["residual_likelihood", "residual_impact", "review_date"],
    )
    return review


@transaction.atomic
def risk_add_action(
    *,
    risk: Risk,
    title: str,
    owner_agency: Agency,
    owner_person: Person,
    due_on: datetime.date,
    description: str = "",
    created_by: User | None = None,
) -> Action:
    """An action to bring the risk down, tracked on the one action spine."""
    return action_services.action_create(
        title=title,
        description=description,
        owner_agency=owner_agency,
        owner_person=owner_person,
        due_on=due_on,
        source=risk,
        created_by=created_by,
    )

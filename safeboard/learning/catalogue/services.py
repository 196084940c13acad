"""Changes to the catalogue: courses and their learning outcomes. Each function here is one
transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import Course, JobRole, LearningOutcome, OutcomeRating

if TYPE_CHECKING:
    from safeboard.priorities.models import Priority
    from safeboard.reviews.models import Review
    from safeboard.themes.models import Theme

TITLE_TAKEN = "A course called “{title}” already exists. Give this one another title."
NO_OUTCOMES = "Enter at least one learning outcome, one on each line."
OUTCOME_TOO_LONG = "Each learning outcome must be 300 characters or fewer."
NEGATIVE_AMOUNT = "Enter an amount of £0 or more."
OUTCOME_RATED = (
    "This outcome has been rated in {count} evaluation{s}, so it cannot be removed: "
    "change its words instead, or leave it."
)
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
    job_roles: Iterable[JobRole] = (),
    themes: Iterable[Theme] = (),
    reviews: Iterable[Review] = (),
    priorities: Iterable[Priority] = (),
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


def _link(
    course: Course,
    *,
    job_roles: Iterable[JobRole],
    themes: Iterable[Theme],
    reviews: Iterable[Review],
    priorities: Iterable[Priority],
) -> None:
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
    job_roles: Iterable[JobRole] = (),
    themes: Iterable[Theme] = (),
    reviews: Iterable[Review] = (),
    priorities: Iterable[Priority] = (),
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

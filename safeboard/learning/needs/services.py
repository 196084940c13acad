"""Changes to training needs: which roles need which courses (the matrix the training team
edits), and how many staff each agency has in each role (the headcounts agencies give). What
they add up to, who is trained and who is due a refresher, is in compliance/.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from safeboard.core.history import history_stamps, save_with_reason
from safeboard.partnership.models import Agency

from ..models import Course, Headcount, JobRole, TrainingNeed

UNKNOWN_CELL = (
    "A course or role in the form no longer exists, so nothing was saved. "
    "Reload the page and tick the boxes again."
)

NEGATIVE_HEADCOUNT = "Enter a headcount of 0 or more."

HEADCOUNT_TOO_LARGE = "Enter a headcount of 100,000 or fewer."

MAX_HEADCOUNT = 100_000

NEEDS_CHANGED = "Training needs changed."

HEADCOUNT_REASON = "Headcount given for {agency}."


@dataclass(frozen=True)
class NeedsChange:
    added: int
    removed: int


def training_needs_set(*, cells: Iterable[tuple[int, int]]) -> NeedsChange:
    """Make the matrix exactly `cells` (role id, course id) for the courses on offer.

    Cells of retired courses are kept as they are: the matrix no longer shows them."""
    wanted = set(cells)
    with transaction.atomic():
        role_ids = set(JobRole.objects.values_list("pk", flat=True))
        course_ids = set(Course.objects.filter(is_active=True).values_list("pk", flat=True))
        if any(role not in role_ids or course not in course_ids for role, course in wanted):
            raise ValidationError(UNKNOWN_CELL)
        existing = {
            (need.job_role_id, need.course_id): need.pk
            for need in TrainingNeed.objects.filter(course_id__in=course_ids).select_for_update()
        }
        removed = [pk for cell, pk in existing.items() if cell not in wanted]
        TrainingNeed.objects.filter(pk__in=removed).delete()
        TrainingNeed.objects.bulk_create(
            TrainingNeed(job_role_id=role, course_id=course)
            for role, course in sorted(wanted - existing.keys())
        )
    return NeedsChange(added=len(wanted - existing.keys()), removed=len(removed))


def headcounts_set(
    *, agency: Agency, counts: Mapping[int, int | None], as_of: datetime.date
) -> int:
    """Record the agency's headcount in each role (None: not known, so removed); returns how
    many changed. Unchanged figures keep their date."""
    errors = {}
    for role_id, count in counts.items():
        if count is not None and count < 0:
            errors[f"role_{role_id}"] = NEGATIVE_HEADCOUNT
        elif count is not None and count > MAX_HEADCOUNT:
            errors[f"role_{role_id}"] = HEADCOUNT_TOO_LARGE
    if errors:
        raise ValidationError(errors)
    reason = HEADCOUNT_REASON.format(agency=agency.name)
    changed = 0
    with transaction.atomic():
        role_ids = set(JobRole.objects.filter(pk__in=counts).values_list("pk", flat=True))
        current = {
            row.job_role_id: row
            for row in Headcount.objects.filter(agency=agency).select_for_update()
        }
        for role_id, count in counts.items():
            if role_id not in role_ids:
                raise ValidationError(UNKNOWN_CELL)
            row = current.get(role_id)
            if count is None:
                if row is not None:
                    history_stamps(row)._change_reason = reason
                    row.delete()
                    changed += 1
            elif row is None:
                row = Headcount(agency=agency, job_role_id=role_id, headcount=count, as_of=as_of)
                save_with_reason(row, reason)
                changed += 1
            elif row.headcount != count:
                row.headcount, row.as_of = count, as_of
                save_with_reason(row, reason, fields=["headcount", "as_of"])
                changed += 1
    return changed

"""An organisation's return: scores, evidence, the improvement plan, then submission.

Anything saved makes the return a draft; submitting locks it. A return is submitted only
when every standard is scored, every carried-forward answer confirmed or updated, and every
standard scored below "met" has an improvement plan. On submission each step of the plan
becomes an action on the partnership's action plan, owned by the person named.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions.services import action_create
from safeboard.core.history import save_with_reason
from safeboard.core.uploads import validate_upload
from safeboard.partnership.models import Person

from .models import Evidence, EvidenceRequest, ImprovementItem, Rating, Return

EVIDENCE_EXTENSIONS = frozenset(
    {".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".png", ".jpg", ".jpeg"}
)

RETURN_SUBMITTED = "This return has been submitted: it can no longer be changed."
CYCLE_NOT_OPEN = "The cycle is not open for returns: the return cannot be changed."
SCORE_REQUIRED = "Choose a score for the standard."
SCORE_OFF_SCALE = "The score must be a whole number from {minimum} to {maximum}."
EVIDENCE_DESCRIPTION_REQUIRED = "Say what the evidence shows."
EVIDENCE_IN_FUTURE = "The date of the evidence cannot be in the future."
PLAN_TEXT_REQUIRED = "Say what will be done."
OWNER_OF_ANOTHER_AGENCY = "The person responsible must work for {agency}."
PLAN_DUE_NOT_AFTER_TODAY = "The due date must be after today."
UNRATED = "Score standard {code}, {title}."
NOT_CONFIRMED = "Confirm or update the answer carried forward for standard {code}, {title}."
NO_PLAN = "Add an improvement plan for standard {code}, {title}: it is scored below met."
NOTHING_TO_SUBMIT = "This return has no standards to score."


def _today() -> datetime.date:
    return timezone.localdate()


def _refuse_unless_editable(agency_return: Return) -> None:
    if agency_return.is_submitted:
        raise ValidationError(RETURN_SUBMITTED)
    if not agency_return.cycle.is_open:
        raise ValidationError(CYCLE_NOT_OPEN)


def _lock(agency_return: Return) -> Return:
    """The return's row, locked: two of an organisation's leads may work on it at once."""
    locked = Return.objects.select_for_update().select_related("cycle").get(pk=agency_return.pk)
    _refuse_unless_editable(locked)
    return locked


def _mark_draft(agency_return: Return, reason: str) -> None:
    if agency_return.status == Return.Status.NOT_STARTED:
        agency_return.status = Return.Status.DRAFT
        agency_return.started_at = timezone.now()
        save_with_reason(agency_return, reason, fields=["status", "started_at"])


@transaction.atomic
def rating_save(*, rating: Rating, self_score: int | None, commentary: str = "") -> Rating:
    """Score one standard (confirming an answer carried forward); the return is a draft."""
    agency_return = _lock(rating.agency_return)
    scale = agency_return.cycle.scale
    if self_score is None:
        raise ValidationError({"self_score": SCORE_REQUIRED})
    if not scale.contains(self_score):
        raise ValidationError(
            {"self_score": SCORE_OFF_SCALE.format(minimum=scale.minimum, maximum=scale.maximum)}
        )
    rating.self_score = self_score
    rating.commentary = commentary.strip()
    rating.is_carried_forward = False
    rating.full_clean()
    save_with_reason(
        rating, "Scored", fields=["self_score", "commentary", "is_carried_forward", "updated_at"]
    )
    _mark_draft(agency_return, "Draft saved")
    rating.agency_return = agency_return
    return rating


@transaction.atomic
def evidence_add(
    *,
    rating: Rating,
    description: str,
    dated_on: datetime.date,
    file: UploadedFile | None = None,
    added_by: User | None = None,
) -> Evidence:
    agency_return = _lock(rating.agency_return)
    evidence = record_evidence(
        rating=rating, description=description, dated_on=dated_on, file=file, added_by=added_by
    )
    _mark_draft(agency_return, "Draft saved")
    return evidence


def record_evidence(
    *,
    rating: Rating,
    description: str,
    dated_on: datetime.date | None,
    file: UploadedFile | None,
    added_by: User | None,
    request: EvidenceRequest | None = None,
) -> Evidence:
    """Check and save one piece of evidence (the file's type by its content)."""
    description = description.strip()
    errors = {}
    if not description:
        errors["description"] = EVIDENCE_DESCRIPTION_REQUIRED
    if dated_on is not None and dated_on > _today():
        errors["dated_on"] = EVIDENCE_IN_FUTURE
    if errors:
        raise ValidationError(errors)
    evidence = Evidence(
        rating=rating,
        description=description,
        dated_on=dated_on or _today(),
        added_by=added_by,
        request=request,
    )
    if file is not None:
        evidence.content_type = validate_upload(file, field="file", extensions=EVIDENCE_EXTENSIONS)
        evidence.file = file
    evidence.full_clean()
    evidence.save()
    return evidence


@transaction.atomic
def evidence_remove(*, evidence: Evidence) -> None:
    """Take evidence off a draft; a stored file stays on record (a carried-forward item may
    share it with the return before)."""
    _lock(evidence.rating.agency_return)
    evidence.delete()


@transaction.atomic
def improvement_add(
    *, rating: Rating, text: str, owner_person: Person, due_on: datetime.date
) -> ImprovementItem:
    agency_return = _lock(rating.agency_return)
    text = text.strip()
    errors = {}
    if not text:
        errors["text"] = PLAN_TEXT_REQUIRED
    if owner_person.agency_id != agency_return.agency_id:
        errors["owner_person"] = OWNER_OF_ANOTHER_AGENCY.format(agency=agency_return.agency)
    if due_on <= _today():
        errors["due_on"] = PLAN_DUE_NOT_AFTER_TODAY
    if errors:
        raise ValidationError(errors)
    item = ImprovementItem(rating=rating, text=text, owner_person=owner_person, due_on=due_on)
    item.full_clean()
    item.save()
    _mark_draft(agency_return, "Draft saved")
    return item


@transaction.atomic
def improvement_remove(*, item: ImprovementItem) -> None:
    _lock(item.rating.agency_return)
    item.delete()


def submission_problems(agency_return: Return, ratings: list[Rating]) -> list[str]:
    """Everything that stops the return being submitted, in the order of the standards."""
    if not ratings:
        return [NOTHING_TO_SUBMIT]
    scale = agency_return.cycle.scale
    problems = []
    for rating in ratings:
        standard = rating.standard
        words = {"code": standard.code, "title": standard.title}
        if not scale.contains(rating.self_score):
            problems.append(UNRATED.format(**words))
        elif rating.is_carried_forward:
            problems.append(NOT_CONFIRMED.format(**words))
        elif not scale.is_met(rating.self_score) and not rating.improvements.all():
            problems.append(NO_PLAN.format(**words))
    return problems


@transaction.atomic
def return_submit(*, agency_return: Return, submitted_by: User | None = None) -> Return:
    """Submit the return; the improvement plan's steps become actions."""
    locked = _lock(agency_return)
    ratings = list(
        locked.ratings.select_related("standard")
        .prefetch_related("improvements__owner_person__agency")
        .order_by("standard__position", "standard_id")
    )
    problems = submission_problems(locked, ratings)
    if problems:
        raise ValidationError(problems)
    for rating in ratings:
        for item in rating.improvements.all():
            item.action = action_create(
                title=f"Section 11 standard {rating.standard.code}: {item.text}"[:200],
                description=(
                    f"From the improvement plan of {locked.agency}'s return to "
                    f"{locked.cycle}.\n\n{item.text}"
                ),
                owner_agency=item.owner_person.agency,
                owner_person=item.owner_person,
                due_on=item.due_on,
                source=item,
                created_by=submitted_by,
            )
            save_with_reason(item, "Became an action", fields=["action"])
    locked.status = Return.Status.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.submitted_by = submitted_by
    if locked.started_at is None:
        locked.started_at = locked.submitted_at
    locked.full_clean()
    save_with_reason(
        locked, "Submitted", fields=["status", "submitted_at", "submitted_by", "started_at"]
    )
    agency_return.status, agency_return.submitted_at = locked.status, locked.submitted_at
    return locked

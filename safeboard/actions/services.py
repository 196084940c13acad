"""Every change to an action goes through these functions, each in one transaction."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.history import save_with_reason
from safeboard.core.uploads import validate_upload
from safeboard.partnership.models import Agency, Person

from .models import Action, DueDateChange, Evidence, ProgressUpdate

OWNER_NOT_IN_AGENCY = "The owner must work for the owning agency."
REASON_REQUIRED = "Give a reason for moving the due date."
SAME_DUE_DATE = "The new due date is the same as the current one."
ALREADY_COMPLETE = "This action is already complete."
COMPLETION_IN_FUTURE = "The completion date cannot be in the future."
EVIDENCE_IN_FUTURE = "The date of the evidence cannot be in the future."
UPDATE_IN_FUTURE = "The date of the update cannot be in the future."


def _check_owner(owner_agency: Agency, owner_person: Person) -> None:
    if owner_person.agency_id != owner_agency.pk:
        raise ValidationError({"owner_person": OWNER_NOT_IN_AGENCY})


@transaction.atomic
def action_create(
    *,
    title: str,
    owner_agency: Agency,
    owner_person: Person,
    due_on: datetime.date,
    description: str = "",
    source: models.Model | None = None,
    created_by: User | None = None,
) -> Action:
    _check_owner(owner_agency, owner_person)
    action = Action(
        title=title,
        description=description,
        owner_agency=owner_agency,
        owner_person=owner_person,
        due_on=due_on,
        created_by=created_by,
    )
    if source is not None:
        action.source_type = ContentType.objects.get_for_model(source)
        action.source_id = source.pk
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_update_details(
    *,
    action: Action,
    title: str,
    description: str,
    owner_agency: Agency,
    owner_person: Person,
) -> Action:
    """Change what an action is and who owns it; its due date moves only by action_move_due_date."""
    _check_owner(owner_agency, owner_person)
    action.title = title
    action.description = description
    action.owner_agency = owner_agency
    action.owner_person = owner_person
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_move_due_date(
    *, action: Action, new_due_on: datetime.date, reason: str, changed_by: User | None = None
) -> DueDateChange:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": REASON_REQUIRED})
    if new_due_on == action.due_on:
        raise ValidationError({"new_due_on": SAME_DUE_DATE})
    change = DueDateChange(
        action=action,
        previous_due_on=action.due_on,
        new_due_on=new_due_on,
        reason=reason,
        changed_by=changed_by,
    )
    change.full_clean()
    change.save()
    action.due_on = new_due_on
    save_with_reason(action, f"Due date moved: {reason}", fields=["due_on"])
    return change


@transaction.atomic
def action_add_progress(
    *,
    action: Action,
    text: str,
    written_on: datetime.date | None = None,
    author: User | None = None,
) -> ProgressUpdate:
    today = timezone.localdate()
    written_on = written_on or today
    if written_on > today:
        raise ValidationError({"written_on": UPDATE_IN_FUTURE})
    update = ProgressUpdate(action=action, text=text, written_on=written_on, author=author)
    update.full_clean()
    update.save()
    if action.status == Action.Status.NOT_STARTED:
        action.status = Action.Status.IN_PROGRESS
        action.save(update_fields=["status"])
    return update


@transaction.atomic
def action_add_evidence(
    *,
    action: Action,
    description: str,
    evidence_dated: datetime.date,
    file: UploadedFile | None = None,
    added_by: User | None = None,
) -> Evidence:
    if evidence_dated > timezone.localdate():
        raise ValidationError({"evidence_dated": EVIDENCE_IN_FUTURE})
    evidence = Evidence(
        action=action, description=description, evidence_dated=evidence_dated, added_by=added_by
    )
    if file is not None:
        evidence.content_type = validate_upload(file, field="file")
        evidence.file = file
    evidence.full_clean()
    evidence.save()
    return evidence


@transaction.atomic
def action_complete(*, action: Action, completed_on: datetime.date | None = None) -> Action:
    today = timezone.localdate()
    completed_on = completed_on or today
    if action.status == Action.Status.COMPLETE:
        raise ValidationError(ALREADY_COMPLETE)
    if completed_on > today:
        raise ValidationError({"completed_on": COMPLETION_IN_FUTURE})
    action.status = Action.Status.COMPLETE
    action.completed_on = completed_on
    action.full_clean()
    action.save(update_fields=["status", "completed_on"])
    return action


@transaction.atomic
def action_reopen(*, action: Action, reason: str) -> Action:
    if not reason.strip():
        raise ValidationError({"reason": "Give a reason for reopening the action."})
    action.status = Action.Status.IN_PROGRESS
    action.completed_on = None
    save_with_reason(action, f"Reopened: {reason.strip()}", fields=["status", "completed_on"])
    return action

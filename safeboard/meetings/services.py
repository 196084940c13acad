"""Every change to a meeting, its agenda, papers, decisions, minutes and attendance."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions.services import action_create
from safeboard.core.uploads import CONTENT_TYPES, validate_upload
from safeboard.partnership.models import Group, Person

from . import selectors
from .models import DEPUTY_NAME_REQUIRED, AgendaItem, Attendance, Decision, Meeting, Paper

GROUP_FIXED_ONCE_ATTENDED = (
    "The group cannot change once attendance has been recorded for this meeting."
)
AGENDA_ITEM_OF_ANOTHER_MEETING = "Choose an agenda item of this meeting."
PAPER_TYPE_NOT_ALLOWED = "A paper must be a PDF, Word, Excel or plain text file."
ACTION_TITLE_REQUIRED = "Enter what the action is."
ACTION_OWNER_REQUIRED = "Choose who owns the action."
ACTION_DUE_DATE_REQUIRED = "Enter a due date for the action: every action needs one."
MINUTES_APPROVED_IN_FUTURE = "The date the minutes were approved cannot be in the future."
MINUTES_NEEDED_FOR_APPROVAL = "Enter the minutes before recording when they were approved."
NOT_EXPECTED_AT_MEETING = (
    "Attendance can only be recorded for members of the group on the date of the meeting."
)
DEPUTY_NAME_REQUIRED_FOR = "Enter the name of {name}\u2019s deputy."

# Board papers are documents to read; the one upload path accepts more kinds than that.
PAPER_CONTENT_TYPES = frozenset(
    CONTENT_TYPES[extension] for extension in (".pdf", ".docx", ".xlsx", ".txt")
)


@transaction.atomic
def meeting_create(
    *, group: Group, title: str, starts_at: datetime.datetime, location: str = ""
) -> Meeting:
    meeting = Meeting(group=group, title=title, starts_at=starts_at, location=location)
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, group: Group, title: str, starts_at: datetime.datetime, location: str
) -> Meeting:
    if group.pk != meeting.group_id and meeting.attendances.exists():
        raise ValidationError({"group": GROUP_FIXED_ONCE_ATTENDED})
    meeting.group = group
    meeting.title = title
    meeting.starts_at = starts_at
    meeting.location = location
    meeting.full_clean()
    meeting.save()
    return meeting


def _check_agenda_item(meeting: Meeting, agenda_item: AgendaItem | None) -> None:
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": AGENDA_ITEM_OF_ANOTHER_MEETING})


@transaction.atomic
def agenda_item_add(
    *, meeting: Meeting, title: str, presenter: Person | None = None, summary: str = ""
) -> AgendaItem:
    """Add an item at the end of the agenda."""
    # Lock the meeting so two people adding items at once cannot take the same position.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    last = meeting.agenda_items.aggregate(last=Max("position"))["last"] or 0
    item = AgendaItem(
        meeting=meeting, position=last + 1, title=title, presenter=presenter, summary=summary
    )
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, title: str, presenter: Person | None, summary: str
) -> AgendaItem:
    item.title = title
    item.presenter = presenter
    item.summary = summary
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def paper_upload(
    *,
    meeting: Meeting,
    title: str,
    file: UploadedFile,
    agenda_item: AgendaItem | None = None,
    uploaded_by: User | None = None,
    for_readers: bool = False,
) -> Paper:
    _check_agenda_item(meeting, agenda_item)
    content_type = validate_upload(file, field="file")
    if content_type not in PAPER_CONTENT_TYPES:
        raise ValidationError({"file": PAPER_TYPE_NOT_ALLOWED})
    paper = Paper(
        meeting=meeting,
        agenda_item=agenda_item,
        title=title,
        file=file,
        content_type=content_type,
        size_bytes=file.size or 0,  # validate_upload refused an empty file
        uploaded_by=uploaded_by,
        for_readers=for_readers,
    )
    paper.full_clean()
    paper.save()
    return paper


@dataclass(frozen=True)
class DecisionAction:
    """The action a decision asks for; the form may leave any part empty."""

    title: str
    owner_person: Person | None
    due_on: datetime.date | None


# action_create's fields, named as decision_record names them.
_ACTION_FIELDS = {
    "title": "action_title",
    "owner_person": "action_owner",
    "owner_agency": "action_owner",
    "due_on": "action_due_on",
}


def _check_action(action: DecisionAction) -> None:
    errors = {}
    if not action.title.strip():
        errors["action_title"] = ACTION_TITLE_REQUIRED
    if action.owner_person is None:
        errors["action_owner"] = ACTION_OWNER_REQUIRED
    if action.due_on is None:
        errors["action_due_on"] = ACTION_DUE_DATE_REQUIRED
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def decision_record(
    *,
    meeting: Meeting,
    text: str,
    agenda_item: AgendaItem | None = None,
    action: DecisionAction | None = None,
    recorded_by: User | None = None,
) -> Decision:
    """Record a decision and, in the same transaction, the action it asks for."""
    _check_agenda_item(meeting, agenda_item)
    if action is not None:
        _check_action(action)
    decision = Decision(meeting=meeting, agenda_item=agenda_item, text=text)
    decision.full_clean()
    decision.save()
    if action is not None:
        owner, due_on = action.owner_person, action.due_on
        assert owner is not None and due_on is not None, "_check_action refused them empty"
        try:
            action_create(
                title=action.title,
                owner_agency=owner.agency,
                owner_person=owner,
                due_on=due_on,
                source=decision,
                created_by=recorded_by,
            )
        except ValidationError as error:
            # Raising undoes the decision too: a decision never lacks the action it asked for.
            raise ValidationError(
                {
                    _ACTION_FIELDS.get(field, NON_FIELD_ERRORS): messages
                    for field, messages in error.message_dict.items()
                }
            )
    return decision


@transaction.atomic
def minutes_record(*, meeting: Meeting, minutes: str, approved_on: datetime.date | None) -> Meeting:
    if approved_on is not None:
        if approved_on > timezone.localdate():
            raise ValidationError({"minutes_approved_on": MINUTES_APPROVED_IN_FUTURE})
        if not minutes.strip():
            raise ValidationError({"minutes": MINUTES_NEEDED_FOR_APPROVAL})
    meeting.minutes = minutes
    meeting.minutes_approved_on = approved_on
    meeting.full_clean()  # Meeting.clean refuses an approval dated before the meeting
    meeting.save(update_fields=["minutes", "minutes_approved_on"])
    return meeting


def attendance_field(kind: str, person_id: int) -> str:
    """The name of one member's status or deputy field, shared by the form and the errors."""
    return f"{kind}_{person_id}"


@dataclass(frozen=True)
class AttendanceEntry:
    person_id: int
    status: str
    deputy_name: str = ""


@transaction.atomic
def attendance_record(*, meeting: Meeting, entries: Sequence[AttendanceEntry]) -> None:
    """Record how each member attended, creating or correcting one row per member.

    A new row keeps the agency the person worked for on the meeting date, so a later move
    between agencies does not rewrite who attended for whom.
    """
    members = {person.pk: person for person in selectors.expected_members(meeting=meeting)}
    existing = {row.person_id: row for row in meeting.attendances.all()}
    agencies = selectors.agencies_at(person_ids=list(members), moment=meeting.starts_at)
    rows, errors = [], {}
    for entry in entries:
        person = members.get(entry.person_id)
        if person is None:
            raise ValidationError(NOT_EXPECTED_AT_MEETING)
        row = existing.get(person.pk) or Attendance(
            meeting=meeting, person=person, agency_id=agencies.get(person.pk, person.agency_id)
        )
        row.status = entry.status
        is_deputy = entry.status == Attendance.Status.DEPUTY
        row.deputy_name = entry.deputy_name.strip() if is_deputy else ""
        try:
            # The database enforces the constraints; the upsert keeps one row per member.
            row.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors.update(_attendance_errors(error, person))
        rows.append(row)
    if errors:
        raise ValidationError(errors)
    for row in rows:
        row.save()


def _attendance_errors(error: ValidationError, person: Person) -> dict[str, list[str]]:
    """Name the member in each message: the error summary lists every member's problems."""
    errors = {}
    for field, messages in error.message_dict.items():
        kind = "deputy_name" if field == "deputy_name" else "status"
        errors[attendance_field(kind, person.pk)] = [
            DEPUTY_NAME_REQUIRED_FOR.format(name=person.full_name)
            if message == DEPUTY_NAME_REQUIRED
            else f"{person.full_name}: {message}"
            for message in messages
        ]
    return errors

"""Attendance at a session, and the charges it raises.

The trainer (or the learning officer) marks each learner with a place as attended or as a
no-show, on the form or by uploading the sign-in sheet as CSV. Marking raises what the
learner's agency owes: the course's fee per place for someone who attended, its no-show
charge for someone who did not (either only when above £0). Marking again is safe: a learner
marked the same way keeps their one charge, and a learner whose mark changes has the old
charge replaced by the new one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from safeboard.core.history import save_with_reason
from safeboard.core.tabular import Column, TableError, read_csv
from safeboard.core.uploads import validate_upload

from ..charges.services import charge_for_attendance
from ..models import Booking, Session

NOT_STARTED = "The session has not started yet: attendance is marked once it has begun."
SESSION_CANCELLED = "This session was cancelled, so there is no attendance to mark."
NOT_ON_SESSION = "Booking {pk} is not a place on this session."
UNKNOWN_MARK = "Mark each learner as attended or did not attend."

# The sign-in sheet: a header row naming these columns, then one row per learner.
EMAIL_COLUMN = "email"
ATTENDED_COLUMN = "attended"
SHEET_COLUMNS = (Column(EMAIL_COLUMN), Column(ATTENDED_COLUMN))
YES = {"yes", "y"}
NO = {"no", "n"}
NO_HEADER = "The file is empty: line 1 must name the columns email and attended."
MISSING_COLUMNS = "Line 1 must name the column{s} {names}: the sheet has {found}."
BLANK_EMAIL = "Line {line}: the email address is empty."
UNKNOWN_EMAIL = "Line {line}: nobody with a place on this session has the email address {email}."
BAD_ATTENDED = "Line {line}: attended must be yes or no, not “{value}”."
REPEATED_EMAIL = "Line {line}: {email} is already on line {first}."
NO_ROWS = "The sheet lists nobody: add a line for each learner under the header."


@dataclass(frozen=True)
class MarkingResult:
    marked: int  # learners whose mark was set or changed
    unchanged: int


def _check_session(session: Session) -> None:
    if session.status == Session.Status.CANCELLED:
        raise ValidationError(SESSION_CANCELLED)
    if session.starts_at > timezone.now():
        raise ValidationError(NOT_STARTED)


@transaction.atomic
def attendance_mark(*, session: Session, marks: Mapping[int, str], marked_by) -> MarkingResult:
    """Mark learners with a place as attended or no-show, by booking id; all or nothing."""
    session = Session.objects.select_for_update().select_related("course").get(pk=session.pk)
    _check_session(session)
    if any(mark not in Booking.Attendance.values for mark in marks.values()):
        raise ValidationError(UNKNOWN_MARK)
    places = {
        booking.pk: booking
        for booking in session.bookings.filter(status=Booking.Status.BOOKED).select_related(
            "learner"
        )
    }
    strangers = [pk for pk in marks if pk not in places]
    if strangers:
        raise ValidationError(NOT_ON_SESSION.format(pk=strangers[0]))
    now = timezone.now()
    marked = 0
    for pk, mark in marks.items():
        booking = places[pk]
        if booking.attendance == mark:
            continue
        booking.attendance = mark
        booking.attendance_marked_by = marked_by
        booking.attendance_marked_at = now
        booking._history_user = marked_by
        save_with_reason(
            booking,
            f"Marked {booking.get_attendance_display().lower()}.",
            fields=["attendance", "attendance_marked_by", "attendance_marked_at"],
        )
        charge_for_attendance(booking=booking, course=session.course, day=timezone.localdate())
        marked += 1
    return MarkingResult(marked=marked, unchanged=len(marks) - marked)


@dataclass(frozen=True)
class SheetRow:
    line: int
    email: str
    attended: bool


def read_sign_in_sheet(upload: UploadedFile) -> list[SheetRow]:
    """The rows of a sign-in sheet: CSV in any encoding the upload path reads (UTF-8, UTF-16
    or Windows-1252), a header row naming `email` and `attended` (other columns are
    ignored), then yes or no per learner."""
    validate_upload(upload, field="file", extensions={".csv"})
    upload.seek(0)
    try:
        table = read_csv(upload.read(), columns=SHEET_COLUMNS)
    except TableError as error:
        raise ValidationError({"file": error.message})
    finally:
        upload.seek(0)
    if not any(table.headings):
        raise ValidationError({"file": NO_HEADER})
    if table.missing:
        raise ValidationError(
            {
                "file": MISSING_COLUMNS.format(
                    s="s" if len(table.missing) > 1 else "",
                    names=" and ".join(table.missing),
                    found=", ".join(heading for heading in table.headings if heading) or "none",
                )
            }
        )
    rows = []
    for row in table.rows:
        email, value = row.text(EMAIL_COLUMN).lower(), row.text(ATTENDED_COLUMN)
        if not email:
            raise ValidationError({"file": BLANK_EMAIL.format(line=row.line)})
        if value.lower() not in YES | NO:
            raise ValidationError({"file": BAD_ATTENDED.format(line=row.line, value=value)})
        rows.append(SheetRow(line=row.line, email=email, attended=value.lower() in YES))
    if not rows:
        raise ValidationError({"file": NO_ROWS})
    return rows


@transaction.atomic
def attendance_upload(*, session: Session, upload: UploadedFile, marked_by) -> MarkingResult:
    """Mark attendance from a sign-in sheet. Any problem in the file and nothing changes;
    learners with a place whom the sheet does not list keep the mark they had."""
    rows = read_sign_in_sheet(upload)
    places = {
        booking.learner.email.lower(): booking
        for booking in session.bookings.filter(status=Booking.Status.BOOKED).select_related(
            "learner"
        )
    }
    marks: dict[int, str] = {}
    first_line: dict[str, int] = {}
    for row in rows:
        if row.email in first_line:
            raise ValidationError(
                {
                    "file": REPEATED_EMAIL.format(
                        line=row.line, email=row.email, first=first_line[row.email]
                    )
                }
            )
        first_line[row.email] = row.line
        booking = places.get(row.email)
        if booking is None:
            raise ValidationError({"file": UNKNOWN_EMAIL.format(line=row.line, email=row.email)})
        marks[booking.pk] = (
            Booking.Attendance.ATTENDED if row.attended else Booking.Attendance.NO_SHOW
        )
    return attendance_mark(session=session, marks=marks, marked_by=marked_by)

"""Attendance: the trainer marks it on the form or from the sign-in sheet; marking raises the
agency's charges, once, and a changed mark swaps the charge. Bad sheets change nothing."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safeboard.core.uploads import TEXT_ENCODING_UNKNOWN
from safeboard.learning.attendance import services as attendance
from safeboard.learning.attendance.forms import attendance_field
from safeboard.learning.factories import LearnerFactory
from safeboard.learning.models import Booking, Charge

from .. import builders

pytestmark = pytest.mark.django_db
ATTENDED = Booking.Attendance.ATTENDED
NO_SHOW = Booking.Attendance.NO_SHOW


def _page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def places(cast):
    """Two learners of different agencies with places on a held session of a priced course."""
    session = builders.held_session(cast, course=builders.priced_course())
    sam = builders.booking(LearnerFactory(full_name="Sam Lee", email="sam@police.example"), session)
    ana = builders.booking(
        LearnerFactory(full_name="Ana Reid", email="ana@health.example"), session
    )
    return session, sam, ana


def _charges() -> list[tuple]:
    return sorted(
        Charge.objects.values_list("booking__learner__full_name", "kind", "amount", "agency_id")
    )


def _sheet(text: str, *, name: str = "sign-in.csv", encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def test_the_trainer_marks_attendance_on_the_form_and_the_charges_are_raised(
    trainer_client, trainer, places
):
    session, sam, ana = places
    response = trainer_client.post(
        reverse("learning:attendance", args=[session.pk]),
        {attendance_field(sam.pk): ATTENDED, attendance_field(ana.pk): NO_SHOW},
    )
    assert response.status_code == 302
    sam.refresh_from_db()
    ana.refresh_from_db()
    assert (sam.attendance, ana.attendance) == (ATTENDED, NO_SHOW)
    assert sam.attendance_marked_by == trainer
    assert _charges() == [
        ("Ana Reid", Charge.Kind.NO_SHOW, Decimal("30.00"), ana.learner.agency_id),
        ("Sam Lee", Charge.Kind.PLACE, Decimal("45.00"), sam.learner.agency_id),
    ]


def test_every_learner_must_be_marked_on_the_form(trainer_client, places):
    session, sam, ana = places
    response = trainer_client.post(
        reverse("learning:attendance", args=[session.pk]), {attendance_field(sam.pk): ATTENDED}
    )
    assert response.status_code == 400
    assert "Select whether Ana Reid attended." in _page(response)
    assert not Booking.objects.exclude(attendance="").exists()


def test_marking_again_the_same_way_raises_no_second_charge(trainer, places):
    session, sam, ana = places
    marks = {sam.pk: ATTENDED, ana.pk: NO_SHOW}
    attendance.attendance_mark(session=session, marks=marks, marked_by=trainer)
    again = attendance.attendance_mark(session=session, marks=marks, marked_by=trainer)
    assert (again.marked, again.unchanged) == (0, 2)
    assert Charge.objects.count() == 2


def test_changing_a_no_show_to_attended_swaps_the_charge(trainer, places):
    session, sam, ana = places
    attendance.attendance_mark(session=session, marks={ana.pk: NO_SHOW}, marked_by=trainer)
    attendance.attendance_mark(session=session, marks={ana.pk: ATTENDED}, marked_by=trainer)
    assert _charges() == [("Ana Reid", Charge.Kind.PLACE, Decimal("45.00"), ana.learner.agency_id)]


def test_a_free_course_raises_no_charges(cast, trainer):
    session = builders.held_session(cast)
    place = builders.booking(LearnerFactory(), session)
    attendance.attendance_mark(session=session, marks={place.pk: NO_SHOW}, marked_by=trainer)
    assert not Charge.objects.exists()


def test_attendance_cannot_be_marked_before_the_session_starts(trainer):
    session = builders.session(days=3)
    place = builders.booking(LearnerFactory(), session)
    with pytest.raises(ValidationError) as error:
        attendance.attendance_mark(session=session, marks={place.pk: ATTENDED}, marked_by=trainer)
    assert error.value.messages == [attendance.NOT_STARTED]


def test_only_places_on_the_session_can_be_marked(trainer, places):
    session, sam, _ = places
    elsewhere = builders.booking(LearnerFactory(), builders.session(days=-3))
    with pytest.raises(ValidationError):
        attendance.attendance_mark(
            session=session, marks={sam.pk: ATTENDED, elsewhere.pk: ATTENDED}, marked_by=trainer
        )
    assert not Booking.objects.exclude(attendance="").exists()


def test_the_sign_in_sheet_marks_attendance(trainer_client, places):
    session, sam, ana = places
    sheet = "\ufeffEmail,Name,Attended\r\nSAM@police.example,Sam Lee,Yes\r\n\r\nana@health.example,Ana Reid,no\r\n"
    response = trainer_client.post(
        reverse("learning:attendance_upload", args=[session.pk]), {"file": _sheet(sheet)}
    )
    assert response.status_code == 302
    sam.refresh_from_db()
    ana.refresh_from_db()
    assert (sam.attendance, ana.attendance) == (ATTENDED, NO_SHOW)
    assert len(_charges()) == 2


def test_a_sign_in_sheet_saved_by_excel_in_windows_1252_marks_attendance(trainer, places):
    session, sam, _ = places
    sheet = "Email,Name,Attended\r\nsam@police.example,Sam Lée (£10 paid),Yes\r\n"
    attendance.attendance_upload(
        session=session, upload=_sheet(sheet, encoding="cp1252"), marked_by=trainer
    )
    sam.refresh_from_db()
    assert sam.attendance == ATTENDED


def test_learners_the_sheet_leaves_out_keep_their_mark(trainer, places):
    session, sam, ana = places
    attendance.attendance_mark(session=session, marks={ana.pk: NO_SHOW}, marked_by=trainer)
    attendance.attendance_upload(
        session=session,
        upload=_sheet("email,attended\nsam@police.example,yes\n"),
        marked_by=trainer,
    )
    ana.refresh_from_db()
    assert ana.attendance == NO_SHOW


@pytest.mark.parametrize(
    ("content", "encoding", "message"),
    [
        (
            # 0x81 means nothing in Windows-1252, the one single-byte encoding read.
            "email,attended\nsam@police.example,yes\nzo\x81@health.example,no\n",
            "latin-1",
            TEXT_ENCODING_UNKNOWN,
        ),
        (
            "email,present\nsam@police.example,yes\n",
            "utf-8",
            "Line 1 must name the column attended: the sheet has email, present.",
        ),
        (
            "name,present\nSam,yes\n",
            "utf-8",
            "Line 1 must name the columns email and attended: the sheet has name, present.",
        ),
        (
            "email,attended\nsam@police.example,yes\nnobody@police.example,yes\n",
            "utf-8",
            attendance.UNKNOWN_EMAIL.format(line=3, email="nobody@police.example"),
        ),
        (
            "email,attended\nsam@police.example,maybe\n",
            "utf-8",
            attendance.BAD_ATTENDED.format(line=2, value="maybe"),
        ),
        (
            "email,attended\nsam@police.example,yes\nsam@police.example,no\n",
            "utf-8",
            attendance.REPEATED_EMAIL.format(line=3, email="sam@police.example", first=2),
        ),
        ("email,attended\n", "utf-8", attendance.NO_ROWS),
    ],
)
def test_a_bad_sign_in_sheet_is_a_clear_error_and_marks_nobody(
    trainer_client, places, content, encoding, message
):
    session, _, _ = places
    response = trainer_client.post(
        reverse("learning:attendance_upload", args=[session.pk]),
        {"file": _sheet(content, encoding=encoding)},
    )
    assert response.status_code == 400
    assert message in _page(response)
    assert not Booking.objects.exclude(attendance="").exists()
    assert not Charge.objects.exists()


def test_a_sheet_that_is_not_a_csv_file_is_refused(trainer_client, places):
    session, _, _ = places
    response = trainer_client.post(
        reverse("learning:attendance_upload", args=[session.pk]),
        {"file": _sheet("email,attended\n", name="sheet.xlsx")},
    )
    assert response.status_code == 400
    assert "The selected file must be a CSV file." in _page(response)


def test_the_upload_page_documents_the_sheet(trainer_client, places):
    session, _, _ = places
    page = _page(trainer_client.get(reverse("learning:attendance_upload", args=[session.pk])))
    assert "email,name,attended" in page and "CSV UTF-8" in page

"""Marking attendance: a question per learner with a place, or the sign-in sheet as CSV."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms

from safeboard.core.forms import GovUKForm

from ..models import Booking


def attendance_field(booking_id: int) -> str:
    return f"attendance_{booking_id}"


class AttendanceForm(GovUKForm):
    submit_label = "Save attendance"

    def __init__(self, *args, bookings: list[Booking], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.bookings = bookings
        for booking in bookings:
            learner = booking.learner
            self.fields[attendance_field(booking.pk)] = forms.ChoiceField(
                label=f"{learner.full_name} ({learner.agency}, {learner.job_role})",
                choices=Booking.Attendance.choices,
                widget=forms.RadioSelect,
                initial=booking.attendance or None,
                error_messages={"required": f"Select whether {learner.full_name} attended."},
            )
        self.helper.layout = Layout(
            *(
                Field.radios(attendance_field(b.pk), legend_size=Size.SMALL, inline=True)
                for b in bookings
            ),
            Submit("submit", self.submit_label),
        )
        self.helper.inputs = []

    def marks(self) -> dict[int, str]:
        return {b.pk: self.cleaned_data[attendance_field(b.pk)] for b in self.bookings}


class SignInSheetForm(GovUKForm):
    submit_label = "Upload and mark attendance"

    file = forms.FileField(
        label="Sign-in sheet",
        help_text="A CSV file, best saved from Excel as \u201cCSV UTF-8\u201d.",
        error_messages={
            "required": "Select the sign-in sheet to upload.",
            "empty": "The selected file is empty.",
        },
    )

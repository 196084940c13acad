"""Forms for events and sessions: dates, times, place, trainer, places; and a cancellation."""

from __future__ import annotations

import datetime
from typing import cast

from crispy_forms_gds.layout import Field, Layout, Submit
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.forms import DateInput, GovUKForm

from ..models import Event, Session

TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M"]
TIME_HINT = "Use the 24-hour clock, for example 09:30."
CAPACITY_ERROR = "Enter the number of places as a whole number from 1 to 500."


def _time_field(label: str, message: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        input_formats=TIME_FORMATS,
        help_text=TIME_HINT,
        error_messages={"required": message, "invalid": f"{message} {TIME_HINT}"},
        widget=forms.TimeInput(format="%H:%M", attrs={"class": "govuk-input govuk-input--width-5"}),
    )


class TrainerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user: User) -> str:
        person = user.person
        if person is not None:
            return f"{person.full_name} ({person.agency})"
        return user.email


def trainer_choices(current: User | None = None) -> QuerySet[User]:
    """People of the partnership with an account, and the session's trainer if not one."""
    chosen = Q(is_active=True, person__isnull=False)
    if current is not None:
        chosen |= Q(pk=current.pk)
    return (
        User.objects.filter(chosen)
        .select_related("person__agency")
        .order_by("person__full_name", "email")
    )


class SessionForm(GovUKForm):
    day = forms.DateField(
        label="Date", widget=DateInput(), error_messages={"required": "Enter the date."}
    )
    starts = _time_field("Start time", "Enter the start time.")
    ends = _time_field("End time", "Enter the end time.")
    venue = forms.CharField(
        max_length=200,
        required=False,
        help_text="Leave empty if the session is only online.",
    )
    is_online = forms.BooleanField(label="The session is online", required=False)
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        max_value=500,
        error_messages={
            "required": CAPACITY_ERROR,
            "invalid": CAPACITY_ERROR,
            "min_value": CAPACITY_ERROR,
            "max_value": CAPACITY_ERROR,
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    trainer = TrainerChoiceField(
        queryset=User.objects.none(),
        required=False,
        empty_label="No trainer with an account",
        help_text="They see who is booked and mark attendance.",
    )
    trainer_name = forms.CharField(
        label="Name of a trainer from outside the partnership",
        max_length=200,
        required=False,
        help_text="Only if the trainer has no account.",
    )
    event = forms.ModelChoiceField(
        queryset=Event.objects.none(),
        required=False,
        empty_label="Not part of an event",
        help_text="For example a learning-from-reviews conference.",
    )

    def __init__(self, *args, session: Session | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        trainers = cast(forms.ModelChoiceField, self.fields["trainer"])
        trainers.queryset = trainer_choices(session.trainer if session else None)
        events = Event.objects.order_by("-starts_on")
        cast(forms.ModelChoiceField, self.fields["event"]).queryset = events
        if not events.exists():
            del self.fields["event"]
        self.helper.layout = Layout(
            "day",
            "starts",
            "ends",
            "venue",
            "is_online",
            Field.text("capacity", field_width=3),
            "trainer",
            "trainer_name",
            *(["event"] if "event" in self.fields else []),
            Submit("submit", self.submit_label),
        )
        self.helper.inputs = []

    @classmethod
    def initial_for(cls, session: Session) -> dict:
        starts_at = timezone.localtime(session.starts_at)
        return {
            "day": starts_at.date(),
            "starts": starts_at.time(),
            "ends": timezone.localtime(session.ends_at).time(),
            "venue": session.venue,
            "is_online": session.is_online,
            "capacity": session.capacity,
            "trainer": session.trainer,
            "trainer_name": session.trainer_name,
            "event": session.event,
        }

    def service_arguments(self) -> dict:
        data = self.cleaned_data

        def at(time: datetime.time) -> datetime.datetime:
            return timezone.make_aware(datetime.datetime.combine(data["day"], time))

        return {
            "starts_at": at(data["starts"]),
            "ends_at": at(data["ends"]),
            "venue": data["venue"],
            "is_online": data["is_online"],
            "capacity": data["capacity"],
            "trainer": data["trainer"],
            "trainer_name": data["trainer_name"],
            "event": data.get("event"),
        }


class EventForm(GovUKForm):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the event's title."})
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="What the event is for, as those who book see it.",
    )
    starts_on = forms.DateField(
        label="First day", widget=DateInput(), error_messages={"required": "Enter the first day."}
    )
    ends_on = forms.DateField(
        label="Last day",
        widget=DateInput(),
        help_text="The same as the first day for a one-day event.",
        error_messages={"required": "Enter the last day."},
    )

    @classmethod
    def initial_for(cls, event: Event) -> dict:
        return {
            name: getattr(event, name) for name in ("title", "description", "starts_on", "ends_on")
        }


class SessionCancelForm(GovUKForm):
    submit_label = "Cancel the session"

    reason = forms.CharField(
        label="Why is it cancelled?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Everyone with a place or on the waiting list is emailed this.",
        error_messages={"required": "Say why the session is cancelled: everyone booked is told."},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            "reason", Submit("submit", self.submit_label, css_class="govuk-button--warning")
        )
        self.helper.inputs = []

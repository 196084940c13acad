"""Forms for running meetings: each parses input for one service in services.py."""

from __future__ import annotations

import datetime
from typing import cast

from crispy_forms_gds.layout import Div, Fieldset, Layout, Size, Submit
from django import forms
from django.utils import timezone

from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.fields import PersonChoiceField, active_people
from safeboard.partnership.models import Group

from .models import AgendaItem, Attendance, Meeting
from .services import AttendanceEntry, DecisionAction, attendance_field

TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M"]


def _date_input() -> DateInput:
    # The shared DateInput renders without GOV.UK's input class; give it one here.
    return DateInput(attrs={"class": "govuk-input govuk-input--width-10"})


class MeetingForm(GovUKForm):
    group = forms.ModelChoiceField(
        queryset=Group.objects.all(), label="Board or subgroup", empty_label="Choose a group"
    )
    title = forms.CharField(max_length=200)
    starts_on = forms.DateField(label="Date", widget=_date_input())
    starts_at_time = forms.TimeField(
        label="Start time",
        input_formats=TIME_FORMATS,
        help_text="Use the 24-hour clock, for example 14:30.",
        widget=forms.TimeInput(format="%H:%M", attrs={"class": "govuk-input govuk-input--width-5"}),
    )
    location = forms.CharField(max_length=200, required=False)

    @classmethod
    def initial_for(cls, meeting: Meeting) -> dict:
        starts_at = timezone.localtime(meeting.starts_at)
        return {
            "group": meeting.group,
            "title": meeting.title,
            "starts_on": starts_at.date(),
            "starts_at_time": starts_at.time(),
            "location": meeting.location,
        }

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        starts_at = timezone.make_aware(
            datetime.datetime.combine(data["starts_on"], data["starts_at_time"])
        )
        return {
            "group": data["group"],
            "title": data["title"],
            "starts_at": starts_at,
            "location": data["location"],
        }


class AgendaItemForm(GovUKForm):
    title = forms.CharField(max_length=200)
    presenter = PersonChoiceField(
        queryset=active_people(), required=False, empty_label="No presenter", label="Presenter"
    )
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class _MeetingItemsMixin:
    """An optional agenda item, chosen only from this meeting's agenda."""

    fields: dict[str, forms.Field]  # the form's, as this mixes into one

    def limit_agenda_items(self, meeting: Meeting) -> None:
        cast(
            forms.ModelChoiceField, self.fields["agenda_item"]
        ).queryset = meeting.agenda_items.order_by("position")


class PaperForm(_MeetingItemsMixin, GovUKForm):
    submit_label = "Upload the paper"
    title = forms.CharField(max_length=200)
    agenda_item: forms.ModelChoiceField[AgendaItem] = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="Not for one item", label="Agenda item"
    )
    file = forms.FileField(help_text="A PDF, Word, Excel or plain text file.")
    for_readers = forms.BooleanField(
        label="For readers",
        required=False,
        help_text="Councillors and inspectors with a reader's account may open this paper "
        "from their dashboard. They see nothing else of the meeting.",
    )

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit_agenda_items(meeting)


class DecisionForm(_MeetingItemsMixin, GovUKForm):
    submit_label = "Record the decision"
    text = forms.CharField(label="The decision", widget=forms.Textarea(attrs={"rows": 4}))
    agenda_item: forms.ModelChoiceField[AgendaItem] = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="Not for one item", label="Agenda item"
    )
    needs_action = forms.TypedChoiceField(
        label="Does this decision need an action?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if this decision needs an action."},
    )
    action_title = forms.CharField(
        label="What the action is",
        help_text="Only if you answered yes.",
        max_length=200,
        required=False,
    )
    action_owner = PersonChoiceField(
        queryset=active_people(),
        required=False,
        label="Owner",
        empty_label="Choose a person",
        help_text="Their agency will own the action.",
    )
    action_due_on = forms.DateField(label="Due date", required=False, widget=_date_input())

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit_agenda_items(meeting)
        self.helper.layout = Layout(
            "text",
            "agenda_item",
            # Plain fields, not a conditional reveal: GOV.UK Frontend's reveal puts
            # aria-expanded on radios, which ARIA does not allow (axe: aria-allowed-attr).
            "needs_action",
            Fieldset(
                "action_title",
                "action_owner",
                "action_due_on",
                legend="The action, if the decision needs one",
                legend_size=Size.SMALL,
            ),
            Submit("submit", self.submit_label),
        )
        self.helper.inputs = []

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        action = None
        if data["needs_action"]:
            action = DecisionAction(
                title=data["action_title"],
                owner_person=data["action_owner"],
                due_on=data["action_due_on"],
            )
        return {"text": data["text"], "agenda_item": data["agenda_item"], "action": action}


class MinutesForm(GovUKForm):
    submit_label = "Save the minutes"
    minutes = forms.CharField(widget=forms.Textarea(attrs={"rows": 16}), required=False)
    minutes_approved_on = forms.DateField(
        label="Date the minutes were approved",
        required=False,
        help_text="Leave empty until the group has approved the minutes.",
        widget=_date_input(),
    )


class AttendanceForm(GovUKForm):
    """One question per expected member: how they attended, and their deputy's name."""

    submit_label = "Save attendance"

    def __init__(self, *args, members, recorded: dict[int, Attendance], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.members = list(members)
        layout = []
        for person in self.members:
            status_name = attendance_field("status", person.pk)
            deputy_name = attendance_field("deputy_name", person.pk)
            row = recorded.get(person.pk)
            self.fields[status_name] = forms.ChoiceField(
                label=f"{person.full_name} ({person.agency})",
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect,
                initial=row.status if row else None,
                error_messages={"required": f"Select how {person.full_name} attended."},
            )
            self.fields[deputy_name] = forms.CharField(
                label=f"Name of {person.full_name}\u2019s deputy",
                help_text="Only if they sent a deputy.",
                max_length=200,
                required=False,
                initial=row.deputy_name if row else "",
            )
            layout.append(Div(status_name, deputy_name, css_class="safeboard-attendance-member"))
        self.helper.layout = Layout(*layout, Submit("submit", self.submit_label))
        self.helper.inputs = []

    def entries(self) -> list[AttendanceEntry]:
        data = self.cleaned_data
        return [
            AttendanceEntry(
                person_id=person.pk,
                status=data[attendance_field("status", person.pk)],
                deputy_name=data[attendance_field("deputy_name", person.pk)],
            )
            for person in self.members
        ]


class MeetingFilterForm(GovUKForm):
    submit_label = "Show meetings"
    group: forms.ModelChoiceField[Group] = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="Every group", label="Board or subgroup"
    )

    def __init__(self, *args, groups, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["group"]).queryset = groups


class AttendanceReportForm(GovUKForm):
    submit_label = "Show attendance"
    from_date = forms.DateField(label="From", widget=_date_input())
    to_date = forms.DateField(label="To", widget=_date_input())
    group = forms.ModelChoiceField(
        queryset=Group.objects.all(),
        required=False,
        empty_label="Every group",
        label="Board or subgroup",
    )

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        if data.get("from_date") and data.get("to_date") and data["from_date"] > data["to_date"]:
            self.add_error("to_date", "The end of the period must be on or after its start.")
        return data

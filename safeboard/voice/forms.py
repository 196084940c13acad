"""The forms of the voice record. None asks for a child's name or date of birth."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from safeboard.actions.models import Action
from safeboard.core.forms import DateInput, GovUKForm
from safeboard.priorities.models import Priority
from safeboard.themes.selectors import active_themes

from . import survey_csv
from .models import Activity, AgeBand

THEMES_HELP = "The same themes as case reviews, audits and training, so the board can follow one."


class ActivityForm(GovUKForm):
    submit_label = "Save the activity"

    kind = forms.ChoiceField(
        label="Kind of activity", choices=Activity.Kind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(max_length=200, help_text="For example: Feeling safe online survey.")
    held_on = forms.DateField(label="Date held", widget=DateInput())
    description = forms.CharField(
        help_text="What was asked, how, and by whom.", widget=forms.Textarea(attrs={"rows": 4})
    )
    consent_notes = forms.CharField(
        label="Consent",
        required=False,
        help_text="How consent was sought from children, young people and parents.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    safeguarding_notes = forms.CharField(
        label="Safeguarding",
        required=False,
        help_text="How those taking part were kept safe, and any concern raised and passed on. "
        "Do not name a child.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ParticipationForm(GovUKForm):
    submit_label = "Add the count"

    age_band = forms.ChoiceField(choices=AgeBand.choices, widget=forms.RadioSelect)
    group = forms.CharField(
        max_length=100, help_text="For example: children in care council, year 9 pupils."
    )
    count = forms.IntegerField(label="Number who took part", min_value=1)


class ContributionForm(GovUKForm):
    submit_label = "Save what was said"

    text = forms.CharField(
        label="What was said",
        help_text="In their words where you can. Leave out anything that could identify a child.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    question = forms.CharField(
        max_length=300, required=False, help_text="What they were asked, if there was a question."
    )
    age_band = forms.ChoiceField(
        choices=AgeBand.choices, initial=AgeBand.NOT_GIVEN, widget=forms.RadioSelect
    )
    group = forms.CharField(max_length=100, required=False)
    themes = forms.ModelMultipleChoiceField(
        queryset=active_themes(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=THEMES_HELP,
    )


class CodeForm(GovUKForm):
    submit_label = "Save the themes"

    themes = forms.ModelMultipleChoiceField(
        queryset=active_themes(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=THEMES_HELP,
    )


class ResponseForm(GovUKForm):
    submit_label = "Save the response"

    what_we_did = forms.CharField(
        label="What we did",
        help_text="In plain words a child would understand: this is what the public page shows.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    responded_on = forms.DateField(
        label="Date of the response", widget=DateInput(), initial=timezone.localdate
    )
    priority = forms.ModelChoiceField(
        queryset=Priority.objects.select_related("plan").order_by("-plan__starts_on", "number"),
        required=False,
        empty_label="No priority",
        help_text="The priority of the business plan it led to, if any.",
    )
    action = forms.ModelChoiceField(
        queryset=Action.objects.order_by("title", "pk"),
        required=False,
        empty_label="No action",
        help_text="The action of the action plan it led to, if any.",
    )
    policy_change = forms.CharField(
        required=False,
        help_text="A policy or practice that changed because of it.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ConfirmForm(GovUKForm):
    def __init__(self, *args, submit_label: str, **kwargs) -> None:
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)


class SurveyImportForm(GovUKForm):
    submit_label = "Import the answers"

    file = forms.FileField(
        label="Survey export (CSV)",
        help_text="Columns: "
        + ", ".join(survey_csv.COLUMNS)
        + ". Only answer is required; themes are separated by semicolons.",
    )
